# bin/lib/services.sh, sourced by bin/test: the set-up the test suite needs, done by the test command itself so that
# `./bin/test` passes on a fresh machine (issue 18). Every function is idempotent: what is already there is left
# alone, what is missing is started or installed where it can be, and what cannot be is a clear message naming what
# to install. Each function returns non-zero on failure (bin/test runs with `set -e`).
#   use_jdk17            JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 when present (Payara Micro 6 runs on JDK 17)
#   ensure_postgresql    PostgreSQL on 127.0.0.1:5432 (database test, user postgres, trust)
#   ensure_mariadb       MariaDB on 127.0.0.1:3306 (root, no password, database test)
#   ensure_redis         Redis on 127.0.0.1:6379
#   require_node         node and npm (the interoperability tests; `npm ci` of src/test/node is a Maven execution)
#   ensure_chromium      Debian's chromium at /usr/bin/chromium (SessionsPageIT); apt-get only when root
#   ensure_services      all of the above

services_log() { echo "bin/test: $*" >&2; }

# name, tries (seconds), check command...: waits until the check passes.
services_wait_for() {
  local name=$1 tries=$2; shift 2
  for _ in $(seq 1 "$tries"); do
    if "$@" >/dev/null 2>&1; then services_log "$name is up"; return 0; fi
    sleep 1
  done
  services_log "$name did not come up within ${tries} s"
  return 1
}

# command, Debian package: a clear message when a tool the set-up needs is missing.
services_need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  services_log "'$1' is missing: install Debian's $2 (apt-get install -y $2)"
  return 1
}

use_jdk17() {
  if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
    case ":$PATH:" in *":$JAVA_HOME/bin:"*) ;; *) export PATH="$JAVA_HOME/bin:$PATH" ;; esac
  fi
  services_need java openjdk-17-jdk-headless || return 1
  services_need mvn maven || return 1
}

ensure_postgresql() {
  services_need pg_isready postgresql-client || return 1
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    services_need pg_ctlcluster postgresql || return 1
    local version
    version=$(ls /etc/postgresql 2>/dev/null | head -1)
    [ -n "$version" ] || { services_log "no PostgreSQL cluster in /etc/postgresql: install Debian's postgresql"; return 1; }
    services_log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  services_wait_for PostgreSQL 60 pg_isready -h 127.0.0.1 -p 5432 -q || {
    services_log "start it yourself (pg_ctlcluster $(ls /etc/postgresql 2>/dev/null | head -1) main start, as root or postgres)"
    return 1
  }
}

mariadb_up() { mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1; }

ensure_mariadb() {
  services_need mariadb-admin mariadb-client || return 1
  if ! mariadb_up; then
    [ -x /usr/sbin/mariadbd ] || { services_log "/usr/sbin/mariadbd is missing: install Debian's mariadb-server"; return 1; }
    services_log "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  services_wait_for MariaDB 60 mariadb_up || {
    services_log "start it yourself (start-stop-daemon --start --background --exec /usr/sbin/mariadbd, as root)"
    return 1
  }
}

redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

ensure_redis() {
  services_need redis-cli redis-tools || return 1
  if ! redis_up; then
    services_need redis-server redis-server || return 1
    services_log "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  services_wait_for Redis 60 redis_up
}

require_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  services_log "node and npm are required for the interoperability tests (the official Better Auth client, a Node"
  services_log "Better Auth, the browser test): install Node.js 20 or newer with npm (Debian: apt-get install -y nodejs npm)"
  return 1
}

# The system Chromium that SessionsPageIT drives (never a downloaded browser build).
ensure_chromium() {
  local chromium=${1:-/usr/bin/chromium}
  [ -x "$chromium" ] && return 0
  if [ "$chromium" = /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    services_log "installing Debian's chromium (SessionsPageIT)"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; } \
      >&2 || true
    [ -x "$chromium" ] && return 0
  fi
  services_log "$chromium is missing: SessionsPageIT needs Debian's chromium (as root: apt-get install -y chromium),"
  services_log "or pass -Dchromium.executable=/path/to/chromium"
  return 1
}

ensure_services() { # [chromium path]
  use_jdk17 && ensure_postgresql && ensure_mariadb && ensure_redis && require_node && ensure_chromium "$@"
}
