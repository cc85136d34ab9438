# bench/lib/clients.sh, sourced by bench/run: what the cases need from the servers and the database before they
# measure: users, sign-ins and their cookies, seeded session rows, and the wrk Lua scripts that replay them.

# sign_in BASE EMAIL: prints the Cookie header value (every cookie the answer set), fails unless 200
sign_in() {
  local base="$1" email="$2" headers
  headers="$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -H "Origin: $base" \
    -d "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}" "$base/api/auth/sign-in/email")"
  printf '%s' "$headers" | head -1 | grep -q ' 200' || die "sign-in at $base failed: $(printf '%s' "$headers" | head -1)"
  printf '%s\n' "$headers" | tr -d '\r' | awk 'tolower($1) == "set-cookie:" { split($2, kv, ";"); if (kv[1] !~ /=$/) c = c (c ? "; " : "") kv[1] }
    END { print c }'
}
sign_up() {  # sign_up BASE EMAIL NAME
  local code
  code="$(curl -s -o "$OUT/sign-up.json" -w '%{http_code}' -H 'Content-Type: application/json' -H "Origin: $1" \
    -d "{\"email\":\"$2\",\"password\":\"$PASSWORD\",\"name\":\"$3\"}" "$1/api/auth/sign-up/email")"
  [ "$code" = 200 ] || die "sign-up of $2 at $1 answered $code: $(cat "$OUT/sign-up.json")"
}
user_id() { psql_bench -c "select id from \"user\" where email = '$1'"; }
# expect_session BASE COOKIE: get-session answers a session for that cookie
expect_session() {
  local body; body="$(curl -s -H "Cookie: $2" "$1/api/auth/get-session")"
  case "$body" in *'"session":{'*) ;; *) die "get-session at $1 answered no session: $body" ;; esac
}
expect_list() {  # expect_list BASE COOKIE COUNT
  local n
  n="$(curl -s -H "Cookie: $2" "$1/api/auth/list-sessions" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const a=JSON.parse(s);console.log(Array.isArray(a)?a.length:"not a list: "+s.slice(0,200))}catch(e){console.log("bad JSON: "+s.slice(0,200))}})')"
  [ "$n" = "$3" ] || die "list-sessions at $1 gave $n sessions, expected $3"
}
signin_lua() {  # signin_lua BASE EMAIL FILE
  cat >"$3" <<LUA
wrk.method = "POST"
wrk.body = '{"email":"$2","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = "$1"
LUA
}
# seed_sessions USER_ID FROM TO: rows FROM..TO of Better Auth's session table for that user, live for 7 days,
# tokens md5('tok'||n) (32 characters, as generateId(32) gives), in one INSERT ... SELECT generate_series
seed_sessions() {
  psql_bench -c "insert into session (id, \"expiresAt\", token, \"createdAt\", \"updatedAt\", \"ipAddress\", \"userAgent\", \"userId\")
    select 'seed' || g, now() + interval '7 days', md5('tok' || g), now() - interval '1 hour', now() - interval '1 hour',
           '127.0.0.1', 'bench-seed', $1 from generate_series($2, $3) g"
}
# signed_cookies FILE N...: the session_token cookie (signed as better-call signs it) for seeded rows N...
signed_cookies() {
  local file="$1"; shift
  printf '%s\n' "$@" | BENCH_SECRET="$SECRET" node "$ROOT/bench/lib/signed-cookies.mjs" "$file"
}
rotate_lua() {  # rotate_lua COOKIE_FILE LUA_FILE: each request takes the next cookie of the file
  cat >"$2" <<LUA
local cookies = {}
for line in io.lines("$1") do cookies[#cookies + 1] = line end
local i = 0
init = function(args) i = math.random(#cookies) end
request = function()
  i = i % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[i] })
end
LUA
}
