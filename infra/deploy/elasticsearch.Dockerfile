# syntax=docker/dockerfile:1
# Elasticsearch for production, with Boucle's analysis plugin (the catalogue index's boucle_* token
# filters). Build the plugin first, then the image, from the repository root:
#   ./mvnw -B -DskipTests -pl search-indexer/analysis-plugin package
#   docker build -f infra/deploy/elasticsearch.Dockerfile -t registry.example.org/boucle/elasticsearch:8.19.21 .
# On a managed cluster instead, upload the same zip as a custom plugin (it is a stable plugin: it keeps
# working across 8.x minor and patch upgrades without a rebuild).
ARG ELASTICSEARCH_VERSION=8.19.21
FROM docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}
COPY --chown=elasticsearch:root search-indexer/analysis-plugin/target/boucle-analysis-*.zip /tmp/boucle-analysis.zip
RUN bin/elasticsearch-plugin install --batch file:///tmp/boucle-analysis.zip && rm /tmp/boucle-analysis.zip
