#!/usr/bin/env bash
# Start-up of the `lexis` command: wall time (mean, median, range) and CPU time of short commands through the real
# ./lexis launcher (its bash checks, the JVM with the launcher's class-data-sharing archive, the parser, the
# command), against `java -version` (a bare JVM) in the same hyperfine run. Each command runs once untimed first,
# so its archive exists (the launcher keeps one per command). Needs hyperfine (apt-get install hyperfine).
# Usage: bench/cli/startup.sh [RUNS]   (default 20)
#   An older build: `git worktree add /tmp/old COMMIT`, then this script from this commit with LEXIS_ROOT=/tmp/old
#   (it times /tmp/old/lexis; 24ed9c4 is the last commit whose cli parsed with picocli).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-20}"
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine not found (apt-get install hyperfine)" >&2; exit 1; }
. "$repo/bin/jdk.sh"
lexis_find_jdk
cd "${LEXIS_ROOT:-$repo}"
./lexis --version >/dev/null                      # builds when stale
commands=("./lexis --version" "./lexis --help" "./lexis classify predict --model /nonexistent x"
          "./lexis tokenize --analyzer standard")
for c in "${commands[@]}"; do $c </dev/null >/dev/null 2>&1 || true; done   # writes each command's archive
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
hyperfine -N -i -w 3 -r "$runs" --export-json /tmp/lexis-startup.json \
  "$JAVA_HOME/bin/java -version" "${commands[@]}" >&2
/usr/bin/python3 - /tmp/lexis-startup.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("| command | mean | median | min–max | user + system CPU |")
print("|---|---|---|---|---|")
for x in r:
    print("| `%s` | %.0f ms | %.0f ms | %.0f–%.0f ms | %.0f ms |" % (x["command"].replace("/usr/lib/jvm/", ""),
          1e3 * x["mean"], 1e3 * x["median"], 1e3 * x["min"], 1e3 * x["max"], 1e3 * (x["user"] + x["system"])))
PY
