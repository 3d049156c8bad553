#!/usr/bin/env bash
# Three pairprog nodes on one PostgreSQL database behind HAProxy, on this machine, for trying it out:
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/pairprog deploy/cluster.sh
# The balancer listens on http://127.0.0.1:8000 (LB_PORT), the nodes on 8001-8003 (NODE_PORT_BASE+1..3).
# Ctrl-C stops everything. Logs: target/cluster/node-N.log and haproxy.log.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database the nodes share}"
LB_PORT=${LB_PORT:-8000}
NODE_PORT_BASE=${NODE_PORT_BASE:-8000}
JAR=server/target/pairprog-server.jar
LOGS=target/cluster
command -v haproxy >/dev/null || { echo "haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -pl server -am package -DskipTests
mkdir -p "$LOGS"

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

for n in 1 2 3; do
  port=$((NODE_PORT_BASE + n))
  # Every client arrives from the balancer's address: its X-Forwarded-For names the client (docs/scaling.md).
  java -jar "$JAR" --host 127.0.0.1 --port "$port" --database-url "$DATABASE_URL" --node-id "node-$n" \
    --public-url "http://127.0.0.1:$port" --trusted-proxies 127.0.0.1 >"$LOGS/node-$n.log" 2>&1 &
  pids+=($!)
  export "PAIRPROG_NODE$n=127.0.0.1:$port"
done
for n in 1 2 3; do
  port=$((NODE_PORT_BASE + n))
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
done

export PAIRPROG_LB_BIND="127.0.0.1:$LB_PORT"
haproxy -f deploy/haproxy.cfg -db >"$LOGS/haproxy.log" 2>&1 &
pids+=($!)
echo "pairprog: 3 nodes behind http://127.0.0.1:$LB_PORT/ (Ctrl-C stops them)"
wait
