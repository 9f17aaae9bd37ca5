#!/usr/bin/env bash
# nn speed against PyTorch (CPU, 2 threads), in one run on the same machine:
#   1. GEMM GFLOP/s at the model shapes: JMH (GemmBench) vs torch.mm (gemm_torch.py)
#   2. MR bag-of-words MLP training examples/s: MrMlpBench (Lexis Trainer) vs mlp_torch.py, same ids, same settings
#   bench/nn/run.sh [RUNS] [GEMM_ROUNDS]   (default 3 alternating MLP runs per variant, 0 skips the MLP;
#                                           GEMM: 2 alternating rounds per shape of 7 one-second iterations each)
#   GEMM_THREADS=1 bench/nn/run.sh 0 1     (GEMM only, one thread on both sides: the kernels without scheduling)
# Builds only the nn module with Maven and compiles this bench's sources with javac (JMH annotation processing
# on), so it does not depend on the other modules. Prints Markdown tables on stdout, raw lines on stderr.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/nn"
m2="${M2_REPO:-$HOME/.m2/repository}"
runs="${1:-3}"
gemm_rounds="${2:-2}"
gemm_threads="${GEMM_THREADS:-2}"   # GEMM threads on both sides (Lexis -Dlexis.nn.threads, torch.set_num_threads)
py=/usr/bin/python3
. "$repo/bin/jdk.sh"
lexis_find_jdk
export OMP_WAIT_POLICY=PASSIVE   # busy-waiting OpenMP threads are 2-3x slower on 2 shared cores
mkdir -p "$cache"
csv="$shared/mr/mr.csv"
[ -f "$csv" ] || { echo "run.sh: $csv not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
"$py" -c "import torch" || { echo "run.sh: PyTorch is not importable by $py (apt-get install python3-torch)" >&2; exit 1; }

"$repo/mvn21" -q -pl nn package -DskipTests >&2
# a private copy: other builds in this working tree may clean nn/target while the bench runs
cp "$repo"/nn/target/lexis-nn-*.jar "$cache/lexis-nn.jar"
"$repo/mvn21" -q -pl nn dependency:build-classpath -Dmdep.outputFile="$cache/nn.classpath" >&2
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
annprocess="$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"
for jar in ${jmh//:/ } "$annprocess"; do
  [ -f "$jar" ] || { echo "run.sh: $jar missing; run ./mvn21 -pl bench -am package once to fetch JMH" >&2; exit 1; }
done
cp="$cache/lexis-nn.jar:$(cat "$cache/nn.classpath"):$jmh"
classes="$cache/classes"
rm -rf "$classes" && mkdir -p "$classes"
"$JAVA_HOME/bin/javac" -proc:full -Xlint:-options -d "$classes" -cp "$cp:$annprocess" \
  "$repo"/bench/src/main/java/dev/lexis/bench/nn/*.java
java=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx2g -cp "$classes:$cp")

echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, GEMM threads $gemm_threads, load: $(cut -d' ' -f1-3 /proc/loadavg), $("$py" -c 'import torch; print("torch", torch.__version__)')" | tee "$cache/results.txt" >&2
echo "## GEMM" >&2
# per shape and round: one JMH fork (6 warm-up + 7 measured one-second iterations), then torch.mm (4 warm-up +
# 7 measured rounds of ~1 s), so that both sides see the same load; the report takes medians over all rounds
rm -f "$cache"/gemm-jmh-*.json
for round in $(seq 1 "$gemm_rounds"); do
  for shape in 50x300x300 32x200x800 64x100x10000; do
    echo "# round $round $shape load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$cache/results.txt" >&2
    "${java[@]}" org.openjdk.jmh.Main 'dev.lexis.bench.nn.GemmBench' -p shape="$shape" \
      -jvmArgsAppend "--add-modules jdk.incubator.vector -Xmx2g -Dlexis.nn.threads=$gemm_threads" \
      -rf json -rff "$cache/gemm-jmh-$round-$shape.json" >&2
    "$py" "$repo/bench/nn/gemm_torch.py" --threads "$gemm_threads" --shapes "$shape" | tee -a "$cache/results.txt" >&2
  done
done

echo "## MLP" >&2
ids="$cache/mr-ids.txt"
for run in $(seq 1 "$runs"); do
  "${java[@]}" dev.lexis.bench.nn.MrMlpBench --data "$csv" --mode sparse --threads 2 --export "$ids" | tee -a "$cache/results.txt" >&2
  "$py" "$repo/bench/nn/mlp_torch.py" "$ids" --mode bag --threads 2 | tee -a "$cache/results.txt" >&2
  "${java[@]}" dev.lexis.bench.nn.MrMlpBench --data "$csv" --mode sparse --threads 1 | tee -a "$cache/results.txt" >&2
  "${java[@]}" dev.lexis.bench.nn.MrMlpBench --data "$csv" --mode dense --threads 1 | tee -a "$cache/results.txt" >&2
  "$py" "$repo/bench/nn/mlp_torch.py" "$ids" --mode dense --threads 2 | tee -a "$cache/results.txt" >&2
done
"$py" "$repo/bench/nn/report.py" "$cache/results.txt" "$cache"/gemm-jmh-*.json
