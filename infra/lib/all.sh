# shellcheck shell=bash
# Sources every infra/lib helper: ensure_postgres, pg_recreate_test_database, ensure_elasticsearch,
# stop_elasticsearch, es_delete_matching, es_ensure_plugin, ensure_analysis_plugin, ensure_chromium.
_boucle_lib="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=infra/lib/common.sh
source "${_boucle_lib}/common.sh"
# shellcheck source=infra/lib/postgres.sh
source "${_boucle_lib}/postgres.sh"
# shellcheck source=infra/lib/elasticsearch.sh
source "${_boucle_lib}/elasticsearch.sh"
# shellcheck source=infra/lib/chromium.sh
source "${_boucle_lib}/chromium.sh"
unset _boucle_lib
