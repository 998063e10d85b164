package org.boucle.marketplace.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.MappedField;

/** A donor's saved column mapping for its spreadsheets: Boucle field → the file's column header. */
public record MappingView(UUID id, UUID organizationId, String name, Map<MappedField, String> columns, Instant createdAt) {
}
