#!/usr/bin/env bash
# Reading speed of the corpora module (strict UTF-8 lines, no tokenization), one core.
# Usage: bench/corpora/read-speed.sh [FILE...]   (default: the shared English prose corpus, plain and .gz)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bin/jdk.sh"
lexis_find_jdk
data="$(readlink -f "${LEXIS_SHARED_DATA:-$root/../shared/data}")/english-prose-corpus"
[ $# -gt 0 ] || set -- "$data/english_prose_1m.txt" "$data/english_prose_25m.txt.gz"
"$root/mvn21" -q -o -pl corpora -DskipTests package >/dev/null 2>&1 || "$root/mvn21" -q -pl corpora -DskipTests package
exec "$JAVA_HOME/bin/java" -Xmx256m -cp "$root/corpora/target/classes" "$here/ReadSpeed.java" "$@"
