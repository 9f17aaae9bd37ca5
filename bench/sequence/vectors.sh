#!/usr/bin/env bash
# Lexis word vectors for the tagger (issue #7: "report it with Lexis vectors too"): the shared English prose corpus
# (../shared/data/english-prose-corpus, 24.8M tokens) normalised like the Penn Treebank text of CoNLL-2000
# (lower case; punctuation split off; "don't" -> "do n't", "John's" -> "john 's"; curly quotes -> ` '),
# written to /tmp (never into the repo), then `lexis word2vec` (CBOW, negative sampling, dimension 100, 3 epochs).
#   bench/sequence/vectors.sh [OUT.bin]     default /tmp/lexis-prose-vectors.bin
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${LEXIS_SHARED_DATA:-$repo/../shared/data}"
out="${1:-/tmp/lexis-prose-vectors.bin}"
text=/tmp/lexis-prose-normalized.txt
if [ ! -s "$text" ]; then
  gzip -dc "$shared/english-prose-corpus/english_prose_25m.txt.gz" | /usr/bin/python3 -c '
import re, sys
quotes = str.maketrans({"\u201c": "\"", "\u201d": "\"", "\u2018": "\x27", "\u2019": "\x27", "\u2014": " -- ", "\u2013": "-"})
clitic = re.compile(r"(?i)(\w)(n\x27t|\x27s|\x27re|\x27ll|\x27ve|\x27d|\x27m)\b")
token = re.compile(r"\x27(?:s|re|ll|ve|d|m)\b|n\x27t\b|\d+(?:[.,]\d+)*|\w+(?:[-\x27]\w+)*|--|\.\.\.|\S")
for line in sys.stdin:
    line = clitic.sub(r"\1 \2", line.translate(quotes).lower())
    print(" ".join(token.findall(line)))
' > "$text.part"
  mv "$text.part" "$text"
fi
# LEXIS_LAUNCHER: a lexis launcher of a private build, so that a rebuild of the working tree while this runs cannot
# swap jars under the running JVM
"${LEXIS_LAUNCHER:-$repo/lexis}" word2vec --input "$text" --output "$out" --model cbow --loss ns --dim 100 --epochs "${LEXIS_EPOCHS:-3}" --min-count 5 \
  --threads "${LEXIS_THREADS:-2}" --seed 1
