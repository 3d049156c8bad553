#!/usr/bin/env bash
# Writes an AppCDS archive of the classes the server loads from its start to its first answered requests:
# java -XX:SharedArchiveFile=<archive> -jar <jar> then maps them instead of loading and verifying ~7,600
# classes one by one, which is most of the start-up time (docs/performance.md). An archive only fits the
# JDK and the jar it was made with; a JVM given one that does not fit warns and starts without it.
#
# usage: archive.sh <java home> <server jar> <archive>
set -euo pipefail
java="$1/bin/java" jar="$2" archive="$3"
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
rm -f "$archive"

# A clean environment: the training run must not pick up a DATABASE_URL and write to a real database.
env -i PATH="$PATH" "$java" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" \
    --host 127.0.0.1 --port 0 --data-dir "$work/data" >"$work/server.log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 600); do
  port=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\)/.*|\1|p' "$work/server.log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { echo "archive.sh: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

# The requests a fresh server answers first: create and read a room, the page, an autocomplete.
base="http://127.0.0.1:$port"
room=$(curl -sf -X POST "$base/rooms/" | sed 's/.*"roomId":"\([^"]*\)".*/\1/')
curl -sf -o /dev/null "$base/rooms/$room"
curl -sf -o /dev/null "$base/"
curl -sf -o /dev/null -X POST "$base/autocomplete/" -H 'Content-Type: application/json' \
     -d '{"code": "def ", "cursorPosition": 4, "language": "python"}'

kill -TERM "$pid"          # the archive is written as the JVM exits
wait "$pid" || true
pid=
[ -s "$archive" ] || { echo "archive.sh: no archive was written" >&2; cat "$work/server.log" >&2; exit 1; }
