# bench/lib/servers.sh, sourced by bench/run: the database, created afresh and migrated by Better Auth itself, and
# the two servers, Payara Micro with the bench WAR and Better Auth 1.7.25 on Node, each started with a group's
# configuration on loopback and stopped before the next (and on exit).

JAVA_PID=""
NODE_PID=""
stop_java() {
  if [ -n "$JAVA_PID" ]; then
    kill "$JAVA_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
    JAVA_PID=""
  fi
}
stop_node() {
  if [ -n "$NODE_PID" ]; then
    kill "$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
    NODE_PID=""
  fi
}

psql_bench() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

fresh_database() {
  log "creating database $DB afresh; Better Auth's own migration creates the tables"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" -c "create database $DB"
  (cd "$WORK/node" && BENCH_DATABASE_URL="$PGURL" BETTER_AUTH_SECRET="$SECRET" node server.mjs migrate)
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
}

wait_http() {  # wait_http URL PID LOG
  for _ in $(seq 1 600); do
    kill -0 "$2" 2>/dev/null || { tail -40 "$3" >&2; die "server exited while starting (log: $3)"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.5
  done
  die "server did not answer $1 within 300 s (log: $3)"
}

# start_java GROUP [ENV=VALUE...]: Payara Micro with the bench WAR on 127.0.0.1:$JPORT against $DB
start_java() {
  local group="$1"; shift
  stop_java
  rm -rf "$WORK/payara-root"
  local escaped; escaped="$(printf '%s' "$JDBC_URL" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g')"
  cat >"$WORK/preboot.asadmin" <<ASADMIN
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
ASADMIN
  cat >"$WORK/postboot.asadmin" <<ASADMIN
create-jdbc-connection-pool --restype java.sql.Driver --driverclassname org.postgresql.Driver --maxpoolsize 32 --steadypoolsize 16 --property url=$escaped benchPool
set resources.jdbc-resource.jdbc/__default.pool-name=benchPool
ASADMIN
  local jvm=(-Xms1g -Xmx1g -XX:-UseDynamicNumberOfCompilerThreads)
  if [ "${BENCH_JFR:-}" = 1 ]; then
    jvm+=("-XX:StartFlightRecording=filename=$OUT/payara-$group.jfr,settings=profile,dumponexit=true")
  fi
  log "starting Payara Micro ($group)"
  # Rate limits off on both servers: they would answer 429 to a load test (Better Auth: 100 requests per 10 s).
  env BETTER_AUTH_SECRET="$SECRET" BETTER_AUTH_URL="http://127.0.0.1:$JPORT" BETTER_AUTH_RATE_LIMIT_ENABLED=false \
    BETTER_AUTH_EMAIL_AND_PASSWORD_ENABLED=true "$@" \
    java "${jvm[@]}" -jar "$WORK/payara-micro.jar" --deploy "$WORK/bench.war" --contextroot / \
      --port "$JPORT" --nocluster --disablephonehome --rootdir "$WORK/payara-root" --addlibs "$WORK/libs" \
      --prebootcommandfile "$WORK/preboot.asadmin" --postbootcommandfile "$WORK/postboot.asadmin" \
      >"$OUT/payara-$group.log" 2>&1 &
  JAVA_PID=$!
  wait_http "http://127.0.0.1:$JPORT/bench/bare" "$JAVA_PID" "$OUT/payara-$group.log"
  if ss -ltnH "( sport = :$JPORT )" | awk '{print $4}' | grep -Eqv '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):'; then
    die "Payara listens beyond loopback: $(ss -ltnH "( sport = :$JPORT )")"
  fi
  log "Payara Micro up (pid $JAVA_PID)"
}

# start_node GROUP [ENV=VALUE...]: Better Auth 1.7.25 on 127.0.0.1:$NPORT against $DB
start_node() {
  local group="$1"; shift
  stop_node
  log "starting Better Auth on Node ($group)"
  (cd "$WORK/node" && exec env NODE_ENV=production BENCH_NODE_PORT="$NPORT" BENCH_DATABASE_URL="$PGURL" \
     BETTER_AUTH_SECRET="$SECRET" "$@" node server.mjs) >"$OUT/node-$group.log" 2>&1 &
  NODE_PID=$!
  wait_http "http://127.0.0.1:$NPORT/api/auth/ok" "$NODE_PID" "$OUT/node-$group.log"
}
