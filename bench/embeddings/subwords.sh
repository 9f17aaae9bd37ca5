#!/usr/bin/env bash
# Subword (fastText-style) word vectors: lexis word2vec --minn 3 --maxn 6 against fasttext cbow (or skipgram) on the same corpus, in
# one run, side by side: wall time, CPU, peak memory, words/s (corpus tokens x epochs / wall, so both include reading
# the corpus and writing the files), the ratio, and the load average (uptime) before each run; then the quality of
# both .vec files (the vocabulary's vectors: analogy accuracy and WordSim-353, ../shared/peers/eval_vectors.py).
# Usage: bench/embeddings/subwords.sh CORPUS [TOKENS] [OUTDIR]
#   CORPUS  a normalized corpus, e.g. /work/runs/classify/prose25m.txt (../shared/peers/normalize_corpus.py)
#   TOKENS  use the first TOKENS tokens (default 2000000; 0 = the whole corpus)
#   OUTDIR  results (default: bench/embeddings/out/subwords, not committed)
#   LEXIS_NO_BUILD=1  use the jars of the last build (cli/target/classpath.txt) instead of building first
# Settings (fastText's names): MODEL=cbow (or skipgram) DIM=300 WS=5 MINCOUNT=2 EPOCH=5 MINN=3 MAXN=6 THREADS=2 BUCKET=2000000 T=1e-4 (both
# use fastText's subsampling default t = 1e-4, lexis --sample 1e-4; negative sampling with 5 negatives; LR=0.05,
# fastText's default for both models, lexis --alpha).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
DATA_DIR=${DATA_DIR:-$ROOT/../shared/data}
SRC=${1:?usage: bench/embeddings/subwords.sh CORPUS [TOKENS] [OUTDIR]}
TOKENS_WANTED=${2:-2000000}
OUTDIR=${3:-$HERE/out/subwords}
MODEL=${MODEL:-cbow} DIM=${DIM:-300} WS=${WS:-5} MINCOUNT=${MINCOUNT:-2} EPOCH=${EPOCH:-5} MINN=${MINN:-3} MAXN=${MAXN:-6}
THREADS=${THREADS:-2} BUCKET=${BUCKET:-2000000} T=${T:-1e-4} LR=${LR:-0.05}
PY=/usr/bin/python3
command -v fasttext >/dev/null || { echo "needs fasttext: apt-get install fasttext" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
mkdir -p "$OUTDIR/logs"

CORPUS=$SRC
if [[ $TOKENS_WANTED != 0 ]]; then
  CORPUS=$OUTDIR/prefix-$TOKENS_WANTED.txt
  [[ -s $CORPUS ]] || awk -v max="$TOKENS_WANTED" '{ if (n >= max) exit; print; n += NF }' "$SRC" >"$CORPUS"
fi
TOKENS=$(wc -w <"$CORPUS")

if [[ -z ${LEXIS_NO_BUILD:-} ]]; then # LEXIS_NO_BUILD=1: use the jars of the last build as they are
  echo "building Lexis ..." >&2
  (cd "$ROOT" && ./mvn21 -q -Dstyle.color=never -Dmaven.test.skip=true -pl cli -am package) >&2
fi
. "$ROOT/bin/jdk.sh"; lexis_find_jdk
. "$HERE/lib.sh"; lexis_snapshot_jars "$OUTDIR"   # sets CP to copies of the jars

TIMES=$OUTDIR/times.tsv
echo -e "tool\twall_s\tcpu_s\tpeak_rss_mb\twords_per_s\tload_before" >"$TIMES"
run_timed() { # TOOL -- command...
  local tool=$1 tf=$OUTDIR/logs/$1.time log=$OUTDIR/logs/$1.log load; shift 2
  load=$(uptime | sed 's/.*load average: //')
  echo "== $tool (load $load): $*" >&2
  /usr/bin/time -v -o "$tf" "$@" >"$log" 2>&1 || { echo "FAILED: $tool (see $log)" >&2; return 1; }
  awk -F': ' -v tool="$tool" -v tok="$TOKENS" -v ep="$EPOCH" -v load="$load" '
    /User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } /Maximum resident set size/ { rss = $2 }
    /Elapsed \(wall clock\) time/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    END { printf "%s\t%.1f\t%.1f\t%.0f\t%.0f\t%s\n", tool, w, u + s, rss / 1024, tok * ep / w, load }' "$tf" >>"$TIMES"
  tail -n 1 "$TIMES" >&2
}

run_timed lexis -- nice -n 19 "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" dev.lexis.cli.Main \
  word2vec --input "$CORPUS" --output "$OUTDIR/lexis.vec" --model "$MODEL" --loss ns --negative 5 --alpha "$LR" --dim "$DIM" \
  --window "$WS" --min-count "$MINCOUNT" --sample "$T" --epochs "$EPOCH" --minn "$MINN" --maxn "$MAXN" \
  --bucket "$BUCKET" --threads "$THREADS" --checkpoint-minutes 0
run_timed fasttext -- nice -n 19 fasttext "$MODEL" -input "$CORPUS" -output "$OUTDIR/fasttext" -lr "$LR" -dim "$DIM" -ws "$WS" \
  -minCount "$MINCOUNT" -t "$T" -epoch "$EPOCH" -minn "$MINN" -maxn "$MAXN" -bucket "$BUCKET" -thread "$THREADS"

echo
echo "$MODEL; corpus: $CORPUS ($TOKENS tokens), $EPOCH epochs, dim $DIM, window $WS, min-count $MINCOUNT, n-grams $MINN-$MAXN," \
  "$BUCKET buckets, $THREADS threads; $(nproc) cores; uptime after: $(uptime | sed 's/.*load average: /load /')"
echo
echo "| tool | wall | CPU | peak RSS | words/s (tokens x epochs / wall) | load before |"
echo "|---|---|---|---|---|---|"
awk -F'\t' 'NR > 1 { printf "| %s | %s s | %s s | %s MB | %.0fk | %s |\n", $1, $2, $3, $4, $5 / 1000, $6 }' "$TIMES"
awk -F'\t' 'NR > 1 { w[$1] = $5 } END { if (w["fasttext"] > 0) printf "\nlexis / fasttext words/s: %.2fx\n", w["lexis"] / w["fasttext"] }' "$TIMES"

QUESTIONS=$DATA_DIR/analogy-google/questions-words.txt
WORDSIM=$DATA_DIR/wordsim353/wordsim353.tsv
if [[ -f $PEERS_DIR/eval_vectors.py && -f $QUESTIONS ]]; then
  echo
  echo "quality of the vocabulary vectors (vec, vocab, analogy acc, sem, syn, seen, total, WS-353 rho, r, OOV %):"
  for tool in lexis fasttext; do
    echo -e "$tool\t$($PY "$PEERS_DIR/eval_vectors.py" "$OUTDIR/$tool.vec" "$QUESTIONS" "$WORDSIM")"
  done
fi
