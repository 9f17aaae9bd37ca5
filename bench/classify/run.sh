#!/usr/bin/env bash
# classify against its peers, in one run on the same machine and the same splits:
#   TextCNN CNN-rand (Lexis) vs the PyTorch reference (/work/shared/peers/textcnn_torch.py, 2 threads):
#     MR fold 1 of 10 and TREC train/test: test accuracy at the best dev epoch, training examples/s;
#   the fastText-style baseline vs fastText (same split, same settings): accuracy and whole-process wall seconds of
#     `lexis classify train --model fasttext ... --test` (the ./lexis launcher: JVM start, CSV, training, model file,
#     test) against `fasttext supervised` alone and with `fasttext test`; LEXIS_CLASSIFY_FT_RUNS runs each
#     (default 1), alternating, after one untimed lexis run (it builds when stale and writes the class-data archive);
#     also the CPU seconds (user + system) of each process, steadier than wall time on a shared machine, and
#     the same Lexis training without --test (the like-for-like match of `fasttext supervised` alone);
#   single-sentence predict latency;
#   `cv`: MR 10-fold cross-validation (Kim's protocol) for Lexis CNN-rand;
#   `trec`: TREC CNN-rand over seeds 1-5 (LEXIS_CLASSIFY_SEEDS), analyzers kim and kim-cased, mean and standard
#     deviation of the test accuracy;
#   `vectors`: word vectors trained by Lexis on the English prose corpus (negative sampling), then CNN
#     rand / static / static with tuneUnknownWords / non-static / multichannel on MR fold 1 (analyzer "words", as
#     the corpus is normalised).
# Usage: bench/classify/run.sh [EPOCHS] [SECTION ...]   sections: textcnn fasttext cv trec vectors
#   (default: textcnn fasttext; EPOCHS default 10, Kim used 25)
#   LEXIS_CLASSIFY_RESULTS=FILE writes the raw lines there instead of $cache/results.txt;
#   LEXIS_CLASSIFY_VECTORS=FILE reuses word2vec vectors instead of training them (LEXIS_CLASSIFY_W2V_MODEL, _DIM,
#   _EPOCHS, _MIN_COUNT, _WINDOW: the vectors trained otherwise, default skipgram, 300, 5, 3, 5; trained under
#   nice -n 19); LEXIS_CLASSIFY_NORMALIZE=true scales each vector to unit length first (TextCNN option
#   normalizeVectors); LEXIS_CLASSIFY_SEEDS=3435,1,2 runs every variant with each seed (mean and std reported);
#   LEXIS_CLASSIFY_W2V_SUBWORDS=3,6 trains the vectors with character n-grams of 3-6 (--minn/--maxn) and gives every
#   word of MR a vector (lexis print-vectors composes the words outside the vocabulary) before the CNN runs;
#   LEXIS_CLASSIFY_FOLDS=0,1,2 runs the variants on those folds of the 10-fold split (default 0 = fold 1), and the
#   report pairs each variant with rand run by run (same fold, same seed); LEXIS_CLASSIFY_VARIANTS="rand static"
#   picks the variants (default: rand static static-tuned non-static multichannel)
# Raw lines go to stderr and $cache/results.txt; a Markdown summary to stdout.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
peers="${LEXIS_PEERS:-$repo/../shared/peers}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/classify"
epochs="${1:-10}"
shift || true
sections=" ${*:-textcnn fasttext} "
py=/usr/bin/python3
. "$repo/bin/jdk.sh"
lexis_find_jdk
export OMP_WAIT_POLICY=PASSIVE
mkdir -p "$cache"
mr="$shared/mr/mr.csv"
trec_train="$shared/trec/train.csv"
trec_test="$shared/trec/test.csv"
for f in "$mr" "$trec_train" "$trec_test"; do
  [ -f "$f" ] || { echo "run.sh: $f not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
done

# build classify and its dependencies; private copies of the jars (other builds may clean target/)
# (one reactor build: the class path's Lexis jars resolve to target/, never to stale ones in ~/.m2)
"$repo/mvn21" -q -o -pl classify -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$cache/deps.classpath" >&2
for m in nn tokenize corpora classify; do cp "$repo"/$m/target/lexis-$m-*.jar "$cache/lexis-$m.jar"; done
cp="$cache/lexis-nn.jar:$cache/lexis-tokenize.jar:$cache/lexis-corpora.jar:$cache/lexis-classify.jar:$(cat "$cache/deps.classpath")"
classes="$cache/classes"
rm -rf "$classes" && mkdir -p "$classes"
"$JAVA_HOME/bin/javac" -Xlint:-options -d "$classes" -cp "$cp" "$repo"/bench/src/main/java/dev/lexis/bench/classify/*.java
java=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp "$classes:$cp" dev.lexis.bench.classify.ClassifyBench)
results="${LEXIS_CLASSIFY_RESULTS:-$cache/results.txt}"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), epochs $epochs" | tee "$results"

fold="$cache/mr-fold1"
"${java[@]}" export --data "$mr" --folds 10 --fold 0 --out "$fold"
if [[ "$sections" == *" textcnn "* ]]; then
echo "## TextCNN CNN-rand, Lexis vs PyTorch (2 threads each)" >&2
for data in mr trec; do
  if [ $data = mr ]; then tr="$fold/train.csv"; te="$fold/test.csv"; else tr="$trec_train"; te="$trec_test"; fi
  "${java[@]}" train --model textcnn --train "$tr" --test "$te" --set epochs="$epochs" --set threads=2 --latency \
    | sed "s/^RESULT/RESULT_$data/" | tee -a "$results" >&2
  "$py" "$peers/textcnn_torch.py" --train "$tr" --test "$te" --epochs "$epochs" --threads 2 \
    | sed "s/^RESULT/RESULT_$data/" | tee -a "$results" >&2
done
fi

if [[ "$sections" == *" fasttext "* ]]; then
echo "## fastText-style baseline vs fastText (dim 100, 10 epochs, lr 0.5, word bigrams, 200k buckets, 2 threads)" >&2
ftopts=(-dim 100 -epoch 10 -lr 0.5 -wordNgrams 2 -bucket 200000 -minCount 1 -thread 2 -verbose 0)
lxopts=(--set embeddingDim=100 --set epochs=10 --set learningRate=0.5 --set wordNgrams=2 --set buckets=200000
        --set minCount=1 --set threads=2 --set analyzer=lowercase)
now() { date +%s.%N; }
cpu() { awk '{printf "%.2f", $1 + $2}' "$cache/cpu.txt"; }   # user + system CPU seconds of the last timed process
"$repo/lexis" classify train --model fasttext --train "$trec_train" --test "$trec_test" --dev-fraction 0 \
  --output "$cache/warmup-lexis.lexis" "${lxopts[@]}" > /dev/null 2>&1     # build if stale; class-data archive
for data in mr trec; do
  if [ $data = mr ]; then tr="$fold/train.csv"; te="$fold/test.csv"; else tr="$trec_train"; te="$trec_test"; fi
  for f in "$tr" "$te"; do
    "$py" -c 'import csv,sys
r=csv.reader(open(sys.argv[1],encoding="utf-8",newline="")); next(r)
with open(sys.argv[2],"w",encoding="utf-8") as o:
    for row in r: o.write("__label__"+row[0]+" "+" ".join(row[1].lower().split())+"\n")' "$f" "$cache/$data-$(basename "$f" .csv).ft"
  done
  for run in $(seq "${LEXIS_CLASSIFY_FT_RUNS:-1}"); do
    start=$(now)
    out=$(/usr/bin/time -f '%U %S' -o "$cache/cpu.txt" "$repo/lexis" classify train --model fasttext --train "$tr" \
          --test "$te" --dev-fraction 0 --output "$cache/$data-lexis.lexis" "${lxopts[@]}" 2>/dev/null)
    wall=$(echo "$(now) - $start" | bc)
    acc=$(echo "$out" | tail -n 1 | sed -n 's/^accuracy=\([0-9.]*\).*/\1/p')
    echo -e "RESULT_$data\tlexis-fasttext\tacc=$acc\tprocess_wall_s=$wall\tcpu_s=$(cpu)\trun=$run\tload=$(cut -d' ' -f1 /proc/loadavg)" \
      | tee -a "$results" >&2
    # the same training without --test: the like-for-like match of `fasttext supervised` alone
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$cache/cpu.txt" "$repo/lexis" classify train --model fasttext --train "$tr" \
      --dev-fraction 0 --output "$cache/$data-lexis-train.lexis" "${lxopts[@]}" >/dev/null 2>&1
    wall=$(echo "$(now) - $start" | bc)
    echo -e "RESULT_$data\tlexis-fasttext-train\tprocess_wall_s=$wall\tcpu_s=$(cpu)\trun=$run" | tee -a "$results" >&2
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$cache/cpu.txt" fasttext supervised -input "$cache/$data-train.ft" \
      -output "$cache/$data-ft" "${ftopts[@]}"
    ftcpu=$(cpu)
    mid=$(now)
    acc=$(fasttext test "$cache/$data-ft.bin" "$cache/$data-test.ft" | awk '/^P@1/ {print $2}')
    end=$(now)
    echo -e "RESULT_$data\tfasttext\tacc=$acc\tprocess_wall_s=$(echo "$mid - $start" | bc)\tcpu_s=$ftcpu\ttrain_test_wall_s=$(echo "$end - $start" | bc)\trun=$run" \
      | tee -a "$results" >&2
  done
done
fi

if [[ "$sections" == *" cv "* ]]; then
  echo "## MR 10-fold CV, Lexis CNN-rand" >&2
  "${java[@]}" train --model textcnn --data "$mr" --folds 10 --set epochs="$epochs" --set threads=2 \
    | sed "s/^RESULT/RESULT_mrcv/" | tee -a "$results" >&2
fi

if [[ "$sections" == *" trec "* ]]; then
  echo "## TREC CNN-rand over seeds" >&2
  for analyzer in kim kim-cased; do     # kim-cased: Kim's clean_str(TREC=True) keeps the case
    "${java[@]}" train --model textcnn --train "$trec_train" --test "$trec_test" --set epochs="$epochs" \
      --set threads=2 --set analyzer=$analyzer --seeds "${LEXIS_CLASSIFY_SEEDS:-1,2,3,4,5}" \
      | sed "s/^RESULT/RESULT_trecseeds_$analyzer/" | tee -a "$results" >&2
  done
fi

if [[ "$sections" == *" vectors "* ]]; then
  w2vmodel="${LEXIS_CLASSIFY_W2V_MODEL:-skipgram}"
  w2vdim="${LEXIS_CLASSIFY_W2V_DIM:-300}"
  w2vepochs="${LEXIS_CLASSIFY_W2V_EPOCHS:-5}"
  w2vmin="${LEXIS_CLASSIFY_W2V_MIN_COUNT:-3}"
  w2vwindow="${LEXIS_CLASSIFY_W2V_WINDOW:-5}"
  subwords="${LEXIS_CLASSIFY_W2V_SUBWORDS:-}"
  echo "## CNN with Lexis word vectors (English prose corpus, normalized, $w2vmodel ns, dim $w2vdim${subwords:+, subwords $subwords})" >&2
  wtag=""; [ "$w2vwindow" = 5 ] || wtag="-w$w2vwindow"
  subopts=(); if [ -n "$subwords" ]; then subopts=(--minn "${subwords%,*}" --maxn "${subwords#*,}"); wtag+="-sub${subwords/,/-}"; fi
  vec="${LEXIS_CLASSIFY_VECTORS:-$cache/prose-$w2vmodel$w2vdim-e$w2vepochs-min$w2vmin$wtag.bin}"   # reused when present
  seeds=(); [ -n "${LEXIS_CLASSIFY_SEEDS:-}" ] && seeds=(--seeds "$LEXIS_CLASSIFY_SEEDS")
  if [ ! -f "$vec" ]; then
    norm="$cache/prose25m.txt"
    [ -f "$norm" ] || "$py" "$peers/normalize_corpus.py" "$shared/english-prose-corpus/english_prose_25m.txt.gz" "$norm"
    nice -n 19 "$repo/lexis" word2vec --input "$norm" --output "$vec" --model "$w2vmodel" --loss ns --dim "$w2vdim" \
      --min-count "$w2vmin" --window "$w2vwindow" --epochs "$w2vepochs" --threads 2 "${subopts[@]}" >&2
  fi
  cnnvec="$vec"
  if [ -f "$vec.subwords" ]; then
    # every word of MR (tokenized as the CNN runs tokenize: the "words" analyzer) gets a vector; the words outside
    # the vocabulary are composed from their character n-grams (fastText's print-word-vectors workflow)
    cnnvec="$cache/mr-$(basename "${vec%.bin}").vec"
    "$py" -c 'import csv,sys; [print(r["text"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]' "$mr" \
      | "$repo/lexis" tokenize --analyzer 'pattern(pattern=[\\p{L}\\p{N}]+,group=0)|lowercase' | tr ' ' '\n' \
      | sed '/^$/d' | sort -u > "$cache/mr-words.txt"
    "$repo/lexis" print-vectors --skip-unknown --vectors "$vec" < "$cache/mr-words.txt" > "$cnnvec.body"
    composed=$(wc -l < "$cnnvec.body")
    { echo "$composed $w2vdim"; cat "$cnnvec.body"; } > "$cnnvec" && rm "$cnnvec.body"
    echo "vectors for $composed of $(wc -l < "$cache/mr-words.txt") MR word types -> $cnnvec" >&2
  fi
  IFS=, read -r -a vfolds <<< "${LEXIS_CLASSIFY_FOLDS:-0}"
  for k in "${vfolds[@]}"; do
    vfold="$cache/mr-fold$((k + 1))"
    [ "$k" = 0 ] || "${java[@]}" export --data "$mr" --folds 10 --fold "$k" --out "$vfold"
    suffix=""; [ ${#vfolds[@]} = 1 ] || suffix="_f$((k + 1))"
    for variant in ${LEXIS_CLASSIFY_VARIANTS:-rand static static-tuned non-static multichannel}; do
      mode=${variant%-tuned}
      emb=(); [ $mode = rand ] || emb=(--set embeddings="$cnnvec" --set normalizeVectors="${LEXIS_CLASSIFY_NORMALIZE:-false}")
      [ $variant = static-tuned ] && emb+=(--set tuneUnknownWords=true)   # the words without a vector are learned
      # analyzer "words": the corpus normalisation of normalize_corpus.py, so the tokens are the vectors' words
      "${java[@]}" train --model textcnn --train "$vfold/train.csv" --test "$vfold/test.csv" --set mode=$mode "${emb[@]}" \
        --set analyzer=words --set epochs="$epochs" --set threads=2 "${seeds[@]}" \
        | sed "s/^RESULT/RESULT_mode_$variant$suffix/; s/^fold /FOLD_mode_$variant$suffix\t/" | tee -a "$results" >&2
    done
  done
fi
"$py" "$repo/bench/classify/report.py" "$results"
