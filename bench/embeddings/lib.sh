# Sourced by the embeddings benches. lexis_snapshot_jars DIR: copies the cli jar and its class path (as the last
# `mvn21 -pl cli -am package` left them) into DIR/lib and sets CP to the copies, so that a build in the same tree
# during a long run cannot swap the jars under it. Needs ROOT (the repository).
lexis_snapshot_jars() {
  local dir=$1 jar f
  jar=$(ls "$ROOT"/cli/target/lexis-cli-*.jar | grep -v -e sources -e tests | head -n 1)
  rm -rf "$dir/lib"; mkdir -p "$dir/lib"
  CP=""
  for f in $jar $(tr ':' ' ' <"$ROOT/cli/target/classpath.txt"); do
    cp "$f" "$dir/lib/"; CP="$CP${CP:+:}$dir/lib/$(basename "$f")"
  done
}
