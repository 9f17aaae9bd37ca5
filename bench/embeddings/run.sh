#!/usr/bin/env bash
# Lexis word2vec against gensim (corpus_file mode) on the same normalized corpus, in one run, four modes.
#
# Usage: bench/embeddings/run.sh [CORPUS] [OUTDIR]
#   CORPUS   a normalized text file (default: the first 5M tokens of ../shared/data/english-prose-corpus/
#            english_prose_25m.txt.gz normalized by ../shared/peers/normalize_corpus.py, made once in OUTDIR)
#   OUTDIR   results (default: bench/embeddings/out, not committed)
# Environment:
#   MODES    (default "sg-hs cbow-hs sg-ns cbow-ns")   REPEATS (default 1)   THREADS (default 2)
#   SEEDS    (default "1"): seeds run for both tools, each REPEATS times (Lexis --seed S; gensim through
#            gensim_seeded.py, the peer script with only its seed changed). Single runs of either tool vary by
#            about +-1 point of analogy accuracy between seeds, so compare medians over several seeds.
#   TOOLS    (default "gensim lexis"): "lexis" alone for quick probes of a Lexis change (the table's gensim
#            columns are then empty)
#   PEERS_DIR (default ../shared/peers)   DATA_DIR (default ../shared/data)
#   LEXIS_ARGS (default empty): extra arguments of lexis word2vec, e.g. "--streams 1" for probes
#   LEXIS_JVM_OPTS (default "-XX:+UseSerialGC -Xms16m -Xmn8m -XX:ReservedCodeCacheSize=32m": a small heap
#            and code cache keep the peak RSS low; training allocates almost nothing)
# Settings (the peers' README): dim 100, window 5, min-count 5, sample 1e-3, 5 epochs, alpha 0.025 (skip-gram)
# / 0.05 (CBOW); hs = hierarchical softmax without negatives, ns = 5 negatives. Both write word2vec text vectors.
# words/s = corpus tokens x 5 / wall seconds of the whole process (start, vocabulary, training, writing).
# Quality: ../shared/peers/eval_vectors.py (gensim's evaluator) on both: analogy accuracy on questions-words
# with the 30,000 most frequent words, Spearman rho on WordSim-353.
# Prints a markdown table (medians over REPEATS) and writes OUTDIR/times.tsv and OUTDIR/quality.tsv.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
DATA_DIR=${DATA_DIR:-$ROOT/../shared/data}
OUTDIR=${2:-$HERE/out}
MODES=${MODES:-sg-hs cbow-hs sg-ns cbow-ns}
REPEATS=${REPEATS:-1}
SEEDS=${SEEDS:-1}
THREADS=${THREADS:-2}
TOOLS=${TOOLS:-gensim lexis}
LEXIS_ARGS=${LEXIS_ARGS:-}
LEXIS_JVM_OPTS=${LEXIS_JVM_OPTS:--XX:+UseSerialGC -Xms16m -Xmn8m -XX:ReservedCodeCacheSize=32m}
PY=/usr/bin/python3
mkdir -p "$OUTDIR/logs"

$PY -c "import gensim" 2>/dev/null || { echo "needs gensim: apt-get install python3-gensim" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

CORPUS=${1:-}
if [[ -z $CORPUS ]]; then
  CORPUS=$OUTDIR/prose5m.txt
  if [[ ! -s $CORPUS ]]; then
    echo "making $CORPUS (first 5M tokens of the normalized 25M corpus) ..." >&2
    $PY "$PEERS_DIR/normalize_corpus.py" "$DATA_DIR/english-prose-corpus/english_prose_25m.txt.gz" "$OUTDIR/prose25m.txt"
    awk '{ if (n >= 5000000) exit; print; n += NF }' "$OUTDIR/prose25m.txt" >"$CORPUS"
    rm -f "$OUTDIR/prose25m.txt"
  fi
fi
TOKENS=$(wc -w <"$CORPUS")
QUESTIONS=$DATA_DIR/analogy-google/questions-words.txt
WORDSIM=$DATA_DIR/wordsim353/wordsim353.tsv

# the JVM command that ./lexis runs, without the launcher's build check
echo "building Lexis ..." >&2
(cd "$ROOT" && ./mvn21 -q -Dstyle.color=never -Dmaven.test.skip=true -pl cli -am package) >&2
. "$ROOT/bin/jdk.sh"; lexis_find_jdk
. "$HERE/lib.sh"; lexis_snapshot_jars "$OUTDIR"   # sets CP to copies of the jars

TIMES=$OUTDIR/times.tsv
echo -e "peer\tmode\trep\twall_s\tcpu_s\tpeak_rss_kb\twords_per_s\tother_cpu_s" >"$TIMES"
QUALITY=$OUTDIR/quality.tsv
echo -e "peer\tmode\trep\tvec\tvocab\tanalogy_acc\tanalogy_sem\tanalogy_syn\tanalogy_seen\tanalogy_total\tws_spearman\tws_pearson\tws_oov_pct" >"$QUALITY"
busy_s() { awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat; }

run_timed() { # PEER MODE REP VEC -- command...
  local peer=$1 mode=$2 rep=$3 vec=$4; shift 5
  local tf=$OUTDIR/logs/$peer-$mode.r$rep.time log=$OUTDIR/logs/$peer-$mode.r$rep.log b0 b1
  echo "== $peer $mode rep $rep: $*" >&2
  b0=$(busy_s)
  /usr/bin/time -v -o "$tf" "$@" >"$log" 2>&1 || { echo "FAILED: $peer $mode (see $log)" >&2; return 1; }
  b1=$(busy_s)
  awk -F': ' -v peer="$peer" -v mode="$mode" -v rep="$rep" -v tok="$TOKENS" -v busy="$(awk -v a="$b0" -v b="$b1" 'BEGIN { print b - a }')" '
    /User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } /Maximum resident set size/ { rss = $2 }
    /Elapsed \(wall clock\) time/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    END { if (w <= 0) w = 0.001; other = busy - (u + s); if (other < 0) other = 0
          printf "%s\t%s\t%d\t%.2f\t%.2f\t%d\t%.0f\t%.1f\n", peer, mode, rep, w, u + s, rss, tok * 5 / w, other }' "$tf" >>"$TIMES"
  tail -n 1 "$TIMES" >&2
  echo -e "$peer\t$mode\t$rep\t$($PY "$PEERS_DIR/eval_vectors.py" "$vec" "$QUESTIONS" "$WORDSIM")" >>"$QUALITY"
}

run=0
for seed in $SEEDS; do
for ((r = 1; r <= REPEATS; r++)); do
  run=$((run + 1))
  echo "run $run: seed $seed" >&2
  for mode in $MODES; do
    arch=${mode%-*} loss=${mode#*-}
    model=skipgram; [[ $arch == cbow ]] && model=cbow
    gvec=$OUTDIR/gensim-$mode.vec lvec=$OUTDIR/lexis-$mode.vec
    if [[ " $TOOLS " != *" gensim "* ]]; then
      :
    elif [[ $seed == 1 ]]; then
      run_timed gensim "$mode" "$run" "$gvec" -- $PY "$PEERS_DIR/gensim_w2v.py" "$CORPUS" "$gvec" "$mode" cf "$THREADS"
    else
      run_timed gensim "$mode" "$run" "$gvec" -- $PY "$HERE/gensim_seeded.py" "$seed" "$PEERS_DIR/gensim_w2v.py" \
        "$CORPUS" "$gvec" "$mode" cf "$THREADS"
    fi
    [[ " $TOOLS " == *" lexis "* ]] || continue
    # shellcheck disable=SC2086
    run_timed lexis "$mode" "$run" "$lvec" -- "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector $LEXIS_JVM_OPTS \
      -cp "$CP" dev.lexis.cli.Main word2vec --input "$CORPUS" --output "$lvec" --model "$model" --loss "$loss" \
      --dim 100 --window 5 --min-count 5 --sample 1e-3 --epochs 5 --threads "$THREADS" --seed "$seed" $LEXIS_ARGS
  done
done
done

echo >&2
echo "corpus: $CORPUS ($TOKENS tokens), $THREADS threads, seeds $SEEDS x $REPEATS run(s) each, medians; $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg)"
$PY - "$TIMES" "$QUALITY" "$MODES" <<'PYEOF'
import csv, statistics, sys
times = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
qual = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
def med(rows, peer, mode, col):
    v = [float(r[col]) for r in rows if r["peer"] == peer and r["mode"] == mode and r[col] not in ("NA", "")]
    return statistics.median(v) if v else float("nan")
def k(x):
    return f"{x / 1e6:.2f}M" if x >= 1e6 else f"{x / 1e3:.0f}k"
print("| mode | Lexis words/s | gensim words/s | ratio | CPU s Lexis / gensim | Lexis analogy | gensim analogy | Lexis WS-353 ρ | gensim WS-353 ρ | Lexis peak RSS | gensim peak RSS |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for mode in sys.argv[3].split():
    lw, gw = med(times, "lexis", mode, "words_per_s"), med(times, "gensim", mode, "words_per_s")
    lc, gc = med(times, "lexis", mode, "cpu_s"), med(times, "gensim", mode, "cpu_s")
    print(f"| {mode} | {k(lw)} | {k(gw)} | {lw / gw:.2f}x | {lc:.1f} / {gc:.1f} | {med(qual, 'lexis', mode, 'analogy_acc'):.4f} | "
          f"{med(qual, 'gensim', mode, 'analogy_acc'):.4f} | {med(qual, 'lexis', mode, 'ws_spearman'):.3f} | "
          f"{med(qual, 'gensim', mode, 'ws_spearman'):.3f} | {med(times, 'lexis', mode, 'peak_rss_kb') / 1024:.0f} MB | "
          f"{med(times, 'gensim', mode, 'peak_rss_kb') / 1024:.0f} MB |")
runs = sorted({r["rep"] for r in qual}, key=int)
if len(runs) > 1:
    print("\nper run, analogy / rho (Lexis; gensim):")
    for mode in sys.argv[3].split():
        cells = []
        for run in runs:
            l = [r for r in qual if r["peer"] == "lexis" and r["mode"] == mode and r["rep"] == run]
            g = [r for r in qual if r["peer"] == "gensim" and r["mode"] == mode and r["rep"] == run]
            if l and g:
                cells.append(f"run {run}: {float(l[0]['analogy_acc']):.4f}/{float(l[0]['ws_spearman']):.3f}; "
                             f"{float(g[0]['analogy_acc']):.4f}/{float(g[0]['ws_spearman']):.3f}")
        print(f"- {mode}: " + " | ".join(cells))
other = [float(r["other_cpu_s"]) for r in times]
print(f"\nCPU seconds used by other processes during the runs: max {max(other):.1f} (near 0 = a quiet machine)")
PYEOF
