# shellcheck shell=bash
# PostgreSQL on 127.0.0.1:5432 for the demo and the tests.
#
#   ensure_postgres [DB]          server up (installs/starts Debian's package if needed), login role
#                                 boucle/boucle with CREATEDB, and DB (if given) owned by boucle.
#                                 Never drops anything.
#   pg_recreate_test_database [DB] drops and recreates DB (default boucle_test; must end in _test).

# shellcheck source=infra/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BOUCLE_PG_HOST=127.0.0.1
BOUCLE_PG_PORT=5432
BOUCLE_PG_ROLE=boucle
BOUCLE_PG_PASSWORD=boucle
_BOUCLE_PG_SUPER=""

_pg_ready() { pg_isready -q -h "${BOUCLE_PG_HOST}" -p "${BOUCLE_PG_PORT}" -t 2; }

_pg_valid_name() { [[ "$1" =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name '$1' (expected [a-z_][a-z0-9_]*)"; }

_pg_server_installed() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

_pg_ensure_client() {
  if command -v psql >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1; then
    return 0
  fi
  if tcp_open "${BOUCLE_PG_HOST}" "${BOUCLE_PG_PORT}" || _pg_server_installed; then
    apt_install postgresql-client
  else
    apt_install postgresql
  fi
}

_pg_start_server() {
  if ! _pg_server_installed; then
    apt_install postgresql
    # Debian's postinst creates the cluster "main" and usually starts it.
    if wait_until 15 "PostgreSQL after install" _pg_ready 2>/dev/null; then return 0; fi
  fi

  if [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]]; then
    local newest
    newest="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
    info "no PostgreSQL cluster exists: creating ${newest}/main"
    as_root pg_createcluster "${newest}" main >/dev/null || die "pg_createcluster ${newest} main failed"
  fi

  local ver name port status _rest started=""
  while read -r ver name port status _rest; do
    [[ "${port}" == "${BOUCLE_PG_PORT}" ]] || continue
    started=1
    [[ "${status}" == online* ]] && continue
    info "starting PostgreSQL cluster ${ver}/${name}"
    if [[ -d /run/systemd/system ]]; then
      # With systemd running, pg_ctlcluster hands over to systemctl by itself.
      as_root pg_ctlcluster "${ver}" "${name}" start ||
        as_root pg_ctlcluster --skip-systemctl-redirect "${ver}" "${name}" start || true
    else
      as_root pg_ctlcluster --skip-systemctl-redirect "${ver}" "${name}" start ||
        as_root service postgresql start || true
    fi
  done < <(pg_lsclusters -h 2>/dev/null)

  if [[ -z "${started}" ]]; then
    pg_lsclusters >&2 || true
    die "no PostgreSQL cluster is configured on port ${BOUCLE_PG_PORT}; set 'port = ${BOUCLE_PG_PORT}' in /etc/postgresql/<version>/<cluster>/postgresql.conf"
  fi
  if ! wait_until 60 "PostgreSQL on ${BOUCLE_PG_HOST}:${BOUCLE_PG_PORT}" _pg_ready; then
    pg_lsclusters >&2 || true
    die "PostgreSQL did not become ready on ${BOUCLE_PG_HOST}:${BOUCLE_PG_PORT}; see /var/log/postgresql/"
  fi
}

# _pg_super ARGS... : psql as a PostgreSQL superuser on database postgres.
_pg_super() {
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -d postgres)
  case "${_BOUCLE_PG_SUPER}" in
    tcp) "${psql[@]}" -h "${BOUCLE_PG_HOST}" -p "${BOUCLE_PG_PORT}" -U postgres -w "$@" ;;
    runuser) (cd / && runuser -u postgres -- "${psql[@]}" -p "${BOUCLE_PG_PORT}" "$@") ;;
    sudo) (cd / && sudo -u postgres "${psql[@]}" -p "${BOUCLE_PG_PORT}" "$@") ;;
    *) die "internal: no superuser access method chosen" ;;
  esac
}

_pg_pick_super() {
  [[ -n "${_BOUCLE_PG_SUPER}" ]] && return 0
  local candidates=(tcp) method
  if is_root; then
    candidates+=(runuser)
  elif command -v sudo >/dev/null 2>&1; then
    candidates+=(sudo)
  fi
  for method in "${candidates[@]}"; do
    _BOUCLE_PG_SUPER="${method}"
    if [[ "$(_pg_super -tAc 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' 2>/dev/null)" == t ]]; then
      return 0
    fi
  done
  _BOUCLE_PG_SUPER=""
  die "cannot connect to PostgreSQL as a superuser (tried: ${candidates[*]}). Create the role yourself:
  CREATE ROLE ${BOUCLE_PG_ROLE} LOGIN CREATEDB PASSWORD '${BOUCLE_PG_PASSWORD}';"
}

_pg_app_login() {
  PGPASSWORD="${BOUCLE_PG_PASSWORD}" psql -X -q -w -h "${BOUCLE_PG_HOST}" -p "${BOUCLE_PG_PORT}" \
    -U "${BOUCLE_PG_ROLE}" -d "$1" -tAc 'SELECT 1' >/dev/null 2>&1
}

_pg_ensure_role() {
  _pg_super -c "DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${BOUCLE_PG_ROLE}') THEN
    CREATE ROLE ${BOUCLE_PG_ROLE} LOGIN CREATEDB PASSWORD '${BOUCLE_PG_PASSWORD}';
  ELSE
    ALTER ROLE ${BOUCLE_PG_ROLE} LOGIN CREATEDB;
  END IF;
END \$\$;" || die "could not create/alter role ${BOUCLE_PG_ROLE}"
}

_pg_ensure_database() {
  local db=$1 owner
  _pg_valid_name "${db}"
  owner="$(_pg_super -tAc "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = '${db}'")" ||
    die "could not query pg_database"
  if [[ -z "${owner}" ]]; then
    info "creating database ${db} owned by ${BOUCLE_PG_ROLE}"
    _pg_super -c "CREATE DATABASE \"${db}\" OWNER ${BOUCLE_PG_ROLE}" || die "could not create database ${db}"
  elif [[ "${owner}" != "${BOUCLE_PG_ROLE}" ]]; then
    info "database ${db} exists (owner ${owner}): giving it to ${BOUCLE_PG_ROLE}"
    _pg_super -c "ALTER DATABASE \"${db}\" OWNER TO ${BOUCLE_PG_ROLE}" || die "could not change the owner of ${db}"
  fi
}

# Checks that the app's credentials work over TCP; (re)sets the password once if they do not.
_pg_check_app_login() {
  local db=$1
  _pg_app_login "${db}" && return 0
  info "setting the password of role ${BOUCLE_PG_ROLE}"
  _pg_super -c "ALTER ROLE ${BOUCLE_PG_ROLE} PASSWORD '${BOUCLE_PG_PASSWORD}'" || die "could not set the password of ${BOUCLE_PG_ROLE}"
  _pg_app_login "${db}" && return 0
  die "role ${BOUCLE_PG_ROLE} cannot log in to ${db} on ${BOUCLE_PG_HOST}:${BOUCLE_PG_PORT} with its password:
  check pg_hba.conf allows 'host all all 127.0.0.1/32 scram-sha-256' (or md5/trust)"
}

ensure_postgres() {
  local db=${1:-}
  [[ -z "${db}" ]] || _pg_valid_name "${db}"
  _pg_ensure_client
  if ! _pg_ready; then
    info "nothing answers on ${BOUCLE_PG_HOST}:${BOUCLE_PG_PORT}: setting PostgreSQL up"
    _pg_start_server
  fi
  _pg_pick_super
  _pg_ensure_role
  if [[ -n "${db}" ]]; then
    _pg_ensure_database "${db}"
    _pg_check_app_login "${db}"
  else
    _pg_check_app_login postgres
  fi
  info "PostgreSQL ready on ${BOUCLE_PG_HOST}:${BOUCLE_PG_PORT} (role ${BOUCLE_PG_ROLE}${db:+, database ${db}})"
}

# Drops and recreates a TEST database (name must end in _test; the demo database is never touched).
pg_recreate_test_database() {
  local db=${1:-boucle_test}
  _pg_valid_name "${db}"
  [[ "${db}" == *_test ]] || die "refusing to drop '${db}': only databases whose name ends in _test are reset"
  _pg_pick_super
  local force=""
  if (($(_pg_super -tAc 'SHOW server_version_num') >= 130000)); then force=" WITH (FORCE)"; fi
  info "recreating test database ${db}"
  _pg_super -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"${db}\"${force}" || die "could not drop ${db}"
  _pg_super -c "CREATE DATABASE \"${db}\" OWNER ${BOUCLE_PG_ROLE}" || die "could not create ${db}"
  _pg_check_app_login "${db}"
}
