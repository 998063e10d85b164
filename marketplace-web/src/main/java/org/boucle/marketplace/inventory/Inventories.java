package org.boucle.marketplace.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.inventory.source.ColumnMapping;
import org.boucle.marketplace.inventory.source.MappedField;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donors' inventories: imports (now or in the background), their history and error reports, saved column
 * mappings and renewal policies. Donors act on their own organization, coordinators on any; others get 404.
 */
@Service
public class Inventories {

    private static final Logger log = LoggerFactory.getLogger(Inventories.class);
    private static final Duration STALE = Duration.ofMinutes(10);

    private final InventoryImporter importer;
    private final RenewalPolicies policies;
    private final Organizations organizations;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ThreadPoolTaskExecutor executor;
    private final Clock clock;

    Inventories(InventoryImporter importer, RenewalPolicies policies, Organizations organizations, JdbcTemplate jdbc,
            ObjectMapper json, ThreadPoolTaskExecutor inventoryImportExecutor, Clock clock) {
        this.importer = importer;
        this.policies = policies;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.json = json;
        this.executor = inventoryImportExecutor;
        this.clock = clock;
    }

    /** What to import: the file itself is handed over separately. */
    public record ImportRequest(UUID organizationId, SourceFormat format, ImportMode mode, UUID mappingId, String fileName) {
    }

    /** Imports an export and answers when it is done. The content is spooled to disk first. */
    public ImportReport importNow(Actor actor, ImportRequest request, InputStream content) {
        ImportJob job = prepare(actor, request, content);
        try {
            return importer.run(job);
        } finally {
            deleteQuietly(job.file());
        }
    }

    /** Starts an import in the background and answers at once with its id; {@link #importStatus} follows it. */
    public UUID startImport(Actor actor, ImportRequest request, InputStream content) {
        ImportJob job = prepare(actor, request, content);
        try {
            executor.execute(() -> {
                try {
                    importer.run(job);
                } finally {
                    deleteQuietly(job.file());
                }
            });
        } catch (RejectedExecutionException e) {
            deleteQuietly(job.file());
            jdbc.update("update inventory_import set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    "Too many imports are running; try again in a few minutes", Timestamp.from(clock.instant()), job.importId());
        }
        return job.importId();
    }

    private ImportJob prepare(Actor actor, ImportRequest request, InputStream content) {
        UUID donor = donor(actor, request.organizationId());
        ColumnMapping mapping = null;
        if (request.format().needsMapping()) {
            if (request.mappingId() == null) {
                throw new InvalidInputException("mappingId", "A " + request.format().code()
                        + " file needs a column mapping: save one first, then give its id");
            }
            mapping = new ColumnMapping(mapping(donor, request.mappingId()).columns());
        }
        Path file = spool(content);
        UUID importId = UUID.randomUUID();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into inventory_import (id, organization_id, imported_by, format, mode, file_name, file_bytes, status,
                    started_at, heartbeat_at)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""", importId, donor, actor.userId(), request.format().code(),
                request.mode().name(), truncate(request.fileName(), 255), size, now, now);
        return new ImportJob(importId, donor, request.format(), request.mode(), mapping, file);
    }

    public ImportView importStatus(Actor actor, UUID importId) {
        return jdbc.query(IMPORTS + " where i.id = ?", IMPORT_VIEW, importId).stream()
                .filter(view -> actor.mayAccess(view.organizationId()))
                .findFirst().orElseThrow(() -> new NotFoundException("import", importId));
    }

    public List<ImportView> history(Actor actor, UUID organizationId) {
        UUID donor = visible(actor, organizationId);
        return jdbc.query(IMPORTS + " where i.organization_id = ? order by i.started_at desc limit 200", IMPORT_VIEW, donor);
    }

    /** Every row error of an import, in row order, to the consumer (the error report). */
    public void errors(Actor actor, UUID importId, Consumer<String[]> row) {
        importStatus(actor, importId);
        jdbc.query("select row_number, column_name, reason from inventory_import_error where import_id = ? order by row_number",
                rs -> {
                    row.accept(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)});
                }, importId);
    }

    @Transactional
    public MappingView saveMapping(Actor actor, UUID organizationId, NewMapping mapping) {
        UUID donor = donor(actor, organizationId);
        try {
            new ColumnMapping(mapping.columns());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("columns", e.getMessage());
        }
        UUID id = UUID.randomUUID();
        jdbc.update("delete from inventory_mapping where organization_id = ? and lower(name) = lower(?)", donor, mapping.name().strip());
        jdbc.update("insert into inventory_mapping (id, organization_id, name, columns, created_at) values (?, ?, ?, ?::jsonb, ?)",
                id, donor, mapping.name().strip(), write(mapping.columns()), Timestamp.from(clock.instant()));
        return mapping(donor, id);
    }

    public List<MappingView> mappings(Actor actor, UUID organizationId) {
        UUID donor = visible(actor, organizationId);
        return jdbc.query("select * from inventory_mapping where organization_id = ? order by name", this::mappingView, donor);
    }

    private MappingView mapping(UUID donor, UUID id) {
        return jdbc.query("select * from inventory_mapping where organization_id = ? and id = ?", this::mappingView, donor, id)
                .stream().findFirst().orElseThrow(() -> new InvalidInputException("mappingId", "No such mapping for this donor"));
    }

    public Map<Category, Integer> policy(Actor actor, UUID organizationId) {
        return policies.lifetimes(visible(actor, organizationId));
    }

    public Map<Category, Integer> defaultPolicy() {
        return policies.defaults();
    }

    /** Saves a donor's lifetimes per category and re-forecasts its whole inventory. */
    @Transactional
    public Map<Category, Integer> updatePolicy(Actor actor, UUID organizationId, Map<Category, Integer> lifetimes) {
        UUID donor = donor(actor, organizationId);
        Map<Category, Integer> merged = new EnumMap<>(policies.lifetimes(donor));
        lifetimes.forEach((category, months) -> {
            if (months == null || months < 1 || months > 360) {
                throw new InvalidInputException(category.name(), "A lifetime is 1 to 360 months");
            }
            merged.put(category, months);
        });
        policies.save(donor, merged);
        importer.reforecast(donor);
        return policies.lifetimes(donor);
    }

    /** An import left RUNNING by an instance that stopped is marked failed, so nobody waits for it forever. */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterruptedImports() {
        int stale = jdbc.update("""
                update inventory_import set status = 'FAILED', failure = 'Interrupted: the server stopped during the import',
                    finished_at = ? where status = 'RUNNING' and heartbeat_at < ?""",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(STALE)));
        if (stale > 0) {
            log.warn("Marked {} interrupted inventory import(s) as failed", stale);
        }
    }

    /** The donor an actor acts on: their own, or any for a coordinator; only donors and coordinators import. */
    private UUID donor(Actor actor, UUID organizationId) {
        UUID donor = visible(actor, organizationId);
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.DONOR)) {
            throw new AccessDeniedException("Only donors and coordinators manage inventories");
        }
        if (!organizations.summary(donor).roles().contains(OrganizationRole.DONOR)) {
            throw new InvalidInputException("organizationId", "This organization is not a donor");
        }
        return donor;
    }

    private UUID visible(Actor actor, UUID organizationId) {
        UUID target = organizationId == null ? actor.organizationId() : organizationId;
        organizations.requireAccessible(target, actor);
        return target;
    }

    private Path spool(InputStream content) {
        try {
            Path file = Files.createTempFile("boucle-import-", ".upload");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private String write(Map<MappedField, String> columns) {
        try {
            return json.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MappingView mappingView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        try {
            Map<MappedField, String> columns = json.readValue(rs.getString("columns"), new TypeReference<>() {
            });
            return new MappingView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                    rs.getString("name"), columns, rs.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String IMPORTS = """
            select i.*, u.email from inventory_import i left join user_account u on u.id = i.imported_by""";

    private static final RowMapper<ImportView> IMPORT_VIEW = (rs, n) -> new ImportView(rs.getObject("id", UUID.class),
            rs.getObject("organization_id", UUID.class), rs.getString("email"), rs.getString("format"),
            ImportMode.valueOf(rs.getString("mode")).code(), rs.getString("file_name"), rs.getLong("file_bytes"),
            rs.getString("status"), rs.getLong("bytes_read"), rs.getLong("rows_read"), rs.getInt("created"),
            rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("flagged_missing"), rs.getInt("rejected"),
            rs.getString("failure"), rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
}
