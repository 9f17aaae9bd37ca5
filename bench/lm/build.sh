# Sourced by the bench/lm scripts after they set $repo and $cache: finds a JDK 21+, builds nn and lm, copies
# their jars into $cache (other builds in this working tree may clean target/ while a bench runs) and compiles
# the bench's lm classes there. Sets $cp (the two jars) and $classes.
. "$repo/bin/jdk.sh"
lexis_find_jdk
mkdir -p "$cache"
"$repo/mvn21" -q -pl lm -am package -Dmaven.test.skip=true >&2
cp "$repo"/nn/target/lexis-nn-*.jar "$cache/lexis-nn.jar"
cp "$repo"/lm/target/lexis-lm-*.jar "$cache/lexis-lm.jar"
cp="$cache/lexis-nn.jar:$cache/lexis-lm.jar"
classes="$cache/classes"
rm -rf "$classes" && mkdir -p "$classes"
"$JAVA_HOME/bin/javac" -Xlint:-options -d "$classes" -cp "$cp" "$repo"/bench/src/main/java/dev/lexis/bench/lm/*.java
