#!/usr/bin/env bash
# Tokenize speed: reading + tokenizing + vocabulary counting on ONE core (taskset), per analyzer.
#   bench/tokenize/run.sh [RUNS]          (default 3 timed runs after 1 warm-up)
# Normalizes ../shared/data/english-prose-corpus/english_prose_25m.txt.gz with ../shared/peers/normalize_corpus.py
# (the same text the word2vec peers get) into $LEXIS_BENCH_CACHE (default /tmp/lexis-bench), once; measures
# whitespace, standard, english and icu on it, and smartcn and icu on the Chinese classic novels.
# Builds only the tokenize module with Maven and compiles this bench's sources with javac, so it does not
# depend on the state of the other modules. Prints a Markdown table (stdout) and per-run lines (stderr).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
peers="${LEXIS_SHARED_PEERS:-$repo/../shared/peers}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}"
runs="${1:-3}"
. "$repo/bin/jdk.sh"
lexis_find_jdk

raw="$shared/english-prose-corpus/english_prose_25m.txt.gz"
norm="$cache/english_prose_25m.norm.txt"
[ -f "$raw" ] || { echo "run.sh: $raw not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
mkdir -p "$cache"
if [ ! -s "$norm" ]; then
  echo "normalizing $raw -> $norm (once)" >&2
  /usr/bin/python3 "$peers/normalize_corpus.py" "$raw" "$norm.tmp"
  mv "$norm.tmp" "$norm"
fi

"$repo/mvn21" -q -pl tokenize package -DskipTests >&2
work="$cache/tokenize-bench"   # this bench's own build output, beside the cached corpus
mkdir -p "$work"
cp="$work/classpath"
"$repo/mvn21" -q -pl tokenize dependency:build-classpath -Dmdep.outputFile="$cp" >&2
classes="$work/classes"
rm -rf "$classes" && mkdir -p "$classes"
"$JAVA_HOME/bin/javac" -d "$classes" -cp "$repo/tokenize/target/classes:$(cat "$cp")" \
  "$repo"/bench/src/main/java/dev/lexis/bench/tokenize/*.java

echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
# one core for the whole JVM (JIT and GC included); 1 GB heap is far more than counting needs
exec taskset -c 0 "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC \
  -cp "$classes:$repo/tokenize/target/classes:$(cat "$cp")" dev.lexis.bench.tokenize.TokenizeBench \
  --english "$norm" --chinese "$shared/chinese-classic-novels" --runs "$runs" \
  --analyzers whitespace,standard,english,icu
