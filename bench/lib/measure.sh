# bench/lib/measure.sh, sourced by bench/run: how a case is measured. One wrk run per line of results.tsv, with the
# CPU the server, its JIT threads, the PostgreSQL backends and everything else used meanwhile; the warm-up until a
# server is steady; the wait for a quiet machine; what the machine is.

cpu_ticks() {  # utime+stime of the given pids, clock ticks
  local total=0 pid rest
  for pid in "$@"; do
    rest="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    rest="${rest##*) }"
    # fields after "comm": state(3) ... utime(14) stime(15): offsets 12 and 13 from state
    set -- $rest
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}
sys_ticks() {  # stime (CPU in the kernel on the process's behalf: sockets, scheduling) of PID, clock ticks
  local rest; rest="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  rest="${rest##*) }"; set -- $rest
  echo "${13}"
}
# The backends serving $DB as "pid ticks" lines; db_delta BEFORE AFTER sums the growth of the pids in both samples
db_sample() { local p; for p in $(pgrep -u postgres -f "^postgres: [^ ]+: [^ ]+ $DB " || true); do echo "$p $(cpu_ticks "$p")"; done; }
db_delta() { awk 'NR == FNR { before[$1] = $2; next } ($1 in before) { d += $2 - before[$1] } END { print d + 0 }' \
  <(printf '%s\n' "$1") <(printf '%s\n' "$2"); }
# utime+stime of PID's JIT compiler threads (C1/C2 CompilerThread), clock ticks; the JVM runs with
# -XX:-UseDynamicNumberOfCompilerThreads, so these threads live as long as the process and their ticks are never lost
jit_ticks() {
  local t n rest total=0
  for t in /proc/"$1"/task/*; do
    n="$(cat "$t/comm" 2>/dev/null)" || continue
    case "$n" in C1\ CompilerThre*|C2\ CompilerThre*) ;; *) continue ;; esac
    rest="$(cat "$t/stat" 2>/dev/null)" || continue
    rest="${rest##*) }"; set -- $rest
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }

# run_wrk GROUP CASE SERVER ROUND PID URL [wrk args...]: one warm-up, one measured run, one line in results.tsv
run_wrk() {
  local group="$1" case="$2" server="$3" round="$4" pid="$5" url="$6"; shift 6
  local conns="$CONNECTIONS" extra=()
  if [ "${WRK_CONNECTIONS:-}" ]; then conns="$WRK_CONNECTIONS"; fi
  wrk -t2 -c"$conns" -d3s --timeout 10s "$@" "$url" >/dev/null 2>&1 || true
  local c0 c1 a0 a1 k0 k1 d0 d1 db m0 m1 t0 t1 file="$OUT/wrk-$group-$case-$server-$round.txt"
  c0="$(cpu_ticks "$pid")"; a0="$(jit_ticks "$pid")"; k0="$(sys_ticks "$pid")"; d0="$(db_sample)"; read -r m0 t0 < <(machine_ticks)
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s --latency "$@" "$url" >"$file" 2>&1 || true
  c1="$(cpu_ticks "$pid")"; a1="$(jit_ticks "$pid")"; k1="$(sys_ticks "$pid")"; d1="$(db_sample)"; db="$(db_delta "$d0" "$d1")"; read -r m1 t1 < <(machine_ticks)
  # the machine's busy time outside the server and PostgreSQL (wrk itself, Redis, anything else), % of all CPUs
  local other=$(( (m1 - m0 - (c1 - c0) - db) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
  awk -v g="$group" -v c="$case" -v s="$server" -v r="$round" -v cpu=$((c1 - c0)) -v app=$((c1 - c0 - (a1 - a0))) -v db="$db" \
      -v sys=$((k1 - k0)) -v tck="$CLK_TCK" -v other="$other" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000;
                     if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1 } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(",", ""); err = $4 + $6 + $8 + $10 }
    END { if (n == 0) n = 0; cpuus = n ? cpu * 1e6 / tck / n : 0; dbus = n ? db * 1e6 / tck / n : 0; appus = n ? app * 1e6 / tck / n : 0;
          sysus = n ? sys * 1e6 / tck / n : 0;
          printf "%s\t%s\t%s\t%s\t%d\t%.1f\t%.3f\t%.3f\t%.1f\t%.1f\t%d\t%d\t%s\t%.1f\t%.1f\n", g, c, s, r, n, rps, p50, p99, cpuus,
                 dbus, bad + 0, err + 0, other, appus, sysus }' "$file" | tee -a "$RESULTS" >&2
  local non2xx; non2xx="$(tail -1 "$RESULTS" | cut -f11)"
  [ "$non2xx" = 0 ] || die "$group $case $server: $non2xx answers were not 2xx (see $file); the figures would be wrong"
}

# warm_until_steady GROUP URL COOKIE [URL COOKIE]...: 10 s of load on each URL (with that Cookie header, if any) in
# turn, until (after BENCH_WARMUP_MIN s at least) a pass changes no URL's req/s by more than BENCH_WARMUP_TOLERANCE %,
# or BENCH_WARMUP_MAX s have passed
warm_until_steady() {
  local g="$1"; shift
  local -a urls=() cookies=() prev=() now=()
  while [ "$#" -ge 2 ]; do urls+=("$1"); cookies+=("$2"); shift 2; done
  local i pass=0 start=$SECONDS tolerance="${BENCH_WARMUP_TOLERANCE:-5}" limit="${BENCH_WARMUP_MAX:-420}" steady rps
  local least="${BENCH_WARMUP_MIN:-150}"
  while :; do
    pass=$((pass + 1)); now=()
    for i in "${!urls[@]}"; do
      local -a header=()
      if [ -n "${cookies[$i]}" ]; then header=(-H "Cookie: ${cookies[$i]}"); fi
      rps="$(wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s "${header[@]}" "${urls[$i]}" 2>/dev/null \
        | awk '/^Requests\/sec:/ { print int($2) }')"
      now+=("${rps:-0}")
    done
    log "[$g] warm-up pass $pass: ${now[*]} req/s"
    steady=0
    # two passes alike are not enough early on: while C2 compiles, two passes can agree at a quarter of the speed
    if [ "$pass" -ge 2 ] && [ $((SECONDS - start)) -ge "$least" ]; then
      steady=1
      for i in "${!now[@]}"; do
        awk -v a="${now[$i]}" -v b="${prev[$i]}" -v t="$tolerance" \
          'BEGIN { exit !(b > 0 && (a - b) * 100 <= t * b && (b - a) * 100 <= t * b) }' || steady=0
      done
    fi
    if [ "$steady" = 1 ]; then log "[$g] steady after $((SECONDS - start)) s"; return; fi
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      log "[$g] WARNING: not steady after $((SECONDS - start)) s; measuring anyway"; return
    fi
    prev=("${now[@]}")
  done
}


# The figures mean something only on an otherwise idle machine: wait (up to BENCH_QUIET_WAIT s, default 900) for
# the 1-minute load average to drop below 1.5. Each result line records the load average at its end.
wait_quiet() {
  local limit="${BENCH_QUIET_WAIT:-900}" waited=0 load
  while load="$(cut -d' ' -f1 /proc/loadavg)"; awk -v l="$load" 'BEGIN { exit !(l >= 1.5) }'; do
    if [ "$waited" -ge "$limit" ]; then log "WARNING: load average still $load after ${limit} s; measuring anyway"; return; fi
    [ $((waited % 60)) = 0 ] && log "waiting for a quiet machine (load average $load)"
    sleep 10; waited=$((waited + 10))
  done
}

machine() {
  {
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "node: $(node --version); wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
    echo "postgresql: $(psql -h 127.0.0.1 -U postgres -qAtc 'show server_version'); redis: $(redis-cli info server | awk -F: '/^redis_version/ {print $2}' | tr -d '\r')"
    echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$OUT/machine.txt"
  cat "$OUT/machine.txt" >&2
}

