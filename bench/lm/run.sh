#!/usr/bin/env bash
# lm bench on Brown (train 800k / valid 200k / test 161k tokens), in one run on this machine:
#   1. the PyTorch peer NNLM (shared/peers/nnlm_torch.py) and the Lexis NNLM with the same model and settings:
#      n=5 (context 4), m=60, h=100, tanh, full softmax, SGD lr 0.1 halved when validation stops improving,
#      batch 64, min-count 4 (|V| = 14,115), 2 threads -> training words/s and perplexities
#   2. Lexis Kneser-Ney 3- and 5-gram, the NNLM+KN5 mixture (weight chosen on valid), the NNLM with
#      hierarchical softmax (speed-up and perplexity cost)
#   bench/lm/run.sh [EPOCHS] [extra LmBench options, e.g. --direct]     (default 5 epochs)
#   LEXIS_LM_MAX_TRAIN_WORDS=N: both train on the first N training tokens only (a quick speed check)
# Prints a Markdown table on stdout (bench/lm/report.py), raw RESULT lines and progress on stderr.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/lm"
epochs="${1:-5}"
max_words="${LEXIS_LM_MAX_TRAIN_WORDS:-0}"
shift || true
py=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE   # busy-waiting OpenMP threads are 2-3x slower on 2 shared cores
brown="$shared/brown"
[ -f "$brown/train.txt" ] || { echo "run.sh: $brown/train.txt not found (set LEXIS_SHARED_DATA)" >&2; exit 1; }
"$py" -c "import torch" || { echo "run.sh: PyTorch is not importable by $py (apt-get install python3-torch)" >&2; exit 1; }
. "$repo/bench/lm/build.sh"
java=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp "$classes:$cp")

results="$cache/results.txt"
echo "# $(date -u +%FT%TZ) $(uname -m), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $("$py" -c 'import torch; print("torch", torch.__version__)'), epochs $epochs $*" | tee "$results" >&2
"$py" "$shared/../peers/nnlm_torch.py" --train "$brown/train.txt" --valid "$brown/valid.txt" --test "$brown/test.txt" \
  --min-count 4 --batch 64 --epochs "$epochs" --threads 2 --seed 1 --max-train-words "$max_words" | tee -a "$results" >&2
"${java[@]}" dev.lexis.bench.lm.LmBench --data "$brown" --epochs "$epochs" --threads 2 --batch 64 \
  --max-train-words "$max_words" "$@" \
  | tee -a "$results" >&2
"$py" "$repo/bench/lm/report.py" "$results"
