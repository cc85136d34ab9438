# bench/lib/build.sh, sourced by bench/run: copies the sources to $WORK/src and builds what the mode needs there
# (the bench WAR, Payara Micro, the PostgreSQL driver, Better Auth for Node, the JMH jar). The repository's target/
# is never touched.

mvnq() {  # Maven, quiet, its output in $OUT/maven.log
  mvn -B -q -ntp -Dstyle.color=never "$@" >>"$OUT/maven.log" 2>&1 || { tail -40 "$OUT/maven.log" >&2; die "mvn $*"; }
}
build() {
  log "copying the sources ($SOURCE) to $WORK/src"
  rm -rf "$WORK/src" && mkdir -p "$WORK/src"
  if [ "$SOURCE" = worktree ]; then
    (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
      | while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done \
      | tar -cf - --null -T -) | tar -xf - -C "$WORK/src"
  else
    git -C "$ROOT" archive "$SOURCE" | tar -xf - -C "$WORK/src"
    (cd "$ROOT" && tar -cf - --exclude=node_modules bench src/jmh pom.xml) | tar -xf - -C "$WORK/src"
  fi
  (cd "$ROOT" && git rev-parse HEAD && git status --short) >"$OUT/source.txt" 2>&1 || true
  cd "$WORK/src"
  if [ "$MODE" != jmh ] && [ "$MODE" != memory ]; then
    log "building the demo WAR and Payara Micro (mvn -Pdemo -DskipTests package)"
    mvnq -Pdemo -DskipTests package
    # the PostgreSQL JDBC driver for Payara's pool: the version pom.xml's test dependency names (postgresql.version)
    rm -rf "$WORK/libs"
    mvnq dependency:copy-dependencies -DincludeScope=test -DincludeGroupIds=org.postgresql \
      -DincludeArtifactIds=postgresql -DoutputDirectory="$WORK/libs"
    compgen -G "$WORK/libs/postgresql-*.jar" >/dev/null || die "pom.xml names no org.postgresql:postgresql dependency"
    mvnq dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$WORK/provided.cp"
    log "adding the bench-only JAX-RS resource to a copy of the WAR"
    rm -rf "$WORK/war" "$WORK/runtime-libs" && mkdir -p "$WORK/war/WEB-INF/classes" "$WORK/war/WEB-INF/lib"
    # Jedis (and its dependencies), which an application that uses Redis adds to WEB-INF/lib, as README says
    mvnq dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/runtime-libs"
    local in_war; in_war="$(jar tf target/better-auth-demo.war | grep '^WEB-INF/lib/' || true)"
    for j in "$WORK"/runtime-libs/*.jar; do
      grep -qxF "WEB-INF/lib/$(basename "$j")" <<<"$in_war" || cp "$j" "$WORK/war/WEB-INF/lib/"
    done
    javac --release 17 -d "$WORK/war/WEB-INF/classes" -cp "$(cat "$WORK/provided.cp")" \
      $(find "$WORK/src/bench/war" -name '*.java')
    cp target/better-auth-demo.war "$WORK/bench.war"
    (cd "$WORK/war" && jar uf "$WORK/bench.war" WEB-INF)
    cp target/payara-micro.jar "$WORK/payara-micro.jar"
    log "installing Better Auth 1.7.25 for Node (npm ci, bench/node/package-lock.json)"
    mkdir -p "$WORK/node"
    cp bench/node/package.json bench/node/package-lock.json bench/node/server.mjs "$WORK/node/"
    local stamp; stamp="$(sha256sum bench/node/package-lock.json | cut -d' ' -f1)"
    if [ "$(cat "$WORK/node/.lock-stamp" 2>/dev/null)" != "$stamp" ]; then
      (cd "$WORK/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) && echo "$stamp" >"$WORK/node/.lock-stamp"
    fi
  fi
  if [ "$MODE" = all ] || [ "$MODE" = jmh ] || [ "$MODE" = memory ]; then
    log "building the JMH benchmarks (mvn -Pjmh -DskipTests package)"
    mvnq -Pjmh -DskipTests package
    cp target/jmh/benchmarks.jar "$WORK/benchmarks.jar"
  fi
  cd "$ROOT"
}
