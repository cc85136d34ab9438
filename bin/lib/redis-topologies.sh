#!/usr/bin/env bash
# The Redis topologies the tests run the secondary storage against, on loopback, with the machine's redis-server:
#   - a Redis Cluster of three masters, 127.0.0.1:7001-7003 (no replicas);
#   - a Sentinel setup: master 127.0.0.1:6390, its replica 6391, one sentinel 26390 watching master name `better-auth`.
# Usage: bin/lib/redis-topologies.sh start|stop|status
#   start   starts whatever is not running yet (rerun-safe), then waits until the cluster is `cluster_state:ok` and
#           the sentinel knows the master (and a replica); adds the ports it started to $REDIS_TOPOLOGIES_STATE
#           (default $DIR/started-ports), the list `stop` reads.
#   stop    `redis-cli -p N shutdown nosave` for each port in that list (never a port `start` found running).
#   status  prints each port's state; exit 0 when everything answers.
# Files (configs, cluster node files, logs) live under ${BA_REDIS_TOPOLOGIES_DIR:-${TMPDIR:-/tmp}/better-auth-redis-
# topologies-<uid>}, a directory of this user's alone (mode 700): one that is a symbolic link or another user's is
# refused, since the servers (root's, under CI) write there and the Sentinel runs what its configuration names.
# The tests read the endpoints from redis-cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003 and
# redis-sentinel://127.0.0.1:26390/better-auth (see RedisTopologies in src/test).
set -euo pipefail

DIR=${BA_REDIS_TOPOLOGIES_DIR:-${TMPDIR:-/tmp}/better-auth-redis-topologies-$(id -u)}
STATE=${REDIS_TOPOLOGIES_STATE:-$DIR/started-ports}   # bin/test gives each run its own
CLUSTER_PORTS=(7001 7002 7003)
MASTER=6390
REPLICA=6391
SENTINEL=26390
MASTER_NAME=better-auth

log() { echo "redis-topologies: $*" >&2; }

pong() { # port
  [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null || true)" = PONG ]
}

wait_until() { # description, tries (x 0.25 s), command...
  local what=$1 tries=$2; shift 2
  for _ in $(seq 1 "$tries"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  log "$what: not reached"
  return 1
}

started() { # port: remember that this script started it
  echo "$1" >> "$STATE"
}

start_server() { # port, extra redis-server arguments...
  local port=$1; shift
  if pong "$port"; then return 0; fi
  mkdir -p "$DIR/$port"
  redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
    --dir "$DIR/$port" --logfile "$DIR/$port/redis.log" --daemonize yes "$@"
  started "$port"
  wait_until "redis $port" 40 pong "$port"
}

cluster_ok() {
  redis-cli -h 127.0.0.1 -p "${CLUSTER_PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'
}

cluster_slots_all_known() { # every node sees all 16384 slots assigned and agrees the cluster is ok
  local p
  for p in "${CLUSTER_PORTS[@]}"; do
    redis-cli -h 127.0.0.1 -p "$p" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
    redis-cli -h 127.0.0.1 -p "$p" cluster info 2>/dev/null | grep -q '^cluster_slots_assigned:16384' || return 1
  done
}

start_cluster() {
  if cluster_ok; then return 0; fi
  local p fresh=0
  for p in "${CLUSTER_PORTS[@]}"; do
    if ! pong "$p"; then
      rm -f "$DIR/$p/nodes.conf"   # a stale node file from an earlier run names node ids no longer there
      start_server "$p" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000
      fresh=1
    fi
  done
  if [ "$fresh" = 0 ] && ! cluster_ok; then
    # All three answer but do not form a cluster (a half-finished earlier run): start over from empty nodes.
    for p in "${CLUSTER_PORTS[@]}"; do
      redis-cli -h 127.0.0.1 -p "$p" flushall >/dev/null 2>&1 || true
      redis-cli -h 127.0.0.1 -p "$p" cluster reset hard >/dev/null
    done
  fi
  if ! cluster_ok; then
    local nodes=()
    for p in "${CLUSTER_PORTS[@]}"; do nodes+=("127.0.0.1:$p"); done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$DIR/cluster-create.log" 2>&1 || {
      log "redis-cli --cluster create failed:"; cat "$DIR/cluster-create.log" >&2; return 1; }
  fi
  wait_until "cluster_state:ok on ${CLUSTER_PORTS[*]}" 120 cluster_slots_all_known
}

sentinel_knows_master() {
  local reply
  reply=$(redis-cli -h 127.0.0.1 -p "$SENTINEL" sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null) || return 1
  [ -n "$reply" ] || return 1
  # and the master it names has its replica attached, so a failover has somewhere to go
  local port
  port=$(echo "$reply" | sed -n 2p)
  redis-cli -h 127.0.0.1 -p "$port" info replication 2>/dev/null | grep -q '^connected_slaves:1'
}

sentinel_sees_replica() {
  redis-cli -h 127.0.0.1 -p "$SENTINEL" sentinel replicas "$MASTER_NAME" 2>/dev/null | grep -q '^127.0.0.1$'
}

start_sentinel() {
  if pong "$SENTINEL" && sentinel_knows_master; then return 0; fi
  start_server "$MASTER"
  # The replica follows whichever of the two is master now (after a failover, 6391 may be).
  if pong "$REPLICA"; then :; else
    start_server "$REPLICA" --replicaof 127.0.0.1 "$MASTER"
  fi
  if ! pong "$SENTINEL"; then
    # A fresh sentinel watches 6390: make it the master again (an earlier failover may have swapped the roles).
    redis-cli -h 127.0.0.1 -p "$MASTER" replicaof no one >/dev/null
    redis-cli -h 127.0.0.1 -p "$REPLICA" replicaof 127.0.0.1 "$MASTER" >/dev/null
    mkdir -p "$DIR/$SENTINEL"
    # Sentinel rewrites its config file: a fresh, writable one each start.
    cat > "$DIR/$SENTINEL/sentinel.conf" <<EOF
port $SENTINEL
bind 127.0.0.1
protected-mode yes
daemonize yes
dir $DIR/$SENTINEL
logfile $DIR/$SENTINEL/sentinel.log
sentinel resolve-hostnames no
sentinel monitor $MASTER_NAME 127.0.0.1 $MASTER 1
sentinel down-after-milliseconds $MASTER_NAME 2000
sentinel failover-timeout $MASTER_NAME 10000
sentinel parallel-syncs $MASTER_NAME 1
EOF
    redis-server "$DIR/$SENTINEL/sentinel.conf" --sentinel
    started "$SENTINEL"
    wait_until "sentinel $SENTINEL" 40 pong "$SENTINEL"
  fi
  wait_until "sentinel knows master $MASTER_NAME with a replica" 160 sentinel_knows_master
  wait_until "sentinel sees the replica" 160 sentinel_sees_replica
}

status() {
  local p rc=0
  for p in "${CLUSTER_PORTS[@]}" "$MASTER" "$REPLICA" "$SENTINEL"; do
    if pong "$p"; then echo "127.0.0.1:$p up"; else echo "127.0.0.1:$p down"; rc=1; fi
  done
  if cluster_ok; then echo "cluster: ok"; else echo "cluster: not ok"; rc=1; fi
  if sentinel_knows_master; then
    echo "sentinel: master $MASTER_NAME at $(redis-cli -p "$SENTINEL" sentinel get-master-addr-by-name "$MASTER_NAME" \
      | paste -sd:)"
  else echo "sentinel: does not know $MASTER_NAME"; rc=1; fi
  return $rc
}

stop() {
  [ -f "$STATE" ] || return 0
  local p
  # The sentinel first, so it does not fail the master over while the others go down.
  for p in $(sort -u "$STATE" | sort -rn); do
    redis-cli -h 127.0.0.1 -p "$p" shutdown nosave >/dev/null 2>&1 || true
  done
  rm -f "$STATE"
}

command -v redis-server >/dev/null && command -v redis-cli >/dev/null || {
  log "redis-server and redis-cli are needed (Debian package redis-server)"; exit 1; }
mkdir -p -m 700 "$DIR"
if [ -L "$DIR" ] || [ ! -O "$DIR" ]; then
  log "refusing $DIR: it is a symbolic link or not this user's directory (set BA_REDIS_TOPOLOGIES_DIR)"; exit 1
fi
chmod 700 "$DIR"
case "${1:-}" in
  start) start_cluster; start_sentinel; log "cluster on ${CLUSTER_PORTS[*]}, sentinel on $SENTINEL ($MASTER_NAME) ready" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
