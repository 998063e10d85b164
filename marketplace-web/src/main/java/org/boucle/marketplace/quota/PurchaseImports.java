package org.boucle.marketplace.quota;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.CsvRecords;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.UnreadableExportException;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purchases public buyers made outside Boucle, imported from their finance exports: a file is stored whole or not at
 * all, each import can be deleted to correct a mistake, and the same file twice is refused rather than counted twice.
 */
@Service
public class PurchaseImports {

    private static final int MAX_FILE_NAME = 255;

    private static final String SELECT = """
            select i.id, i.organization_id, i.file_name, i.row_count, i.total_excl_vat, i.imported_at, i.imported_by_name
              from quota_purchase_import i""";

    private final CsvRecords reader;
    private final QuotaRules rules;
    private final PublicBuyers buyers;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PurchaseImports(CsvRecords purchasesReader, QuotaRules rules, PublicBuyers buyers, JdbcClient jdbc,
            JdbcTemplate batch, TransactionTemplate transactions, Clock clock) {
        this.reader = purchasesReader;
        this.rules = rules;
        this.buyers = buyers;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One import: a file, its number of purchases and their total. */
    public record PurchaseImport(UUID id, UUID organizationId, String fileName, int rows, BigDecimal totalExclVat,
            Instant importedAt, String importedBy) {
    }

    /** A stored purchase, with the line of the file it came from. */
    public record Purchase(long line, LocalDate date, String category, String description, String supplier,
            BigDecimal amountExclVat, Origin origin) {
    }

    /** An import with its purchases. */
    public record PurchaseImportDetail(PurchaseImport purchaseImport, List<Purchase> purchases) {
    }

    /** A file that was not imported: the whole file's reason, and every row in error with its column. */
    public static class RejectedFileException extends RuntimeException {

        private final List<RowError> errors;

        RejectedFileException(String detail, List<RowError> errors) {
            super(detail);
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    /** The very same file was imported before for this buyer, as this import. */
    public static class DuplicateFileException extends RuntimeException {

        private final UUID existing;

        DuplicateFileException(UUID existing) {
            super("This file was already imported (import " + existing + "): importing it again would count its "
                    + "purchases twice. Delete that import first to replace it.");
            this.existing = existing;
        }

        public UUID existing() {
            return existing;
        }
    }

    /**
     * Imports a file for a buyer (null: the actor's own organization; a coordinator names one).
     *
     * @throws RejectedFileException when the file or any row is unusable; nothing is stored then
     * @throws DuplicateFileException when the same bytes were already imported for this buyer
     */
    public PurchaseImport importFile(Actor actor, UUID organizationId, String fileName, InputStream content)
            throws IOException {
        PublicBuyers.Buyer buyer = buyers.resolve(actor, organizationId);
        String name = fileName == null || fileName.isBlank() ? "achats.csv" : fileName.strip();
        name = name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
        MessageDigest sha256 = sha256();
        PurchaseFile file = new PurchaseFile(rules::forYear);
        try (DigestInputStream in = new DigestInputStream(content, sha256)) {
            file.read(reader, in);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (UnreadableExportException e) {
            throw new RejectedFileException(e.getMessage(), List.of());
        }
        if (!file.errors().isEmpty()) {
            throw new RejectedFileException(file.errors().size() + " problem(s) in the file; nothing was imported",
                    file.errors());
        }
        if (file.purchases().isEmpty()) {
            throw new RejectedFileException("The file has a header but no purchases", List.of());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        Optional<UUID> existing = existing(buyer.id(), digest);
        if (existing.isPresent()) {
            throw new DuplicateFileException(existing.get());
        }
        UUID id = UUID.randomUUID();
        String fileNameStored = name;
        try {
            transactions.executeWithoutResult(status -> store(actor, buyer.id(), id, fileNameStored, digest, file));
        } catch (DuplicateKeyException concurrentSameFile) {
            throw new DuplicateFileException(existing(buyer.id(), digest).orElseThrow(() -> concurrentSameFile));
        }
        return find(id).orElseThrow();
    }

    /** A buyer's imports, the latest first. */
    public List<PurchaseImport> imports(Actor actor, UUID organizationId) {
        PublicBuyers.Buyer buyer = buyers.resolve(actor, organizationId);
        return jdbc.sql(SELECT + " where i.organization_id = ? order by i.imported_at desc, i.id")
                .param(buyer.id()).query(PurchaseImports::map).list();
    }

    public PurchaseImportDetail detail(Actor actor, UUID id) {
        PurchaseImport found = accessible(actor, id);
        List<Purchase> purchases = jdbc.sql("""
                select line, purchase_date, category, description, supplier, amount_excl_vat, origin
                  from quota_purchase where import_id = ? order by line""")
                .param(id)
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), Origin.of(rs.getString(7)).orElseThrow()))
                .list();
        return new PurchaseImportDetail(found, purchases);
    }

    /** Deletes an import and its purchases, to correct a mistake (its file may then be imported again). */
    public void delete(Actor actor, UUID id) {
        accessible(actor, id);
        jdbc.sql("delete from quota_purchase_import where id = ?").param(id).update();
    }

    private PurchaseImport accessible(Actor actor, UUID id) {
        PublicBuyers.requireQuotaActor(actor);
        return find(id).filter(found -> actor.mayAccess(found.organizationId()))
                .orElseThrow(() -> new NotFoundException("purchase import", id));
    }

    private void store(Actor actor, UUID organizationId, UUID id, String fileName, String digest, PurchaseFile file) {
        BigDecimal total = file.purchases().stream().map(Purchase::amountExclVat)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                insert into quota_purchase_import (id, organization_id, file_name, sha256, row_count, total_excl_vat,
                                                   imported_at, imported_by_id, imported_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organizationId, fileName, digest, file.purchases().size(), total,
                        Timestamp.from(clock.instant()), actor.userId(),
                        actor.displayName() == null ? actor.email() : actor.displayName())
                .update();
        batch.batchUpdate("""
                insert into quota_purchase (import_id, line, organization_id, purchase_date, category, description,
                                            supplier, amount_excl_vat, origin)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                file.purchases(), 1000, (statement, purchase) -> {
                    statement.setObject(1, id);
                    statement.setLong(2, purchase.line());
                    statement.setObject(3, organizationId);
                    statement.setDate(4, Date.valueOf(purchase.date()));
                    statement.setString(5, purchase.category());
                    statement.setString(6, purchase.description());
                    statement.setString(7, purchase.supplier());
                    statement.setBigDecimal(8, purchase.amountExclVat());
                    statement.setString(9, purchase.origin().code());
                });
    }

    private Optional<UUID> existing(UUID organizationId, String digest) {
        return jdbc.sql("select id from quota_purchase_import where organization_id = ? and sha256 = ?")
                .params(organizationId, digest).query(UUID.class).optional();
    }

    private Optional<PurchaseImport> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(PurchaseImports::map).optional();
    }

    private static PurchaseImport map(ResultSet rs, int row) throws SQLException {
        return new PurchaseImport(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getInt(4), rs.getBigDecimal(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
