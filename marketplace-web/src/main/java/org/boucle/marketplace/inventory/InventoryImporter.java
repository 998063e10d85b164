package org.boucle.marketplace.inventory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.boucle.marketplace.inventory.ImportReport.ImportStatus;
import org.boucle.marketplace.inventory.source.AssetSink;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.inventory.source.ExportReader;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.SourceAsset;
import org.boucle.marketplace.inventory.source.UnreadableExportException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one export into one donor's inventory, streaming: rows go from the reader into a temporary table
 * through PostgreSQL's COPY, then set-based SQL matches, forecasts and merges them. Memory stays flat with
 * file size, and "all or nothing" is a single rollback.
 */
@Component
class InventoryImporter {

    private static final Logger log = LoggerFactory.getLogger(InventoryImporter.class);

    private static final String COLUMNS = "row_number, source_id, serial, asset_tag, name, category, manufacturer, model, "
            + "cpu, ram_gb, storage_gb, storage_type, screen_inches, purchase_date, warranty_end, planned_decommission, "
            + "purchase_value, location, source_status, deleted_in_source";
    private static final int KEY_LENGTH = 100;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    private static final BigDecimal MAX_SCREEN = new BigDecimal("1000");
    private static final long PROGRESS_EVERY_MILLIS = 500;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final ExportReader reader;
    private final RenewalPolicies policies;
    private final InventoryProperties properties;
    private final Clock clock;

    InventoryImporter(DataSource dataSource, PlatformTransactionManager transactions, ExportReader reader,
            RenewalPolicies policies, InventoryProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reader = reader;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
    }

    ImportReport run(ImportJob job) {
        try (ErrorLog errors = new ErrorLog(properties.reportedErrors())) {
            Merge merge;
            try {
                merge = transaction.execute(status -> {
                    Merge result = load(job, errors);
                    if (result.failure() != null || (errors.count() > 0 && job.mode() == ImportMode.ALL_OR_NOTHING)) {
                        status.setRollbackOnly();
                        return result.rejected();
                    }
                    return merge(job, result, errors.count() > 0);
                });
            } catch (RuntimeException e) {
                log.error("Import {} failed", job.importId(), e);
                merge = Merge.failed("The import failed on our side; nothing was changed");
            }
            return finish(job, merge, errors);
        }
    }

    /** Streams the export into {@code import_row}; row problems go to the error log. */
    private Merge load(ImportJob job, ErrorLog errors) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.execute("""
                create temporary table import_row (
                    row_number bigint, source_id varchar(100), serial varchar(100), asset_tag varchar(100), name text,
                    category varchar(16), manufacturer text, model text, cpu text, ram_gb integer, storage_gb integer,
                    storage_type varchar(8), screen_inches numeric(4, 1), purchase_date date, warranty_end date,
                    planned_decommission date, purchase_value numeric(14, 2), location text, source_status text,
                    deleted_in_source boolean, asset_id uuid, site_id uuid, forecast_date date, forecast_rule varchar(16),
                    content_hash varchar(32),
                    -- What makes two rows the same asset: the source id, else manufacturer and serial, else asset tag.
                    same_asset text generated always as (coalesce('id:' || source_id,
                        'sn:' || lower(coalesce(manufacturer, '')) || ':' || serial, 'tag:' || asset_tag)) stored)
                    on commit drop""");
        CopyIn copy = null;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(job.file()))) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_row (" + COLUMNS + ") from stdin (format csv)");
            CopyWriter rows = new CopyWriter(copy);
            Progress progress = new Progress(job, in);
            try {
                reader.read(job.format(), in, job.mapping(), new AssetSink() {
                    @Override
                    public void accept(SourceAsset asset) {
                        RowError problem = storable(asset);
                        if (problem == null) {
                            rows.write(asset);
                        } else {
                            errors.add(problem);
                        }
                        progress.row();
                    }

                    @Override
                    public void reject(RowError error) {
                        errors.add(error);
                        progress.row();
                    }
                });
            } catch (UnreadableExportException e) {
                return Merge.unreadable(e.getMessage(), progress.rows);
            }
            rows.finish();
            // Temporary tables are never analysed automatically: without statistics and these indexes the
            // matching and the anti-join that flags missing assets turn quadratic on large files.
            jdbc.execute("create index on import_row (asset_id)");
            jdbc.execute("create index on import_row (same_asset)");
            jdbc.execute("analyze import_row");
            rejectDuplicates(errors, job.mode());
            return Merge.loaded(progress.rows, in.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            // A connection in the middle of a COPY cannot even roll back: end it first, whatever happened.
            cancel(copy);
        }
    }

    private static void cancel(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                log.warn("Could not cancel COPY", e);
            }
        }
    }

    /** What the database cannot hold is a row error, never a failed import. */
    private static RowError storable(SourceAsset asset) {
        if (asset.category() == null) {
            return new RowError(asset.row(), null, "The category could not be determined");
        }
        for (var key : Map.of("source id", nullToEmpty(asset.sourceId()), "serial", nullToEmpty(asset.serial()),
                "asset tag", nullToEmpty(asset.assetTag())).entrySet()) {
            if (key.getValue().length() > KEY_LENGTH) {
                return new RowError(asset.row(), key.getKey(), "Longer than " + KEY_LENGTH + " characters");
            }
        }
        if (asset.purchaseValue() != null && asset.purchaseValue().abs().compareTo(MAX_VALUE) >= 0) {
            return new RowError(asset.row(), "value", "Implausible purchase value " + asset.purchaseValue());
        }
        if (asset.specs() != null && asset.specs().screenInches() != null
                && asset.specs().screenInches().compareTo(MAX_SCREEN) >= 0) {
            return new RowError(asset.row(), "screen size", "Implausible screen size " + asset.specs().screenInches());
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The same asset twice in one file: the first occurrence counts, the others are errors. */
    private void rejectDuplicates(ErrorLog errors, ImportMode mode) {
        jdbc.query("""
                select r.row_number, first.row_number from import_row r
                join (select same_asset, min(row_number) row_number from import_row where same_asset is not null
                      group by same_asset having count(*) > 1) first
                  on r.same_asset = first.same_asset and r.row_number > first.row_number
                order by r.row_number""",
                rs -> {
                    errors.add(new RowError(rs.getLong(1), null, "Same asset as row " + rs.getLong(2)));
                });
        if (mode == ImportMode.VALID_ROWS) {
            jdbc.update("""
                    delete from import_row r using import_row first
                    where r.same_asset = first.same_asset and r.row_number > first.row_number""");
        }
    }

    private Merge merge(ImportJob job, Merge loaded, boolean someRowsRejected) {
        var org = job.organizationId();
        var system = job.sourceSystem();
        var now = Timestamp.from(clock.instant());
        jdbc.update("""
                update import_row r set asset_id = a.id from asset a
                where r.source_id is not null and a.organization_id = ? and a.source_system = ? and a.source_id = r.source_id""",
                org, system);
        jdbc.update("""
                update import_row r set asset_id = (
                    select a.id from asset a
                    where a.organization_id = ? and a.serial = r.serial
                      and lower(coalesce(a.manufacturer, '')) = lower(coalesce(r.manufacturer, ''))
                      and (a.source_id is null or a.source_system <> ?)
                      and not exists (select 1 from import_row o where o.asset_id = a.id)
                    order by a.created_at limit 1)
                where r.asset_id is null and r.serial is not null""", org, system);
        jdbc.update("""
                update import_row r set asset_id = (
                    select a.id from asset a
                    where a.organization_id = ? and a.source_system = ? and a.asset_tag = r.asset_tag and a.source_id is null
                      and not exists (select 1 from import_row o where o.asset_id = a.id)
                    order by a.created_at limit 1)
                where r.asset_id is null and r.source_id is null and r.serial is null and r.asset_tag is not null""",
                org, system);
        jdbc.execute("analyze import_row");
        jdbc.update("""
                update import_row r set site_id = coalesce(
                    (select s.id from site s where s.organization_id = ? and r.location is not null
                       and left(lower(r.location), length(s.name)) = lower(s.name)
                     order by length(s.name) desc limit 1),
                    (select s.id from site s where s.organization_id = ? order by s.created_at, s.name limit 1))""", org, org);
        forecast(org);
        jdbc.update("""
                update import_row set content_hash = md5(row(source_id, serial, asset_tag, name, category, manufacturer,
                    model, cpu, ram_gb, storage_gb, storage_type, screen_inches, purchase_date, warranty_end,
                    planned_decommission, purchase_value, location, site_id, source_status, deleted_in_source)::text)""");

        int matched = jdbc.queryForObject("select count(*) from import_row where asset_id is not null", Integer.class);
        int updated = jdbc.update("""
                update asset a set source_system = ?,
                    source_id = case when r.source_id is not null then r.source_id when a.source_system = ? then a.source_id end,
                    serial = r.serial, asset_tag = r.asset_tag, name = r.name, category = r.category,
                    manufacturer = r.manufacturer, model = r.model, cpu = r.cpu, ram_gb = r.ram_gb, storage_gb = r.storage_gb,
                    storage_type = r.storage_type, screen_inches = r.screen_inches, purchase_date = r.purchase_date,
                    warranty_end = r.warranty_end, planned_decommission = r.planned_decommission,
                    purchase_value = r.purchase_value, location = r.location, site_id = r.site_id,
                    source_status = r.source_status, deleted_in_source = r.deleted_in_source,
                    forecast_date = r.forecast_date, forecast_rule = r.forecast_rule, missing_since = null,
                    content_hash = r.content_hash, last_import_id = ?, updated_at = ?
                from import_row r
                where a.id = r.asset_id and (a.content_hash <> r.content_hash or a.missing_since is not null)""",
                system, system, job.importId(), now);
        // Rejected rows may be assets still in the export: only a clean file says what left it.
        int flagged = someRowsRejected ? 0 : jdbc.update("""
                update asset a set missing_since = ?, updated_at = ?
                where a.organization_id = ? and a.source_system = ? and a.missing_since is null
                  and not exists (select 1 from import_row r where r.asset_id = a.id)""", now, now, org, system);
        int created = jdbc.update("""
                insert into asset (id, organization_id, source_system, source_id, serial, asset_tag, name, category,
                    manufacturer, model, cpu, ram_gb, storage_gb, storage_type, screen_inches, purchase_date, warranty_end,
                    planned_decommission, purchase_value, location, site_id, source_status, deleted_in_source,
                    forecast_date, forecast_rule, content_hash, last_import_id, created_at, updated_at)
                select gen_random_uuid(), ?, ?, source_id, serial, asset_tag, name, category, manufacturer, model, cpu,
                    ram_gb, storage_gb, storage_type, screen_inches, purchase_date, warranty_end, planned_decommission,
                    purchase_value, location, site_id, source_status, coalesce(deleted_in_source, false), forecast_date,
                    forecast_rule, content_hash, ?, ?, ?
                from import_row where asset_id is null""", org, system, job.importId(), now, now);
        return loaded.merged(created, updated, matched - updated, flagged);
    }

    /**
     * The forecast of each row: the donor's planned date, else purchase date plus the donor's lifetime for the
     * category, else the end of warranty; the rule says which one applied.
     */
    private void forecast(UUID organization) {
        jdbc.update("update import_row r set " + FORECAST + " from (values " + lifetimes(organization)
                + ") l(category, months) where l.category = r.category");
    }

    /** Recomputes a donor's forecasts, after its renewal policy changed. */
    void reforecast(UUID organization) {
        jdbc.update("update asset r set " + FORECAST + " from (values " + lifetimes(organization)
                + ") l(category, months) where l.category = r.category and r.organization_id = ?", organization);
    }

    private static final String FORECAST = """
            forecast_rule = case when r.planned_decommission is not null then 'PLANNED'
                                 when r.purchase_date is not null then 'RENEWAL_POLICY'
                                 when r.warranty_end is not null then 'WARRANTY_END' else 'UNKNOWN' end,
            forecast_date = coalesce(r.planned_decommission, (r.purchase_date + make_interval(months => l.months))::date,
                                     r.warranty_end)""";

    /** The donor's lifetimes as SQL values; built from an enum and integers only. */
    private String lifetimes(UUID organization) {
        return policies.lifetimes(organization).entrySet().stream()
                .map(e -> "('" + e.getKey().name() + "', " + e.getValue().intValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private ImportReport finish(ImportJob job, Merge merge, ErrorLog errors) {
        ImportStatus status = merge.status();
        List<RowError> first = errors.first();
        separateTransaction.executeWithoutResult(tx -> {
            jdbc.update("""
                    update inventory_import set status = ?, rows_read = ?, bytes_read = greatest(bytes_read, ?), created = ?,
                        updated = ?, unchanged = ?, flagged_missing = ?, rejected = ?, failure = ?, finished_at = ?
                    where id = ?""", status.name(), merge.rows(), merge.bytes(), merge.created(), merge.updated(),
                    merge.unchanged(), merge.flagged(), errors.count(), merge.failure(), Timestamp.from(clock.instant()),
                    job.importId());
            if (errors.count() > 0) {
                copyErrors(job, errors);
            }
        });
        return new ImportReport(job.importId(), status, merge.created(), merge.updated(), merge.unchanged(), merge.flagged(),
                first, errors.count(), merge.rows(), merge.failure());
    }

    private void copyErrors(ImportJob job, ErrorLog errors) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Reader spool = Files.newBufferedReader(errors.spool(), StandardCharsets.UTF_8)) {
            jdbc.execute("create temporary table import_error (row_number bigint, column_name text, reason text) on commit drop");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_error (row_number, column_name, reason) from stdin (format csv)", spool);
            jdbc.update("insert into inventory_import_error (import_id, row_number, column_name, reason) "
                    + "select ?, row_number, column_name, reason from import_error", job.importId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes how far an import has read, at most twice a second, in its own transaction. */
    private final class Progress {

        private final ImportJob job;
        private final CountingInputStream in;
        private long rows;
        private long reportedAt = System.currentTimeMillis();

        Progress(ImportJob job, CountingInputStream in) {
            this.job = job;
            this.in = in;
        }

        void row() {
            rows++;
            if ((rows & 1023) == 0 && System.currentTimeMillis() - reportedAt >= PROGRESS_EVERY_MILLIS) {
                reportedAt = System.currentTimeMillis();
                separateTransaction.executeWithoutResult(tx -> jdbc.update(
                        "update inventory_import set rows_read = ?, bytes_read = ?, heartbeat_at = ? where id = ?", rows, in.count(),
                        Timestamp.from(clock.instant()), job.importId()));
            }
        }
    }

    /** Where one import stands; the counts are set once the rows are merged. */
    private record Merge(ImportStatus status, long rows, long bytes, int created, int updated, int unchanged, int flagged,
            String failure) {

        static Merge loaded(long rows, long bytes) {
            return new Merge(ImportStatus.RUNNING, rows, bytes, 0, 0, 0, 0, null);
        }

        static Merge unreadable(String reason, long rows) {
            return new Merge(ImportStatus.REJECTED, rows, 0, 0, 0, 0, 0, reason);
        }

        static Merge failed(String reason) {
            return new Merge(ImportStatus.FAILED, 0, 0, 0, 0, 0, 0, reason);
        }

        Merge rejected() {
            return new Merge(ImportStatus.REJECTED, rows, bytes, 0, 0, 0, 0, failure);
        }

        Merge merged(int created, int updated, int unchanged, int flagged) {
            return new Merge(ImportStatus.COMPLETED, rows, bytes, created, updated, unchanged, flagged, null);
        }
    }

    /** Bytes read so far, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
