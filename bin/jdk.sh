# Sourced by ./mvn21 and ./lexis: find a JDK 21 or newer and export JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, then `java` on PATH, then the usual JDK folders.
lexis_java_major() { # $1 = path to a java binary; prints its feature version, e.g. 21 (1.8 for Java 8)
  lexis_read_java_major "$1" && echo "$LEXIS_JAVA_MAJOR"
}
lexis_read_java_major() { # $1 = path to a java binary; sets LEXIS_JAVA_MAJOR (empty when unknown)
  # From the JDK's release file (JAVA_VERSION="21.0.5"), read with bash builtins and without a subshell: the
  # launcher does this on every start, where starting a JVM per candidate costs about 0.1 s and each extra
  # process a few ms.
  local release="${1%/*}" line version=""
  release="${release%/*}/release"
  LEXIS_JAVA_MAJOR=""
  if [ -r "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) version="${line#JAVA_VERSION=\"}"; version="${version%%\"*}"; break ;;
      esac
    done < "$release"
    case "$version" in
      1.[0-9]*) version="${version#1.}"; LEXIS_JAVA_MAJOR="1.${version%%[!0-9]*}"; return 0 ;;
      [0-9]*) LEXIS_JAVA_MAJOR="${version%%[!0-9]*}"; return 0 ;;
    esac
  fi
  LEXIS_JAVA_MAJOR=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
}
lexis_find_jdk() {
  local candidate on_path
  on_path=$(command -v java 2>/dev/null) && on_path=$(readlink -f "$on_path") && on_path="${on_path%/bin/java}"
  for candidate in "${JAVA_HOME:-}" "${on_path:-}" \
                   /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    lexis_read_java_major "$candidate/bin/java"
    case "$LEXIS_JAVA_MAJOR" in ''|1.*) continue ;; esac
    if [ "$LEXIS_JAVA_MAJOR" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "lexis: needs a JDK 21 or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
  echo "lexis: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
