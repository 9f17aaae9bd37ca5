#!/usr/bin/env bash
# Sequence taggers on CoNLL-2000 against the PyTorch CPU BiLSTM tagger (/work/shared/peers/lstm_tagger_torch.py),
# in one run on the same machine, 2 threads each (OMP_WAIT_POLICY=PASSIVE for torch).
#   bench/sequence/run.sh speed [EPOCHS] [RUNS]   training tokens/s, Lexis vs PyTorch, same settings (embedding 100,
#                                                 BiLSTM 100 per direction, batch 32, Adam 1e-3), chunk tags; RUNS
#                                                 alternating pairs (default 1 epoch, 2 runs)
#   bench/sequence/run.sh quality [EPOCHS]        chunk F1 and POS accuracy on the test set, dev = last 10 % of train
#   bench/sequence/run.sh cells [EPOCHS]          LSTM / GRU / RNN, uni- and bidirectional, chunk F1 (default 5 epochs)
# Builds the modules with Maven into a private copy (other builds may clean target/ meanwhile), compiles the
# bench class with javac, prints RESULT lines on stdout (and keeps them in $cache/results.txt).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/sequence"
py=/usr/bin/python3
what="${1:-speed}"
. "$repo/bin/jdk.sh"
lexis_find_jdk
export OMP_WAIT_POLICY=PASSIVE
data="$shared/conll2000"
[ -f "$data/train.txt" ] || { echo "run.sh: $data/train.txt not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
mkdir -p "$cache"
if [ "${LEXIS_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  "$repo/mvn21" -q -pl sequence -am package -DskipTests >&2
  rm -f "$cache"/*.jar
  for m in nn tokenize corpora classify sequence; do cp "$repo/$m/target/lexis-$m-"*.jar "$cache/"; done
  "$repo/mvn21" -q -pl sequence dependency:build-classpath -Dmdep.outputFile="$cache/deps.classpath" >&2
  rm -rf "$cache/classes" && mkdir -p "$cache/classes"
  cp="$(ls "$cache"/*.jar | tr '\n' ':')$(cat "$cache/deps.classpath")"
  "$JAVA_HOME/bin/javac" -d "$cache/classes" -cp "$cp" "$repo"/bench/src/main/java/dev/lexis/bench/sequence/*.java
fi
cp="$cache/classes:$(ls "$cache"/*.jar | tr '\n' ':')$(cat "$cache/deps.classpath")"
lexis() { "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx2g -cp "$cp" dev.lexis.bench.sequence.TaggerBench \
            "$data/train.txt" "$data/test.txt" "$@" 2>>"$cache/log.txt" | tee -a "$cache/results.txt"; }
torch() { "$py" /work/shared/peers/lstm_tagger_torch.py --train "$data/train.txt" --test "$data/test.txt" "$@" \
            2>>"$cache/log.txt" | tee -a "$cache/results.txt"; }
echo "# $(date -u +%FT%TZ) $what, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$cache/results.txt"
case "$what" in
  speed)
    epochs="${2:-1}"; runs="${3:-2}"
    for run in $(seq 1 "$runs"); do
      lexis 2 epochs="$epochs" threads=2 label=lexis-bilstm-speed
      torch --tag-col 2 --epochs "$epochs" --threads 2
    done ;;
  quality)
    epochs="${2:-20}"
    lexis 2 epochs="$epochs" threads=2 dev=split features=true dropout=0.3 wordDropout=0.3 patience=4 label=chunk-bilstm-features
    lexis 1 epochs="$epochs" threads=2 dev=split features=true dropout=0.3 wordDropout=0.3 patience=4 label=pos-bilstm-features
    lexis 2 epochs="$epochs" threads=2 dev=split patience=4 label=chunk-bilstm-words ;;
  cells)
    epochs="${2:-5}"
    for cell in lstm gru rnn; do
      for bi in true false; do
        lexis 2 epochs="$epochs" threads=2 cell="$cell" bidirectional="$bi" label="chunk-$cell-bi=$bi"
      done
    done ;;
  *) echo "run.sh: unknown benchmark \"$what\" (speed, quality or cells)" >&2; exit 2 ;;
esac
