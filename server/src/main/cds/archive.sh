#!/usr/bin/env bash
# Writes an AppCDS archive of the classes the server loads from its start to its first answered requests:
# java -XX:SharedArchiveFile=<archive> -jar <jar> then maps them instead of loading and verifying ~7,600
# classes one by one, which is most of the start-up time (docs/performance.md). An archive only fits the
# JDK and the jar it was made with; a JVM given one that does not fit warns and starts without it.
#
# A static archive (a class list from a training run, then -Xshare:dump), not a dynamic one
# (-XX:ArchiveClassesAtExit): on JDK 17 only the static dump also takes picocli's 171 classes, which are
# compiled for Java 5 and were otherwise loaded and verified from the jar at every start. One start on
# one core: ~80 ms less (docs/performance.md).
#
# usage: archive.sh <java home> <server jar> <archive>
set -euo pipefail
java="$1/bin/java" jar="$2" archive="$3"
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
rm -f "$archive"

# The log exists before the server starts: the background job opens it only once it has forked.
: >"$work/server.log"
# A clean environment: the training run must not pick up a DATABASE_URL and write to a real database.
env -i PATH="$PATH" "$java" -XX:DumpLoadedClassList="$work/classes.txt" -jar "$jar" \
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

kill -TERM "$pid"
wait "$pid" || true
pid=
[ -s "$work/classes.txt" ] || { echo "archive.sh: no class list was written" >&2; cat "$work/server.log" >&2; exit 1; }

# The class path given here must be the jar the server runs from (-jar puts just that on it).
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.txt" -XX:SharedArchiveFile="$archive" \
    -cp "$jar" >"$work/dump.log" 2>&1 \
  || { echo "archive.sh: the archive could not be written" >&2; cat "$work/dump.log" >&2; exit 1; }
[ -s "$archive" ] || { echo "archive.sh: no archive was written" >&2; cat "$work/dump.log" >&2; exit 1; }
