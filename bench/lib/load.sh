# bench/lib/load.sh, sourced by bench/run: the load test of issue 9 (bench/run load). Its verdict and table come
# from bench/load-report.mjs.

# heap_after_gc PID: the heap in use (MB) right after a full collection (jcmd GC.run, then GC.heap_info)
# after a 5 s pause, so that requests still in flight when wrk stopped (a sign-in holds scrypt's 32 MB) are done
heap_after_gc() {
  sleep 5
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/ used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v);
    printf "%.1f\n", v / 1024; exit } }'
}

# wrk_counts FILE: "requests non2xx socket_errors" of one wrk output
wrk_counts() {
  awk '/ requests in / { n = $1 } /Non-2xx or 3xx responses:/ { bad = $NF }
       /Socket errors:/ { gsub(",", ""); err = $4 + $6 + $8 + $10 }
       END { printf "%d %d %d\n", n, bad + 0, err + 0 }' "$1"
}

# The load test of issue 9: get-session (32 connections, rotating over 1000 sessions in PostgreSQL, no cache) and
# sign-in (2 connections, scrypt) at the same time against one Payara Micro, LOAD_WARMUP s of warm-up, then
# LOAD_CHUNKS x LOAD_CHUNK s measured; after the warm-up and after every chunk, the heap in use after a full GC.
# Fails on any non-2xx answer or socket error, or when the last heap sample exceeds the first by more than
# LOAD_HEAP_TOLERANCE % (default 10).
load_test() {
  local warm="${LOAD_WARMUP:-60}" chunk="${LOAD_CHUNK:-30}" chunks="${LOAD_CHUNKS:-6}" tol="${LOAD_HEAP_TOLERANCE:-10}"
  local summary="$OUT/load.tsv" i gfile sfile
  fresh_database
  start_java load
  sign_up "$JAVA" load@bench.local "Load User"
  sign_up "$JAVA" signin@bench.local "Sign-in User"
  local uid; uid="'$(user_id load@bench.local)'"
  seed_sessions "$uid" 1 1000
  psql_bench -c "vacuum analyze session"
  signed_cookies "$OUT/cookies-load.txt" $(seq 1 1000)
  rotate_lua "$OUT/cookies-load.txt" "$OUT/rotate-load.lua"
  expect_session "$JAVA" "$(head -1 "$OUT/cookies-load.txt")"
  signin_lua "$JAVA" signin@bench.local "$OUT/signin-load.lua"
  # both loads at once for $1 s, outputs in $2 (get-session) and $3 (sign-in)
  mixed() {
    wrk -t2 -c32 -d"$1s" --timeout 10s --latency -s "$OUT/rotate-load.lua" "$JAVA$GS" >"$2" 2>&1 &
    local gpid=$!
    wrk -t1 -c2 -d"$1s" --timeout 10s --latency -s "$OUT/signin-load.lua" "$JAVA/api/auth/sign-in/email" >"$3" 2>&1 || true
    wait "$gpid" || true
  }
  # the server log from here on is the load's, and only its lines count in the verdict. The deployment's log is
  # DeploymentLogIT's to guard: it no longer has a SEVERE line (Payara's annotation scanner used to name the optional
  # Micrometer integration of an app without Micrometer), so load-startup-log-lines.txt, which listed it, is gone.
  local log_from; log_from="$(wc -l <"$OUT/payara-load.log")"
  log "[load] warm-up: ${warm} s of get-session and sign-in together"
  mixed "$warm" "$OUT/load-warmup-get-session.txt" "$OUT/load-warmup-sign-in.txt"
  local heap0; heap0="$(heap_after_gc "$JAVA_PID")"
  log "[load] heap after warm-up and a full GC: $heap0 MB"
  jcmd "$JAVA_PID" GC.class_histogram >"$OUT/load-histogram-first.txt"
  printf 'chunk\tseconds\tget_session_requests\tget_session_rps\tget_session_p50_ms\tget_session_p99_ms\tsign_in_requests\tsign_in_rps\tsign_in_p50_ms\tsign_in_p99_ms\tnon2xx\tsocket_errors\theap_mb\n' >"$summary"
  printf '0\t%s\t\t\t\t\t\t\t\t\t\t\t%s\n' "$warm" "$heap0" >>"$summary"
  for i in $(seq 1 "$chunks"); do
    gfile="$OUT/load-$i-get-session.txt"; sfile="$OUT/load-$i-sign-in.txt"
    mixed "$chunk" "$gfile" "$sfile"
    local heap g s; heap="$(heap_after_gc "$JAVA_PID")"; g="$(wrk_counts "$gfile")"; s="$(wrk_counts "$sfile")"
    awk -v i="$i" -v d="$chunk" -v heap="$heap" -v g="$g" -v s="$s" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000;
                       if (v ~ /s$/) return v * 1000; return v }
      FNR == 1 { f++ } /^ +50%/ { p50[f] = ms($2) } /^ +99%/ { p99[f] = ms($2) } /^Requests\/sec:/ { rps[f] = $2 }
      END { split(g, G, " "); split(s, S, " ");
            printf "%d\t%d\t%d\t%.1f\t%.3f\t%.3f\t%d\t%.1f\t%.3f\t%.3f\t%d\t%d\t%s\n", i, d, G[1], rps[1], p50[1], p99[1],
                   S[1], rps[2], p50[2], p99[2], G[2] + S[2], G[3] + S[3], heap }' "$gfile" "$sfile" >>"$summary"
    log "[load] PostgreSQL connections open to $DB: $(psql -h 127.0.0.1 -U postgres -d postgres -qAtc "select count(*) from pg_stat_activity where datname = '$DB'")"
    log "[load] $(tail -1 "$summary" | awk -F'\t' '{ printf "chunk %s: get-session %s req (%s/s, p99 %s ms), sign-in %s req (p99 %s ms), %s non-2xx, %s socket errors, heap %s MB", $1, $3, $4, $6, $7, $10, $11, $12, $13 }')"
  done
  local rss; rss="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$JAVA_PID/status")"
  # what grew between the first and the last sample: the classes whose live bytes grew most
  jcmd "$JAVA_PID" GC.class_histogram >"$OUT/load-histogram-last.txt"
  awk 'NR == FNR { if ($1 ~ /^[0-9]+:$/) { n0[$4] = $2; b0[$4] = $3 } next }
       $1 ~ /^[0-9]+:$/ { d = $3 - b0[$4]; if (d > 0) printf "%12d bytes %+10d instances  %s\n", d, $2 - n0[$4], $4 }' \
    "$OUT/load-histogram-first.txt" "$OUT/load-histogram-last.txt" | sort -rn | head -25 >"$OUT/load-histogram-growth.txt"
  log "[load] live bytes grown most between the first and the last heap sample (load-histogram-growth.txt):"
  head -12 "$OUT/load-histogram-growth.txt" >&2
  stop_java
  tail -n +"$((log_from + 1))" "$OUT/payara-load.log" | grep -E 'SEVERE|OutOfMemory|Exception' | grep -v 'ExceptionMapper' \
    >"$OUT/load-server-errors.txt" || true
  local rc=0
  node "$ROOT/bench/load-report.mjs" "$summary" "$tol" "$rss" "$(wc -l <"$OUT/load-server-errors.txt")" >"$OUT/load.md" || rc=$?
  cat "$OUT/load.md"
  log "results in $OUT"
  return "$rc"
}
