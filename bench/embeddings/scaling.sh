#!/usr/bin/env bash
# Thread scaling of Lexis word2vec and gensim (corpus_file) on a short corpus: words/s and CPU seconds with 1 and
# 2 threads, to see whether the second thread adds speed or only contention (perfect scaling: 2x words/s at 2
# threads for the same CPU seconds). Speed only, no quality; run it on a quiet machine at normal priority.
#
# Usage: bench/embeddings/scaling.sh [CORPUS] [OUTDIR]
#   CORPUS  a normalized text file (default: the first 2M tokens of bench/embeddings/out/prose5m.txt, which
#           run.sh makes)   OUTDIR (default /tmp/lexis-w2v-scaling)
# Environment: MODES (default "sg-hs cbow-hs"), THREADS_LIST (default "1 2"), PEERS (default "lexis gensim"),
#   REPEATS (default 1), LEXIS_OPTS (extra word2vec flags), LEXIS_JVM_OPTS (as run.sh), BUILD (default 1; 0 reuses
#   the jars copied to OUTDIR/lib by the last run)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
OUTDIR=${2:-/tmp/lexis-w2v-scaling}
MODES=${MODES:-sg-hs cbow-hs}
THREADS_LIST=${THREADS_LIST:-1 2}
PEERS=${PEERS:-lexis gensim}
REPEATS=${REPEATS:-1}
LEXIS_OPTS=${LEXIS_OPTS:-}
LEXIS_JVM_OPTS=${LEXIS_JVM_OPTS:--XX:+UseSerialGC -Xms16m -Xmn8m -XX:ReservedCodeCacheSize=32m}
mkdir -p "$OUTDIR"
CORPUS=${1:-}
if [[ -z $CORPUS ]]; then
  CORPUS=$OUTDIR/prose2m.txt
  [[ -s $HERE/out/prose5m.txt ]] || { echo "run bench/embeddings/run.sh once first (it makes out/prose5m.txt)" >&2; exit 1; }
  [[ -s $CORPUS ]] || awk '{ if (n >= 2000000) exit; print; n += NF }' "$HERE/out/prose5m.txt" >"$CORPUS"
fi
TOKENS=$(wc -w <"$CORPUS")
if [[ $PEERS == *lexis* ]]; then
  . "$ROOT/bin/jdk.sh"; lexis_find_jdk
fi
if [[ $PEERS == *lexis* && ${BUILD:-1} == 0 ]]; then
  CP=$(ls "$OUTDIR"/lib/*.jar | tr '\n' ':')
elif [[ $PEERS == *lexis* ]]; then
  (cd "$ROOT" && ./mvn21 -q -o -Dstyle.color=never -Dmaven.test.skip=true -pl cli -am package) >&2
  . "$HERE/lib.sh"; lexis_snapshot_jars "$OUTDIR"   # sets CP to copies of the jars
fi
echo "corpus $CORPUS ($TOKENS tokens x 5 epochs); $(date -u '+%F %T') UTC; uptime:$(uptime | sed 's/.*load/ load/')"
printf "%-7s %-8s %-7s %9s %8s %8s %12s\n" peer mode threads wall_s cpu_s cpu/wall words/s
for mode in $MODES; do
  arch=${mode%-*} loss=${mode#*-}; model=skipgram; [[ $arch == cbow ]] && model=cbow
  for th in $THREADS_LIST; do
    for peer in $PEERS; do
      for ((r = 1; r <= REPEATS; r++)); do
        tf=$OUTDIR/$peer-$mode-$th.time
        if [[ $peer == gensim ]]; then
          /usr/bin/time -f "%e %U %S" -o "$tf" /usr/bin/python3 "$PEERS_DIR/gensim_w2v.py" "$CORPUS" \
            "$OUTDIR/g.vec" "$mode" cf "$th" >"$OUTDIR/$peer.log" 2>&1
        else
          # shellcheck disable=SC2086
          /usr/bin/time -f "%e %U %S" -o "$tf" "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector \
            $LEXIS_JVM_OPTS -cp "$CP" dev.lexis.cli.Main word2vec --input "$CORPUS" --output "$OUTDIR/l.vec" \
            --model "$model" --loss "$loss" --dim 100 --window 5 --min-count 5 --sample 1e-3 --epochs 5 \
            --threads "$th" --seed 1 $LEXIS_OPTS >"$OUTDIR/$peer.log" 2>&1
        fi
        tail -n 1 "$tf" | awk -v p="$peer" -v m="$mode" -v t="$th" -v tok="$TOKENS" \
          '{ c = $2 + $3; printf "%-7s %-8s %-7s %9.2f %8.2f %8.2f %12.0f\n", p, m, t, $1, c, c / $1, tok * 5 / $1 }'
      done
    done
  done
done
echo "uptime:$(uptime | sed 's/.*load/ load/')"
