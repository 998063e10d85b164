# shellcheck shell=bash
# A local single-node Elasticsearch on 127.0.0.1:9200 for the demo and the tests.
#
#   ensure_elasticsearch        reuse whatever answers on 127.0.0.1:9200, else download (through Maven),
#                               configure and start our node in the background, wait for yellow/green.
#   stop_elasticsearch          stop the node started by ensure_elasticsearch (data kept).
#   es_delete_matching PATTERN  delete indices matching PATTERN (e.g. 'boucle-test*') and aliases
#                               matching it; other indices are never touched.
#   es_ensure_plugin ZIP        install a plugin zip into our node, idempotently (sha256), restarting
#                               the node when the plugin changed.
#   ensure_analysis_plugin      build search-indexer/analysis-plugin and make sure the node has it.
#
# Layout (BOUCLE_HOME: /var/lib/boucle as root, else ${XDG_DATA_HOME:-~/.local/share}/boucle):
#   $BOUCLE_HOME/elasticsearch/dist/elasticsearch-<version>/   unzipped distribution (+ its config/)
#   $BOUCLE_HOME/elasticsearch/data/                            path.data  (kept across re-installs)
#   $BOUCLE_HOME/elasticsearch/logs/                            path.logs  (+ startup.out)
#   $BOUCLE_HOME/elasticsearch/run/elasticsearch.pid            pid of the server JVM
#
# Knobs: BOUCLE_ES_HEAP (default 1g), BOUCLE_ES_JAVA_HOME (JDK for Elasticsearch; default: the best
# JDK found under /usr/lib/jvm or $JAVA_HOME), BOUCLE_ES_START_TIMEOUT (seconds, default 120).
#
# The distribution is org.elasticsearch.distribution.integ-test-zip: the server with only the modules
# transport-netty4, apm, x-pack-core and x-pack-security. No analysis-common (no 'french' analyzer,
# no asciifolding...), no painless, no mapper-extras, no rest-root (GET / answers 405).

# shellcheck source=infra/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BOUCLE_ES_URL=http://127.0.0.1:9200
BOUCLE_ES_OS_USER=boucle # system user that runs Elasticsearch when these scripts run as root

_es_init_paths() {
  [[ -n "${ES_VERSION:-}" ]] && return 0
  ES_VERSION="$(pom_property elasticsearch.version)"
  ES_BASE="${BOUCLE_HOME}/elasticsearch"
  ES_DIST="${ES_BASE}/dist/elasticsearch-${ES_VERSION}"
  ES_DATA="${ES_BASE}/data"
  ES_LOGS="${ES_BASE}/logs"
  ES_RUN="${ES_BASE}/run"
  ES_PIDFILE="${ES_RUN}/elasticsearch.pid"
}

_es_user() { if is_root; then printf '%s\n' "${BOUCLE_ES_OS_USER}"; else id -un; fi; }

# Runs a command as the unprivileged user that owns the node.
_es_run_as() {
  if is_root; then
    runuser -u "${BOUCLE_ES_OS_USER}" -- "$@"
  else
    "$@"
  fi
}

_es_http_code() { curl -gs -o /dev/null -w '%{http_code}' --max-time 5 "${BOUCLE_ES_URL}$1" || true; }

_es_answers() { [[ "$(_es_http_code /_cluster/health)" != 000 ]]; }

_es_healthy() {
  curl -gfs --max-time 5 "${BOUCLE_ES_URL}/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

# Pid of our running node, or nothing.
_es_our_pid() {
  [[ -s "${ES_PIDFILE}" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"${ES_PIDFILE}")"
  [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null || return 1
  # Guard against a recycled pid.
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'org.elasticsearch' || return 1
  printf '%s\n' "${pid}"
}

_es_show_logs() {
  local f
  for f in "${ES_LOGS}/startup.out" "${ES_LOGS}/boucle.log"; do
    [[ -s "${f}" ]] || continue
    printf '\n----- last lines of %s -----\n' "${f}" >&2
    tail -n 40 "${f}" >&2
  done
  printf '\n' >&2
}

_es_java_feature() {
  local jdk=$1 v=""
  if [[ -r "${jdk}/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "${jdk}/release")"
  fi
  if [[ -z "${v}" ]]; then
    v="$("${jdk}/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')"
  fi
  v="${v#1.}"
  v="${v%%[.+-]*}"
  [[ "${v}" =~ ^[0-9]+$ ]] && printf '%s\n' "${v}"
}

# Prints the JDK home Elasticsearch should run on. Elasticsearch 8.19 needs Java 17+ (checked by its
# own JavaVersionChecker); its bundled JDK is 21+ so we prefer 21..25, then 17..20, then newer ones.
_es_pick_java() {
  if [[ -n "${BOUCLE_ES_JAVA_HOME:-}" ]]; then
    [[ -x "${BOUCLE_ES_JAVA_HOME}/bin/java" ]] || die "BOUCLE_ES_JAVA_HOME=${BOUCLE_ES_JAVA_HOME} has no bin/java"
    printf '%s\n' "${BOUCLE_ES_JAVA_HOME}"
    return 0
  fi
  local -a candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("${JAVA_HOME}")
  local d
  for d in /usr/lib/jvm/*; do [[ -d "${d}" ]] && candidates+=("${d}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_rank=0 jdk v rank
  local -A seen=()
  for jdk in "${candidates[@]}"; do
    jdk="$(readlink -f "${jdk}")"
    [[ -n "${seen[${jdk}]:-}" || ! -x "${jdk}/bin/java" ]] && continue
    seen[${jdk}]=1
    v="$(_es_java_feature "${jdk}")" || continue
    if ((v >= 21 && v <= 25)); then
      rank=$((300 + v))
    elif ((v >= 17 && v < 21)); then
      rank=$((200 + v))
    elif ((v > 25)); then
      rank=$((100 + v))
    else
      continue
    fi
    if ((rank > best_rank)); then best="${jdk}" best_rank=${rank}; fi
  done
  if [[ -z "${best}" ]]; then
    die "Elasticsearch ${ES_VERSION} needs Java 17 or newer (21+ preferred) and none was found under /usr/lib/jvm or JAVA_HOME.
  Install one (e.g. apt-get install openjdk-17-jre-headless) or set BOUCLE_ES_JAVA_HOME."
  fi
  if ((best_rank < 300)); then
    warn "no JDK 21..25 found; running Elasticsearch on Java $((best_rank % 100)) (${best}). Set BOUCLE_ES_JAVA_HOME to choose another."
  fi
  printf '%s\n' "${best}"
}

_es_ensure_os_user() {
  is_root || return 0
  id -u "${BOUCLE_ES_OS_USER}" >/dev/null 2>&1 && return 0
  info "creating system user ${BOUCLE_ES_OS_USER} (Elasticsearch refuses to run as root)"
  useradd --system --user-group --home-dir "${BOUCLE_HOME}" --no-create-home \
    --shell /usr/sbin/nologin "${BOUCLE_ES_OS_USER}" || die "useradd ${BOUCLE_ES_OS_USER} failed"
}

# Gives DIR (recursively) to the node's user when running as root and it is not theirs yet.
_es_own() {
  is_root || return 0
  local d
  for d in "$@"; do
    if [[ "$(stat -c %U "${d}")" != "${BOUCLE_ES_OS_USER}" ]] ||
      [[ -n "$(find "${d}" ! -user "${BOUCLE_ES_OS_USER}" -print -quit)" ]]; then
      chown -R "${BOUCLE_ES_OS_USER}:${BOUCLE_ES_OS_USER}" "${d}"
    fi
  done
}

# Downloads (through Maven, so Maven Central is the only source) and unzips the distribution once.
_es_install_dist() {
  _es_init_paths
  [[ -f "${ES_DIST}/.boucle-unzipped" && -x "${ES_DIST}/bin/elasticsearch" ]] && return 0
  command -v unzip >/dev/null 2>&1 || apt_install unzip
  mkdir -p "${ES_BASE}/dist"
  local tmp
  tmp="$(mktemp -d "${ES_BASE}/dist/.download.XXXXXX")"
  info "downloading Elasticsearch ${ES_VERSION} (integ-test-zip) through Maven"
  if ! mvnw -B -q -N dependency:copy \
    "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip" \
    "-DoutputDirectory=${tmp}"; then
    rm -rf "${tmp}"
    die "could not fetch org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip through Maven"
  fi
  info "unzipping into ${ES_DIST}"
  unzip -q "${tmp}/elasticsearch-${ES_VERSION}.zip" -d "${tmp}/unzipped" || {
    rm -rf "${tmp}"
    die "unzip failed"
  }
  rm -rf "${ES_DIST}"
  mv "${tmp}/unzipped/elasticsearch-${ES_VERSION}" "${ES_DIST}"
  rm -rf "${tmp}"
  touch "${ES_DIST}/.boucle-unzipped"
}

_es_write_config() {
  local heap=${BOUCLE_ES_HEAP:-1g}
  [[ "${heap}" =~ ^[0-9]+[kKmMgG]$ ]] || die "BOUCLE_ES_HEAP='${heap}' is not a heap size like 512m or 1g"
  cat >"${ES_DIST}/config/elasticsearch.yml" <<EOF
# Written by infra/lib/elasticsearch.sh at every start: change that script, not this file.
cluster.name: boucle
node.name: boucle-local
path.data: ${ES_DATA}
path.logs: ${ES_LOGS}
network.host: 127.0.0.1
http.port: 9200
discovery.type: single-node
# Development disks are often nearly full: never block shard allocation or writes because of it.
cluster.routing.allocation.disk.threshold_enabled: false
# Local plain-HTTP node on loopback (the integ-test-zip ships x-pack-security, on by default).
xpack.security.enabled: false
EOF
  printf -- '-Xms%s\n-Xmx%s\n' "${heap}" "${heap}" >"${ES_DIST}/config/jvm.options.d/boucle-heap.options"
}

_es_start() {
  _es_ensure_os_user
  mkdir -p "${ES_DATA}" "${ES_LOGS}" "${ES_RUN}"
  _es_own "${ES_BASE}"
  _es_run_as test -r "${ES_DIST}/bin/elasticsearch" ||
    die "user $(_es_user) cannot read ${ES_DIST}: choose a BOUCLE_HOME it can reach"
  local java java_v
  java="$(_es_pick_java)"
  java_v="$(_es_java_feature "${java}")"
  _es_write_config
  _es_own "${ES_DIST}/config"
  rm -f "${ES_PIDFILE}" "${ES_LOGS}/startup.out"
  _es_run_as touch "${ES_LOGS}/startup.out" # owned by the node's user, like the rest of ES_BASE
  info "starting Elasticsearch ${ES_VERSION} as user $(_es_user) on Java ${java_v} (${java}); data in ${ES_DATA}"
  local timeout=${BOUCLE_ES_START_TIMEOUT:-120}
  # -d: the CLI returns once the node is up (or failed); setsid: the node outlives this shell's session.
  local as_user=()
  is_root && as_user=(runuser -u "${BOUCLE_ES_OS_USER}" --)
  (cd "${ES_BASE}" && exec setsid --wait "${as_user[@]}" \
    env -u JAVA_HOME -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS "ES_JAVA_HOME=${java}" \
    "${ES_DIST}/bin/elasticsearch" -d -p "${ES_PIDFILE}" \
    </dev/null >"${ES_LOGS}/startup.out" 2>&1) &
  local cli_pid=$! cli_rc="" deadline=$((SECONDS + timeout))
  until _es_healthy; do
    if [[ -z "${cli_rc}" ]] && ! kill -0 "${cli_pid}" 2>/dev/null; then
      cli_rc=0
      wait "${cli_pid}" || cli_rc=$?
      if ((cli_rc != 0)); then
        _es_show_logs
        die "Elasticsearch failed to start (exit code ${cli_rc}); logs in ${ES_LOGS}"
      fi
    fi
    if ((SECONDS >= deadline)); then
      _es_show_logs
      die "Elasticsearch did not reach yellow/green health within ${timeout}s; logs in ${ES_LOGS} (stop it with infra/stop-elasticsearch)"
    fi
    sleep 2
  done
  [[ -n "${cli_rc}" ]] || wait "${cli_pid}" || true
  info "Elasticsearch up at ${BOUCLE_ES_URL} (pid $(_es_our_pid || echo '?'), stop it with infra/stop-elasticsearch)"
}

_es_check_version() {
  local running
  running="$(curl -gfs --max-time 5 "${BOUCLE_ES_URL}/_nodes/_local?filter_path=nodes.*.version" |
    sed -n 's/.*"version":"\([^"]*\)".*/\1/p')" || true
  if [[ -n "${running}" && "${running}" != "${ES_VERSION}" ]]; then
    warn "the Elasticsearch on ${BOUCLE_ES_URL} is ${running}, pom.xml wants ${ES_VERSION} (infra/stop-elasticsearch, then run again to switch)"
  fi
}

ensure_elasticsearch() {
  _es_init_paths
  local timeout=${BOUCLE_ES_START_TIMEOUT:-120} pid=""
  pid="$(_es_our_pid)" || true
  if _es_answers || [[ -n "${pid}" ]]; then
    local code
    code="$(_es_http_code /_cluster/health)"
    if [[ "${code}" == 401 || "${code}" == 403 ]]; then
      die "something on ${BOUCLE_ES_URL} asks for credentials (HTTP ${code}): stop that Elasticsearch or free port 9200"
    fi
    if [[ -n "${pid}" ]]; then
      info "reusing our Elasticsearch node (pid ${pid})"
    else
      info "reusing the Elasticsearch that answers on ${BOUCLE_ES_URL}"
    fi
    if ! wait_until "${timeout}" "Elasticsearch health yellow/green" _es_healthy; then
      [[ -n "${pid}" ]] && _es_show_logs
      die "${BOUCLE_ES_URL} is not healthy (yellow/green)"
    fi
    _es_check_version
    return 0
  fi
  _es_install_dist
  _es_start
}

stop_elasticsearch() {
  _es_init_paths
  local pid
  if ! pid="$(_es_our_pid)"; then
    rm -f "${ES_PIDFILE}" 2>/dev/null || true
    if _es_answers; then
      warn "an Elasticsearch answers on ${BOUCLE_ES_URL} but it was not started by infra/ (no live pid in ${ES_PIDFILE}): leaving it alone"
    else
      info "Elasticsearch is not running"
    fi
    return 0
  fi
  info "stopping Elasticsearch (pid ${pid})"
  kill -TERM "${pid}" 2>/dev/null || as_root kill -TERM "${pid}"
  local deadline=$((SECONDS + 60))
  while kill -0 "${pid}" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "Elasticsearch did not stop within 60s: killing it"
      kill -KILL "${pid}" 2>/dev/null || as_root kill -KILL "${pid}" || true
      break
    fi
    sleep 1
  done
  rm -f "${ES_PIDFILE}" 2>/dev/null || true
  info "Elasticsearch stopped; data kept in ${ES_DATA}"
}

# es_delete_matching PATTERN: deletes the indices matching PATTERN and removes the aliases matching it
# from indices that do not match. Deletes by concrete names (wildcard deletes are refused by default).
es_delete_matching() {
  local pattern=$1
  [[ "${pattern}" =~ ^[a-z0-9][a-z0-9._-]{3,}\*?$ ]] || die "refusing to delete indices matching '${pattern}'"
  local alias index
  while read -r alias index; do
    [[ -n "${alias}" ]] || continue
    # shellcheck disable=SC2053 # PATTERN is a glob on purpose
    [[ "${index}" == ${pattern} ]] && continue
    info "removing alias ${alias} from index ${index}"
    curl -gfsS --max-time 30 -H 'Content-Type: application/json' -X POST "${BOUCLE_ES_URL}/_aliases" \
      -d "{\"actions\":[{\"remove\":{\"index\":\"${index}\",\"alias\":\"${alias}\"}}]}" >/dev/null ||
      die "could not remove alias ${alias}"
  done < <(curl -gfsS --max-time 30 "${BOUCLE_ES_URL}/_cat/aliases/${pattern}?h=alias,index" ||
    die "could not list aliases ${pattern}")
  local indices
  indices="$(curl -gfsS --max-time 30 "${BOUCLE_ES_URL}/_cat/indices/${pattern}?h=index&expand_wildcards=all" ||
    die "could not list indices ${pattern}")"
  indices="$(printf '%s\n' "${indices}" | tr -s ' \n' '\n' | sed '/^$/d' | paste -sd, -)"
  if [[ -n "${indices}" ]]; then
    info "deleting indices ${indices}"
    curl -gfsS --max-time 60 -X DELETE "${BOUCLE_ES_URL}/${indices}" >/dev/null || die "could not delete ${indices}"
  fi
}

# es_ensure_plugin ZIP: installs the plugin in ZIP into our node unless that exact zip (sha256) is already
# installed; restarts our node if it runs. Uses CLI_JAVA_OPTS=-Xmx1g for the plugin tool.
es_ensure_plugin() {
  local zip
  zip="$(readlink -f "${1:?usage: es_ensure_plugin PLUGIN.zip}")"
  [[ -f "${zip}" ]] || die "plugin zip not found: $1"
  _es_install_dist
  _es_ensure_os_user
  local name sum stamps="${ES_DIST}/.boucle-plugins"
  name="$({ unzip -p "${zip}" plugin-descriptor.properties stable-plugin-descriptor.properties 2>/dev/null || true; } |
    sed -n 's/^name=[[:space:]]*//p' | tr -d '\r' | head -n 1)"
  [[ "${name}" =~ ^[A-Za-z0-9._-]+$ ]] || die "${zip} has no plugin descriptor with a valid name"
  sum="$(sha256sum "${zip}" | cut -d' ' -f1)"
  if [[ -d "${ES_DIST}/plugins/${name}" && "$(cat "${stamps}/${name}.sha256" 2>/dev/null)" == "${sum}" ]]; then
    info "Elasticsearch plugin ${name} is up to date"
    return 0
  fi
  mkdir -p "${stamps}"
  cp "${zip}" "${stamps}/${name}.zip"
  _es_own "${ES_DIST}"
  local java
  java="$(_es_pick_java)"
  local tool=(env -u JAVA_HOME "ES_JAVA_HOME=${java}" CLI_JAVA_OPTS=-Xmx1g "${ES_DIST}/bin/elasticsearch-plugin")
  if [[ -d "${ES_DIST}/plugins/${name}" ]]; then
    info "removing the previous Elasticsearch plugin ${name}"
    (cd "${ES_DIST}" && _es_run_as "${tool[@]}" remove "${name}" </dev/null >&2) || die "could not remove plugin ${name}"
  fi
  info "installing Elasticsearch plugin ${name} from ${zip}"
  (cd "${ES_DIST}" && _es_run_as "${tool[@]}" install --batch "file://${stamps}/${name}.zip" </dev/null >&2) ||
    die "could not install plugin ${name}"
  printf '%s\n' "${sum}" >"${stamps}/${name}.sha256"
  _es_own "${stamps}"
  if _es_our_pid >/dev/null; then
    info "restarting Elasticsearch to load plugin ${name}"
    stop_elasticsearch
    ensure_elasticsearch
  elif _es_answers; then
    warn "the Elasticsearch on ${BOUCLE_ES_URL} was not started by infra/: it will not see plugin ${name} until it is replaced by ours"
  fi
}

# ensure_analysis_plugin: builds Boucle's analysis plugin (search-indexer/analysis-plugin, a reproducible zip)
# and makes sure the node on 127.0.0.1:9200 has it: installs or upgrades it in our node (restarting it), and
# fails clearly when another Elasticsearch answers there without it. The catalogue index cannot be created
# without the plugin's boucle_* token filters.
ensure_analysis_plugin() {
  _es_init_paths
  local version zip
  version="$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' "${BOUCLE_REPO}/pom.xml" | head -n 1)"
  zip="${BOUCLE_REPO}/search-indexer/analysis-plugin/target/boucle-analysis-${version}.zip"
  info "building the analysis plugin (search-indexer/analysis-plugin)"
  mvnw -B -q -pl search-indexer/analysis-plugin -DskipTests package || die "the analysis plugin did not build"
  [[ -f "${zip}" ]] || die "the build did not produce ${zip}"
  if _es_our_pid >/dev/null || ! _es_answers; then
    es_ensure_plugin "${zip}"
  fi
  curl -gfs --max-time 10 "${BOUCLE_ES_URL}/_cat/plugins?h=component" | grep -qx 'boucle-analysis' ||
    die "the Elasticsearch on ${BOUCLE_ES_URL} has no boucle-analysis plugin: install ${zip} there (elasticsearch-plugin install file://${zip}) or stop it so that infra/ runs its own node"
}
