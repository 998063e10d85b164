# shellcheck shell=bash
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads no browser).
#
#   ensure_chromium   installs the Debian package chromium when /usr/bin/chromium is missing.

# shellcheck source=infra/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BOUCLE_CHROMIUM=/usr/bin/chromium

ensure_chromium() {
  if [[ ! -x "${BOUCLE_CHROMIUM}" ]]; then
    apt_install chromium
    [[ -x "${BOUCLE_CHROMIUM}" ]] || die "the chromium package did not provide ${BOUCLE_CHROMIUM}"
  fi
  info "Chromium: $("${BOUCLE_CHROMIUM}" --version 2>/dev/null || echo "${BOUCLE_CHROMIUM}")"
}
