#!/usr/bin/env bash
# Sequence taggers on CoNLL-2000 against the PyTorch CPU BiLSTM tagger (/work/shared/peers/lstm_tagger_torch.py),
# in one run on the same machine, 2 threads each (OMP_WAIT_POLICY=PASSIVE for torch).
#   bench/sequence/run.sh speed [EPOCHS] [RUNS]   training tokens/s, Lexis vs PyTorch, same settings (embedding 100,
#                                                 BiLSTM 100 per direction, batch 32, Adam 1e-3), chunk tags; RUNS
#                                                 alternating pairs (default 1 epoch, 2 runs)
#   bench/sequence/run.sh quality [EPOCHS]        chunk F1 and POS accuracy on the test set, dev = last 10 % of train
#                                                 (early stopping), the best settings: BiLSTM 100, words lower-cased
#                                                 + case/suffix features + character n-gram vectors (50), dropout 0.5;
#                                                 chunks also with the POS column as a second input (inputColumn=1)
#   bench/sequence/run.sh vectors [EPOCHS]        the chunker of "quality" started from Lexis word vectors
#                                                 (bench/sequence/vectors.sh makes them; LEXIS_VECTORS=FILE)
#   bench/sequence/run.sh cells [EPOCHS]          LSTM / GRU / RNN x uni- / bidirectional, chunk F1 and POS accuracy
#                                                 (defaults: embedding 100, hidden 100, words only; 5 epochs, no dev)
#   bench/sequence/run.sh table [RESULTS]         the cells runs of RESULTS (default $cache/results.txt) as a markdown table
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
if [ "${LEXIS_BENCH_SKIP_BUILD:-0}" != 1 ] && [ "$what" != table ]; then
  # one reactor build: the class path's Lexis jars resolve to target/, never to stale ones in ~/.m2
  "$repo/mvn21" -q -pl sequence -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$cache/deps.classpath" >&2
  rm -f "$cache"/*.jar
  for m in nn tokenize corpora classify sequence; do cp "$repo/$m/target/lexis-$m-"*.jar "$cache/"; done
  rm -rf "$cache/classes" && mkdir -p "$cache/classes"
  cp="$(ls "$cache"/*.jar | tr '\n' ':')$(cat "$cache/deps.classpath")"
  "$JAVA_HOME/bin/javac" -d "$cache/classes" -cp "$cp" "$repo"/bench/src/main/java/dev/lexis/bench/sequence/*.java
fi
cp="$cache/classes:$(ls "$cache"/*.jar | tr '\n' ':')$(cat "$cache/deps.classpath")"
lexis() { "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx2g -cp "$cp" dev.lexis.bench.sequence.TaggerBench \
            "$data/train.txt" "$data/test.txt" "$@" 2>>"$cache/log.txt" | tee -a "$cache/results.txt"; }
torch() { "$py" /work/shared/peers/lstm_tagger_torch.py --train "$data/train.txt" --test "$data/test.txt" "$@" \
            2>>"$cache/log.txt" | tee -a "$cache/results.txt"; }
best="features=true lowercase=true subwordDim=50 dropout=0.5 wordDropout=0.3 hiddenSize=100 learningRate=0.002"
[ "$what" = table ] || echo "# $(date -u +%FT%TZ) $what, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$cache/results.txt"
case "$what" in
  speed)
    epochs="${2:-1}"; runs="${3:-2}"
    for run in $(seq 1 "$runs"); do
      lexis 2 epochs="$epochs" threads=2 label=lexis-bilstm-speed
      torch --tag-col 2 --epochs "$epochs" --threads 2
    done ;;
  quality)
    epochs="${2:-20}"
    lexis 2 epochs="$epochs" threads=2 dev=split $best patience=3 label=chunk-bilstm100-features-subwords
    lexis 2 epochs="$epochs" threads=2 dev=split $best inputColumn=1 patience=2 label=chunk-bilstm100-features-subwords-posinput
    lexis 1 epochs=5 threads=2 dev=split $best patience=2 label=pos-bilstm100-features-subwords ;;
  vectors)
    epochs="${2:-20}"
    vectors="${LEXIS_VECTORS:-/tmp/lexis-prose-vectors.bin}"
    [ -f "$vectors" ] || { echo "run.sh: $vectors not found (run bench/sequence/vectors.sh)" >&2; exit 1; }
    lexis 2 epochs="$epochs" threads=2 dev=split $best embeddings="$vectors" label=chunk-bilstm100-lexis-vectors ;;
  cells)
    epochs="${2:-5}"
    for cell in lstm gru rnn; do
      for bi in true false; do
        lexis 2 epochs="$epochs" threads=2 cell="$cell" bidirectional="$bi" label="cells-chunk-$cell-bi=$bi"
        lexis 1 epochs="$epochs" threads=2 cell="$cell" bidirectional="$bi" label="cells-pos-$cell-bi=$bi"
      done
    done ;;
  table)
    # one row per cell and direction: chunk F1, chunk accuracy, POS accuracy, training tokens/s (chunk, POS)
    grep -h '^RESULT.cells-' "${2:-$cache/results.txt}" | awk -F'\t' '
      { split($2, l, "-"); task = l[2]; key = l[3] " " l[4]
        for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        if (!(key in seen)) { seen[key] = 1; order[++n] = key }
        if (task == "chunk") { f1[key] = v["f1"]; cacc[key] = v["acc"]; ctok[key] = v["train_tok_per_s"] }
        else { pacc[key] = v["acc"]; ptok[key] = v["train_tok_per_s"] } }
      END { print "| cell | direction | chunk F1 | chunk accuracy | POS accuracy | tokens/s (chunk, POS) |"
            print "|---|---|---|---|---|---|"
            for (i = 1; i <= n; i++) { k = order[i]; split(k, p, " ")
              printf "| %s | %s | %s | %s | %s | %s, %s |\n", toupper(p[1]), p[2] == "bi=true" ? "bi" : "uni", f1[k], cacc[k], pacc[k], ctok[k], ptok[k] } }'
    exit 0 ;;
  *) echo "run.sh: unknown benchmark \"$what\" (speed, quality or cells)" >&2; exit 2 ;;
esac
