#!/usr/bin/env bash
# WordVectors benchmarks: nearest-10 latency over 100,000 x 100, loading a 1,000,000 x 300 binary file, and the
# HNSW index (recall@10 against exact search, latency, build time) over a vectors file or 100,000 x 100 random.
# Usage: bench/embeddings/vectors.sh [nearest] [load] [hnsw[=VECTORS_FILE|=clustered[:N]]] [TMPDIR]
#        (default: nearest and load; the 1.2 GB file and the index go to TMPDIR)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$HERE/out
mkdir -p "$OUT"
# one reactor build, so that the class path's Lexis jars resolve to target/, never to stale ones in ~/.m2
(cd "$ROOT" && ./mvn21 -q -Dstyle.color=never -Dmaven.test.skip=true -pl bench -am package dependency:build-classpath \
   -Dmdep.outputFile="$OUT/bench-classpath.txt") >&2
. "$ROOT/bin/jdk.sh"; lexis_find_jdk
JAR=$(ls "$ROOT"/bench/target/lexis-bench-*.jar | grep -v -e sources -e tests | head -n 1)
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp "$JAR:$(cat "$OUT/bench-classpath.txt")" \
  dev.lexis.bench.embeddings.VectorsBench "$@" 2> >(grep -v '^WARNING: Using incubator modules' >&2)
