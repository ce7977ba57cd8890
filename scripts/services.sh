#!/usr/bin/env bash
# Makes sure the local PostgreSQL, Redis and RabbitMQ the integration tests use are up.
# Under CI=true a server that cannot be started is an error; elsewhere it is a warning
# (the tests that need it then skip with a message).
set -u

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {  # port, seconds
  local i
  for ((i = 0; i < $2 * 4; i++)); do up "$1" && return 0; sleep 0.25; done
  return 1
}

start() {  # name, port, command...
  local name=$1 port=$2
  shift 2
  if up "$port"; then echo "services: $name is up on :$port"; return 0; fi
  echo "services: starting $name"
  if command -v "$1" >/dev/null 2>&1; then "$@" >/dev/null 2>&1 || true; fi
  if wait_for "$port" 60; then echo "services: $name is up on :$port"; return 0; fi
  echo "services: $name is NOT reachable on :$port" >&2
  return 1
}

failed=0
pg_start() { command -v pg_ctlcluster >/dev/null && pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start; }
start postgresql 5432 pg_start || failed=1
start redis 6379 redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
  --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || failed=1
start rabbitmq 5672 rabbitmq-server -detached || failed=1

if [ "$failed" -ne 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "services: CI=true needs every server above" >&2
    exit 1
  fi
  echo "services: tests that need a missing server will skip" >&2
fi
exit 0
