#!/usr/bin/env bash
# Mixtures of saved lm models on Brown, each model evaluated once (dev.lexis.bench.lm.MixtureBench): the
# weights by EM on valid, then valid and test perplexity of each mixture. Example (the README's run F table):
#   bench/lm/mixtures.sh --cache 1000 --model F=F.ep6.nnlm --model D=D4.nnlm --model kn5=brown.kn5 \
#       --mix F,kn5 --mix F,D,kn5 --mix F,kn5,cache
# Runs under nice -n 19; MODEL and MIX lines on stdout, the CPU time on stderr.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
cache="${LEXIS_BENCH_CACHE:-/tmp/lexis-bench}/lm-mixtures"
brown="$shared/brown"
. "$repo/bench/lm/build.sh"
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/time -f "cpu: user %U s, system %S s, wall %e s" \
  nice -n 19 "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp "$classes:$cp" \
  dev.lexis.bench.lm.MixtureBench --valid "$brown/valid.txt" --test "$brown/test.txt" "$@"
echo "# done $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
