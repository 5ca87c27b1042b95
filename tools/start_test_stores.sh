#!/usr/bin/env bash
# Install (from Debian's packages) and start PostgreSQL and Redis for the tests that use real
# server stores, then print the settings that point the tests at them:
#   eval "$(tools/start_test_stores.sh)"
# Everything here is best effort: without them, those tests are skipped and the rest of the
# suite runs on the embedded defaults.
set -uo pipefail
say() { echo "start_test_stores: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing postgresql and redis-server from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server) >&2 \
      || say "could not install them"
  fi
fi

if command -v pg_lsclusters >/dev/null; then
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_createcluster "$version" main >&2 && cluster="$version main"
  fi
  if [ -n "$cluster" ]; then
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start >&2 2>/dev/null || true
    port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
    if su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='compass_test'\"" 2>/dev/null | grep -q 1 \
       || su postgres -c "psql -p $port -qc \"CREATE ROLE compass_test LOGIN PASSWORD 'compass_test'\"" >&2; then
      su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname='compass_test'\"" 2>/dev/null | grep -q 1 \
        || su postgres -c "createdb -p $port -O compass_test compass_test" >&2
      echo "export COMPASS_TEST_DATABASE_URL=postgresql+psycopg://compass_test:compass_test@127.0.0.1:$port/compass_test"
      say "PostgreSQL is running on port $port"
    else
      say "PostgreSQL did not start; its tests will be skipped"
    fi
  fi
fi

if command -v redis-server >/dev/null; then
  if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
    redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >&2
    for _ in 1 2 3 4 5 6 7 8 9 10; do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.3; done
  fi
  if redis-cli -p 6379 ping >/dev/null 2>&1; then
    echo "export COMPASS_TEST_REDIS_URL=redis://127.0.0.1:6379/15"
    say "Redis is running on port 6379"
  else
    say "Redis did not start; its tests will be skipped"
  fi
fi
