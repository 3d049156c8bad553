#!/usr/bin/env bash
# Every measurement of docs/performance.md, three runs each, on a quiet machine: the server on core 0,
# the load tool on core 1, PostgreSQL wherever the kernel puts it. Every fan-out step also times the
# disk's flushes (every durable edit waits for one), to tell a slow disk from a slow server, and the two
# latency steps list their edits over the 2.5 ms target with what each was in flight with. Writes one
# JSON file per run to ${OUT:-target/perf}; build first (mvn -q package -DskipTests). Takes about half
# an hour.
#
# usage: [RUNS=3] [WARMUP=60] loadtest/measure-all.sh [postgres|embedded ...]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-target/perf}
runs=${RUNS:-3}
warmup=${WARMUP:-60}
mkdir -p "$out"
server=(java -XX:SharedArchiveFile=server/target/pairprog-server.jsa -XX:CompileThresholdScaling=5
        -jar server/target/pairprog-server.jar --host 127.0.0.1 --port 8000 --max-connections-per-address 100000
        --rooms-per-minute-per-address 1000000 --rooms-per-minute 1000000 --requests-per-second-per-address 100000)
tool=(taskset -c 1 java -jar loadtest/target/pairprog-loadtest.jar)
pid=

stop_server() {
  if [ -n "$pid" ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap stop_server EXIT

start_server() { # $1: postgres | embedded; sets $pid and $datadir (where the store writes)
  local store
  if [ "$1" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS pairprog_perf WITH (FORCE)" \
         -c "CREATE DATABASE pairprog_perf"
    store=(--database-url postgresql://postgres@127.0.0.1:5432/pairprog_perf)
    datadir=$(psql -h 127.0.0.1 -U postgres -Atc "SHOW data_directory")
  else
    datadir=$(mktemp -d)
    store=(--data-dir "$datadir")
  fi
  taskset -c 0 "${server[@]}" "${store[@]}" >"$out/server-$1.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:8000/health; do sleep 0.1; done
}

stores=("$@")
[ ${#stores[@]} -gt 0 ] || stores=(postgres embedded)
for store in "${stores[@]}"; do
  for run in $(seq 1 "$runs"); do
    start_server "$store"
    dbpids=$(pgrep -d, -u postgres postgres || true)
    "${tool[@]}" fanout --rooms 100 --clients-per-room 2 --rate 1000 --duration 20 --warmup "$warmup" --slow-ms 2.5 \
        --server-pid "$pid" --db-pids "$dbpids" --disk-probe "$datadir" --output json >"$out/$store-fanout-100x2-$run.json"
    "${tool[@]}" fanout --rooms 20 --clients-per-room 10 --rate 400 --duration 20 --warmup "$warmup" --slow-ms 2.5 \
        --server-pid "$pid" --db-pids "$dbpids" --disk-probe "$datadir" --output json >"$out/$store-fanout-20x10-$run.json"
    "${tool[@]}" fanout --rooms 100 --clients-per-room 2 --rate 2000,4000,6000,8000,10000,12000 \
        --duration 15 --warmup 10 --server-pid "$pid" --db-pids "$dbpids" --disk-probe "$datadir" --output json \
        >"$out/$store-ramp-$run.json"
    stop_server
    start_server "$store"
    "${tool[@]}" memory --server-pid "$pid" --connections 2000 --output json >"$out/$store-memory-$run.json"
    "${tool[@]}" join --output json >"$out/$store-join-$run.json"
    stop_server
  done
done
"${tool[@]}" startup --runs 5 --output json -- taskset -c 0 "${server[@]}" --data-dir {tmp} \
    >"$out/startup-cds.json"
"${tool[@]}" startup --runs 5 --output json -- taskset -c 0 java -jar server/target/pairprog-server.jar \
    --host 127.0.0.1 --port 8000 --data-dir {tmp} >"$out/startup-plain.json"
# Both cores: no load runs while a server starts, so the JIT's threads may use the second one. The
# server is started by the tool, so it would inherit the tool's core without a taskset of its own.
"${tool[@]}" startup --runs 5 --output json -- taskset -c 0,1 "${server[@]}" --data-dir {tmp} \
    >"$out/startup-cds-2cores.json"
