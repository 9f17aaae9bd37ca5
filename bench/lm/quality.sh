#!/usr/bin/env bash
# lm quality on Brown (train 800k / valid 200k / test 161k tokens): Kneser-Ney 3- and 5-gram, the NNLM with
# full softmax, and the NNLM + KN5 mixture with its weight chosen on the validation text (never the test's).
# The same vocabulary (min-count 4, |V| = 14,115) and the same counting (every token, </s> and <unk> included)
# for all. No PyTorch run here (bench/lm/run.sh has the speed comparison).
#   bench/lm/quality.sh [LmBench options]       default: the README's recommended settings
#     (the README's D.nnlm run: Adam lr 0.001, no dropout, n=5, m=60, h=100, at most 5 epochs, rate halved
#      and best weights restored when an epoch does not improve the validation perplexity, stop after 2 such
#      epochs, 2 threads)
#   FOFE (the optional long-history input, README section lm): add --fofe ALPHA [--fofe-window K], e.g.
#     bench/lm/quality.sh --max-train-words 200000 --epochs 4 --optimizer adam --lr 0.001 --dropout 0.25 --fofe 0.95
#   Set LEXIS_BENCH_CACHE to a directory of its own per run when several runs are queued.
# Runs under nice -n 19 (a long run on a shared machine); prints a Markdown table on stdout (bench/lm/report.py), the raw RESULT lines, epoch
# lines and the CPU time (/usr/bin/time) on stderr.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/lm-quality"
brown="$shared/brown"
[ -f "$brown/train.txt" ] || { echo "quality.sh: $brown/train.txt not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
. "$repo/bench/lm/build.sh"
if [ $# -eq 0 ]; then
  set -- --optimizer adam --lr 0.001 --dropout 0 --epochs 5 --patience 2
fi
results="$cache/results.txt"
echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $*" | tee "$results" >&2
/usr/bin/time -f "cpu: user %U s, system %S s, wall %e s, max RSS %M KB" \
  nice -n 19 "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp "$classes:$cp" \
  dev.lexis.bench.lm.LmBench --data "$brown" --threads 2 --batch 64 --skip-hs --save "$cache/brown.nnlm" "$@" \
  2> >(grep --line-buffered -v '%' >&2) | tee -a "$results" >&2
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results" >&2
"${PY:-/usr/bin/python3}" "$repo/bench/lm/report.py" "$results"
