# shellcheck shell=bash
# Shared helpers for infra/ scripts. Source it; it does not change shell options.
#
# Variables it defines (all overridable before sourcing, except BOUCLE_REPO):
#   BOUCLE_REPO  root of the git checkout (derived from this file's location)
#   BOUCLE_HOME  local state: /var/lib/boucle as root, else ${XDG_DATA_HOME:-~/.local/share}/boucle

if [[ -n "${_BOUCLE_COMMON_SH:-}" ]]; then return 0; fi
_BOUCLE_COMMON_SH=1

BOUCLE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if [[ -z "${BOUCLE_HOME:-}" ]]; then
  if [[ ${EUID} -eq 0 ]]; then
    BOUCLE_HOME=/var/lib/boucle
  else
    BOUCLE_HOME="${XDG_DATA_HOME:-${HOME}/.local/share}/boucle"
  fi
fi
export BOUCLE_HOME

info() { printf '[boucle] %s\n' "$*" >&2; }
warn() { printf '[boucle] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[boucle] ERROR: %s\n' "$*" >&2
  exit 1
}

is_root() { [[ ${EUID} -eq 0 ]]; }

# Runs a command as root: directly when root, through sudo otherwise.
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "this step needs root rights and sudo is not installed: $*"
  fi
}

_BOUCLE_APT_UPDATED=""

# apt_install PKG... : installs Debian packages non-interactively (apt-get update first, once per run).
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand (these scripts target Debian)"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
  if [[ -z "${_BOUCLE_APT_UPDATED}" ]]; then
    info "apt-get update"
    as_root "${apt[@]}" update >/dev/null || die "apt-get update failed"
    _BOUCLE_APT_UPDATED=1
  fi
  info "installing Debian package(s): $*"
  as_root "${apt[@]}" install "$@" >/dev/null || die "apt-get install $* failed"
}

# tcp_open HOST PORT : true when something accepts TCP connections there.
tcp_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# wait_until TIMEOUT_SECONDS DESCRIPTION CMD... : polls CMD every second until it succeeds.
wait_until() {
  local timeout=$1 what=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      warn "timed out after ${timeout}s waiting for ${what}"
      return 1
    fi
    sleep 1
  done
}

# Reads a <property> from the parent pom.xml (single source of truth for versions).
pom_property() {
  local value
  value="$(sed -n "s:.*<$1>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</$1>.*:\1:p" "${BOUCLE_REPO}/pom.xml" | head -n 1)"
  [[ -n "${value}" ]] || die "property <$1> not found in ${BOUCLE_REPO}/pom.xml"
  printf '%s\n' "${value}"
}

# Runs the Maven wrapper from the repository root.
mvnw() {
  (cd "${BOUCLE_REPO}" && ./mvnw "$@")
}
