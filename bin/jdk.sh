# Sourced by ./mvn21 and ./lexis: find a JDK 21 or newer and export JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, then `java` on PATH, then the usual JDK folders.
lexis_java_major() { # $1 = path to a java binary; prints its feature version, e.g. 21 (1.8 for Java 8)
  # From the JDK's release file (JAVA_VERSION="21.0.5"): starting a JVM per candidate costs about 0.1 s each.
  local release version
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release" | head -n 1)
    case "$version" in
      1.[0-9]*) echo "$version" | sed 's/^\(1\.[0-9]*\).*/\1/'; return 0 ;;
      [0-9]*) echo "${version%%[!0-9]*}"; return 0 ;;
    esac
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
lexis_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(lexis_java_major "$candidate/bin/java")
    case "$major" in ''|1.*) continue ;; esac
    if [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "lexis: needs a JDK 21 or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
  echo "lexis: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
