# bench/lib/cases.sh, sourced by bench/run: the server cases group by group (db, scale, db-url, redis, compact, jwt,
# jwe; BENCH_GROUPS selects) and the JMH microbenchmarks. Results go to results.tsv and jmh-*.csv for bench/report.mjs.

# get_session_group GROUP JAVA_COOKIE NODE_COOKIE: bare ceiling, get-session (Java and Node), protected resource,
# interleaved round by round, so each ratio compares runs made with the same JIT state and the same neighbours
get_session_group() {
  local g="$1" jc="$2" nc="$3" r
  expect_session "$JAVA" "$jc"; expect_session "$NODE" "$nc"
  warm_until_steady "$g" "$JAVA/bench/bare" "" "$JAVA$GS" "$jc" "$JAVA/protected/whoami" "$jc"
  wrk -t2 -c"$CONNECTIONS" -d10s -H "Cookie: $nc" "$NODE$GS" >/dev/null 2>&1
  for r in $(seq 1 "$ROUNDS"); do
    run_wrk "$g" bare java "$r" "$JAVA_PID" "$JAVA/bench/bare"
    run_wrk "$g" get-session java "$r" "$JAVA_PID" "$JAVA$GS" -H "Cookie: $jc"
    run_wrk "$g" get-session node "$r" "$NODE_PID" "$NODE$GS" -H "Cookie: $nc"
    run_wrk "$g" protected java "$r" "$JAVA_PID" "$JAVA/protected/whoami" -H "Cookie: $jc"
  done
}

# wanted GROUP: whether BENCH_GROUPS (default: all) includes GROUP
wanted() { [ -z "${BENCH_GROUPS:-}" ] || [[ " $BENCH_GROUPS " == *" $1 "* ]]; }

# start_group GROUP: both servers with the group's configuration (db and scale: sessions in PostgreSQL, through
# Payara's pool; db-url: the same through the library's own pool, better-auth.database.url; redis: in Redis only;
# compact, jwt, jwe: that cookie cache in front of PostgreSQL)
start_group() {
  case "$1" in
    db|scale) start_java "$1"; start_node "$1" ;;
    db-url)
      # the application name tells the library's connections apart in pg_stat_activity (measure_group checks them);
      # the pool as large as Payara's benchPool in db (32), so that the two groups differ in the pool's code only
      start_java "$1" BETTER_AUTH_DATABASE_URL="$JDBC_URL&ApplicationName=better-auth-db-url" \
        BETTER_AUTH_DATABASE_POOL_SIZE="${BENCH_DB_URL_POOL_SIZE:-32}"
      start_node "$1" ;;
    redis)
      start_java "$1" BETTER_AUTH_SECONDARY_STORAGE_REDIS_URL="$REDIS_URL"
      start_node "$1" BENCH_REDIS_URL="$REDIS_URL" ;;
    compact|jwt|jwe)
      # max-age an hour (default 5 minutes, as bench/node/server.mjs): longer than the warm-up and the rounds
      start_java "$1" BETTER_AUTH_SESSION_COOKIE_CACHE_ENABLED=true BETTER_AUTH_SESSION_COOKIE_CACHE_STRATEGY="$1" \
        BETTER_AUTH_SESSION_COOKIE_CACHE_MAX_AGE=3600
      start_node "$1" BENCH_COOKIE_CACHE="$1" ;;
    *) die "no group $1 (db, db-url, redis, compact, jwt, jwe)" ;;
  esac
}

# measure_group GROUP: a sign-in on each server (bench@bench.local, signed up; the cookies stay in GROUP_JC and
# GROUP_NC), then get_session_group with those cookies; checks that the group's configuration is the one measured (redis: no session row; a cache: the cookie is
# set, and PostgreSQL did no work for the cached requests)
measure_group() {
  local g="$1" jc nc
  jc="$(sign_in "$JAVA" bench@bench.local)"; nc="$(sign_in "$NODE" bench@bench.local)"
  GROUP_JC="$jc"; GROUP_NC="$nc"
  case "$g" in
    redis) [ "$(psql_bench -c 'select count(*) from session')" = 0 ] || die "redis group: session rows were written" ;;
    compact|jwt|jwe)
      case "$jc" in *session_data*) ;; *) die "$g: Java's sign-in set no session_data cookie: $jc" ;; esac
      case "$nc" in *session_data*) ;; *) die "$g: Node's sign-in set no session_data cookie: $nc" ;; esac ;;
  esac
  get_session_group "$g" "$jc" "$nc"
  case "$g" in
    db-url)
      local own; own="$(psql_bench -c "select count(*) from pg_stat_activity where application_name = 'better-auth-db-url'")"
      [ "$own" -gt 0 ] || die "db-url: no connection of the library's own pool; better-auth.database.url was not used" ;;
    compact|jwt|jwe)
      # a cache hit reads nothing from PostgreSQL: if the database worked for these requests, the cache was missed
      awk -F'\t' -v g="$g" '$1 == g && $2 != "bare" && $10 > 20 { bad = bad " " $2 "/" $3 "/" $4 "=" $10 }
        END { if (bad) { print "cache group " g " read PostgreSQL (µs/req):" bad; exit 1 } }' "$RESULTS" \
        || die "$g: the cookie cache was missed; the figures would be the database path's" ;;
  esac
}

# The daily loop (bench/run quick): one group (BENCH_QUICK_GROUP, default db), Java and Node interleaved round by
# round as in the full run, with a shorter warm-up limit, fewer and shorter rounds (bench/run sets the defaults)
quick_case() {
  local g="${BENCH_QUICK_GROUP:-db}"
  fresh_database
  start_group "$g"
  sign_up "$JAVA" bench@bench.local "Bench User"
  measure_group "$g"
  stop_java; stop_node
}

# The profile of one case at a time (bench/run profile): one group (BENCH_QUICK_GROUP, default compact) on Payara
# only, warmed up as in the full run, then each case loaded alone under a JFR recording of its own, so every sample
# of profile-<group>-<case>.jfr belongs to that case (Jersey's response writing included, which the interleaved
# rounds' recording cannot attribute) and the files compare per request. Payara runs a recording from its start
# (bench/run sets BENCH_JFR=1): the first recording started on a warm JVM instead deoptimises the request path
# (measured: 8,400 -> 1,600 req/s), which the profile would then show.
profile_case() {
  local g="${BENCH_QUICK_GROUP:-compact}" jc c url
  fresh_database
  start_group "$g"; stop_node
  sign_up "$JAVA" bench@bench.local "Bench User"
  jc="$(sign_in "$JAVA" bench@bench.local)"
  expect_session "$JAVA" "$jc"
  warm_until_steady "$g" "$JAVA/bench/bare" "" "$JAVA$GS" "$jc" "$JAVA/protected/whoami" "$jc"
  for c in bare get-session protected; do
    # bare without a cookie, as in the full run: the ceiling, with no session to look up
    case "$c" in bare) url="$JAVA/bench/bare" ;; get-session) url="$JAVA$GS" ;; protected) url="$JAVA/protected/whoami" ;; esac
    jcmd "$JAVA_PID" JFR.start name="profile-$c" settings=profile filename="$OUT/profile-$g-$c.jfr" >/dev/null
    if [ "$c" = bare ]; then run_wrk "$g" "$c" java 1 "$JAVA_PID" "$url"; else run_wrk "$g" "$c" java 1 "$JAVA_PID" "$url" -H "Cookie: $jc"; fi
    jcmd "$JAVA_PID" JFR.stop name="profile-$c" >/dev/null
    log "[$g] $c: $OUT/profile-$g-$c.jfr ($(tail -1 "$RESULTS" | cut -f5) requests)"
  done
  stop_java
}

server_cases() {
  fresh_database
  local jc nc uid g

  # ---- group db: sessions in PostgreSQL, no cache -------------------------------------------------------------
  g=db
  start_group "$g"
  sign_up "$JAVA" bench@bench.local "Bench User"
  sign_up "$JAVA" signin@bench.local "Sign-in User"
  sign_up "$JAVA" scale@bench.local "Scale User"
  if wanted db; then
    # the user's sessions: sign-up's, one Java sign-in, one Node sign-in (both servers read the same table)
    measure_group "$g"
    jc="$GROUP_JC"; nc="$GROUP_NC"

    log "[$g] list-sessions with 3 and 1000 sessions"
    uid="'$(user_id bench@bench.local)'"
    expect_list "$JAVA" "$jc" 3; expect_list "$NODE" "$nc" 3
    run_wrk "$g" list-3 java 1 "$JAVA_PID" "$JAVA/api/auth/list-sessions" -H "Cookie: $jc"
    run_wrk "$g" list-3 node 1 "$NODE_PID" "$NODE/api/auth/list-sessions" -H "Cookie: $nc"
    seed_sessions "$uid" 1 997
    expect_list "$JAVA" "$jc" 1000; expect_list "$NODE" "$nc" 1000
    run_wrk "$g" list-1000 java 1 "$JAVA_PID" "$JAVA/api/auth/list-sessions" -H "Cookie: $jc"
    run_wrk "$g" list-1000 node 1 "$NODE_PID" "$NODE/api/auth/list-sessions" -H "Cookie: $nc"

    log "[$g] sign-in (scrypt)"
    signin_lua "$JAVA" signin@bench.local "$OUT/signin-java.lua"
    signin_lua "$NODE" signin@bench.local "$OUT/signin-node.lua"
    WRK_CONNECTIONS=4 run_wrk "$g" sign-in java 1 "$JAVA_PID" "$JAVA/api/auth/sign-in/email" -s "$OUT/signin-java.lua"
    WRK_CONNECTIONS=4 run_wrk "$g" sign-in node 1 "$NODE_PID" "$NODE/api/auth/sign-in/email" -s "$OUT/signin-node.lua"
  fi

  # ---- scale: get-session over 1000 distinct sessions with 10^3 and with 10^6 rows; list-sessions of 10^4 -----
  g=scale
  if wanted scale; then
    log "[$g] 10^3 session rows"
    psql_bench -c "truncate session"
    psql_bench -c "insert into \"user\" (id, name, email, \"emailVerified\", \"createdAt\", \"updatedAt\")
      select 'filler' || g, 'Filler ' || g, 'filler' || g || '@bench.local', false, now(), now()
      from generate_series(0, 999) g"
    seed_sessions "'filler' || (g % 1000)" 1 1000
    psql_bench -c "vacuum analyze session"
    signed_cookies "$OUT/cookies-1e3.txt" $(seq 1 1000)
    rotate_lua "$OUT/cookies-1e3.txt" "$OUT/rotate-1e3.lua"
    expect_session "$JAVA" "$(head -1 "$OUT/cookies-1e3.txt")"
    expect_session "$NODE" "$(head -1 "$OUT/cookies-1e3.txt")"
    run_wrk "$g" get-session-1e3 java 1 "$JAVA_PID" "$JAVA$GS" -s "$OUT/rotate-1e3.lua"
    run_wrk "$g" get-session-1e3 node 1 "$NODE_PID" "$NODE$GS" -s "$OUT/rotate-1e3.lua"
    log "[$g] 10^6 session rows (bulk insert)"
    seed_sessions "'filler' || (g % 1000)" 1001 1000000
    psql_bench -c "vacuum analyze session"
    log "[$g] $(psql_bench -c "select count(*) || ' rows, table ' || pg_size_pretty(pg_total_relation_size('session'))
      from session")"
    # 1000 sessions spread over the whole table (every 1000th row, offset 7)
    signed_cookies "$OUT/cookies-1e6.txt" $(seq 7 1000 1000000)
    rotate_lua "$OUT/cookies-1e6.txt" "$OUT/rotate-1e6.lua"
    expect_session "$JAVA" "$(tail -1 "$OUT/cookies-1e6.txt")"
    run_wrk "$g" get-session-1e6 java 1 "$JAVA_PID" "$JAVA$GS" -s "$OUT/rotate-1e6.lua"
    run_wrk "$g" get-session-1e6 node 1 "$NODE_PID" "$NODE$GS" -s "$OUT/rotate-1e6.lua"
    log "[$g] list-sessions with 10^4 sessions"
    jc="$(sign_in "$JAVA" scale@bench.local)"
    uid="'$(user_id scale@bench.local)'"
    seed_sessions "$uid" 2000001 2009999
    expect_list "$JAVA" "$jc" 10000
    WRK_CONNECTIONS=4 run_wrk "$g" list-10000 java 1 "$JAVA_PID" "$JAVA/api/auth/list-sessions" -H "Cookie: $jc"
    WRK_CONNECTIONS=4 run_wrk "$g" list-10000 node 1 "$NODE_PID" "$NODE/api/auth/list-sessions" -H "Cookie: $jc"
    psql_bench -c "truncate session"
  fi

  # ---- group db-url: as db, but through the library's own pool (better-auth.database.url), not Payara's -------
  g=db-url
  if wanted db-url; then
    start_group "$g"
    measure_group "$g"
  fi

  # ---- group redis: sessions in Redis only (Better Auth's secondaryStorage) ----------------------------------
  g=redis
  if wanted redis; then
    # no session rows left by the groups before (db, db-url): measure_group checks that this group writes none
    psql_bench -c "truncate session"
    start_group "$g"
    measure_group "$g"
  fi

  # ---- groups compact, jwt, jwe: the session_data cookie cache in front of PostgreSQL ------------------------
  for g in compact jwt jwe; do
    wanted "$g" || continue
    start_group "$g"
    measure_group "$g"
  done
  stop_java; stop_node
}

jmh_cases() {
  log "JMH: hot paths (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement) and scrypt"
  java -jar "$WORK/benchmarks.jar" HotPathBenchmarks -f 1 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff "$OUT/jmh-hot.csv" \
    >"$OUT/jmh-hot.txt" 2>&1 || { tail -30 "$OUT/jmh-hot.txt" >&2; die "JMH failed"; }
  java -jar "$WORK/benchmarks.jar" ScryptBenchmark -f 1 -wi 2 -w 2s -i 5 -r 2s -rf csv -rff "$OUT/jmh-scrypt.csv" \
    >"$OUT/jmh-scrypt.txt" 2>&1 || { tail -30 "$OUT/jmh-scrypt.txt" >&2; die "JMH failed"; }
  sed -n '/^Benchmark/,$p' "$OUT/jmh-hot.txt" "$OUT/jmh-scrypt.txt" >&2
}

# Bytes retained per active session in the in-memory stores and per rate-limit bucket (MemoryFootprint, JOL's
# object-graph walk; JOL reads record fields through its "magic" field offsets, and may attach to this JVM)
memory_cases() {
  log "memory: bytes retained per session in the in-memory stores and per rate-limit bucket (JOL)"
  java -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true -cp "$WORK/benchmarks.jar" \
    io.betterauth.jakarta.jmh.MemoryFootprint "${BENCH_MEMORY_ENTRIES:-20000}" >"$OUT/memory.tsv" 2>"$OUT/memory.log" \
    || { tail -30 "$OUT/memory.log" >&2; die "MemoryFootprint failed"; }
  column -t -s $'\t' "$OUT/memory.tsv" >&2
}
