package org.boucle.marketplace.quota.supply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.CsvRecord;
import org.boucle.marketplace.inventory.source.CsvRecords;
import org.boucle.marketplace.inventory.source.ReaderLimits;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.UnreadableExportException;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispositions a public body declares for devices that left its park outside Boucle, from a CSV file
 * {@code asset_tag_or_serial,date,channel}: read as the inventory reads exports (encodings, separators, French
 * dates), and all or nothing: one bad row, and the answer lists every bad row with its column while nothing is
 * stored. A device is named by its asset tag or its serial number, whatever the case; declaring it again replaces
 * what was declared.
 */
@Service
@EnableConfigurationProperties(SupplyQuotaProperties.class)
public class Dispositions {

    static final String REFERENCE = "asset_tag_or_serial";
    static final String DATE = "date";
    static final String CHANNEL = "channel";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SupplyQuota quota;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SupplyQuotaProperties properties;
    private final CsvRecords reader;
    private final Clock clock;

    Dispositions(SupplyQuota quota, NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
            SupplyQuotaProperties properties, Clock clock) {
        this.quota = quota;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        ReaderLimits defaults = ReaderLimits.defaults();
        this.reader = new CsvRecords(new ReaderLimits(properties.maxUpload().toBytes(), defaults.maxColumns(),
                defaults.maxCellChars(), defaults.maxRecordChars(), properties.maxRows()));
        this.clock = clock;
    }

    /** One row that read well: the device it names is not looked up yet. */
    private record Row(long row, String reference, LocalDate date, Channel channel) {
    }

    /** A device of the donor's inventory that a row's reference names. */
    private record Match(UUID assetId, LocalDate purchaseDate) {
    }

    /** Declares a file's dispositions for a public body (the actor's own when not given). */
    public Declaration declare(Actor actor, UUID organizationId, InputStream file) {
        UUID organization = quota.publicDonor(actor, organizationId);
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.DONOR)) {
            throw new AccessDeniedException("Only the body's donors and coordinators declare dispositions");
        }
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        read(file, rows, errors);
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new DispositionsRejectedException("The file has a header but no rows: nothing to declare", List.of(), 0);
        }
        List<Optional<Match>> matches = check(organization, rows, errors);
        if (!errors.isEmpty()) {
            List<RowError> sorted = errors.stream().sorted(Comparator.comparingLong(RowError::row)).toList();
            throw new DispositionsRejectedException(sorted.size() + " problem(s) in the file; nothing was declared",
                    sorted.subList(0, Math.min(sorted.size(), properties.reportedErrors())), sorted.size());
        }
        int replaced = transactions.execute(status -> store(actor, organization, rows, matches));
        return new Declaration(organization, rows.size(), rows.size() - replaced, replaced);
    }

    private void read(InputStream file, List<Row> rows, List<RowError> errors) {
        try {
            reader.read(file, List.of(REFERENCE, DATE, CHANNEL), record -> {
                String reference = record.required(REFERENCE);
                LocalDate date = record.date(DATE);
                Channel channel = channel(record);
                if (reference != null && reference.length() > 100) {
                    record.error(REFERENCE, "longer than 100 characters: no asset tag or serial is that long");
                }
                if (record.hasErrors()) {
                    errors.addAll(record.errors());
                } else {
                    rows.add(new Row(record.row(), reference, date, channel));
                }
            });
        } catch (UnreadableExportException e) {
            throw new DispositionsRejectedException(e.getMessage(), List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Channel channel(CsvRecord record) {
        String code = record.required(CHANNEL);
        if (code == null) {
            return null;
        }
        Optional<Channel> channel = Channel.of(code);
        if (channel.isEmpty()) {
            record.error(CHANNEL, "\"" + code + "\" is not a channel: use one of " + Channel.codes());
        }
        return channel.orElse(null);
    }

    /** Finds each row's device; a reference that names none, or several, and a device named twice are errors. */
    private List<Optional<Match>> check(UUID organization, List<Row> rows, List<RowError> errors) {
        Map<Integer, List<Match>> found = new HashMap<>();
        jdbc.query("""
                with ref as (select * from unnest(cast(:references as varchar[])) with ordinality as r(reference, n))
                select n, id, purchase_date from (
                    select ref.n, a.id, a.purchase_date from ref join asset a on upper(a.asset_tag) = upper(ref.reference)
                     where a.organization_id = :organization
                    union
                    select ref.n, a.id, a.purchase_date from ref join asset a on upper(a.serial) = upper(ref.reference)
                     where a.organization_id = :organization) matched""",
                new MapSqlParameterSource("organization", organization)
                        .addValue("references", rows.stream().map(Row::reference).toArray(String[]::new)),
                rs -> {
                    Date purchase = rs.getDate("purchase_date");
                    found.computeIfAbsent(rs.getInt("n") - 1, n -> new ArrayList<>())
                            .add(new Match(rs.getObject("id", UUID.class), purchase == null ? null : purchase.toLocalDate()));
                });
        LocalDate today = LocalDate.now(clock.withZone(SupplyQuota.FRANCE));
        Map<UUID, Long> firstRow = new HashMap<>();
        List<Optional<Match>> matches = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            List<Match> devices = found.getOrDefault(i, List.of());
            Optional<Match> match = Optional.empty();
            if (devices.isEmpty()) {
                errors.add(new RowError(row.row(), REFERENCE, "No device of the inventory has the asset tag or serial \""
                        + row.reference() + "\""));
            } else if (devices.size() > 1) {
                errors.add(new RowError(row.row(), REFERENCE, devices.size() + " devices of the inventory have the asset "
                        + "tag or serial \"" + row.reference() + "\": name the device by a value it alone has"));
            } else {
                match = Optional.of(devices.get(0));
                Long earlier = firstRow.putIfAbsent(match.get().assetId(), row.row());
                if (earlier != null) {
                    errors.add(new RowError(row.row(), REFERENCE, "Same device as row " + earlier));
                }
                LocalDate purchased = match.get().purchaseDate();
                if (purchased != null && row.date().isBefore(purchased)) {
                    errors.add(new RowError(row.row(), DATE, "The device was bought on " + FRENCH_DATE.format(purchased)
                            + ", after " + FRENCH_DATE.format(row.date())));
                }
            }
            if (row.date().isAfter(today)) {
                errors.add(new RowError(row.row(), DATE, FRENCH_DATE.format(row.date()) + " is in the future: declare "
                        + "what already happened"));
            }
            matches.add(match);
        }
        return matches;
    }

    /** Stores every row in one statement, replacing earlier declarations of the same devices; answers how many. */
    private int store(Actor actor, UUID organization, List<Row> rows, List<Optional<Match>> matches) {
        List<Boolean> inserted = jdbc.queryForList("""
                insert into quota_supply_disposition (asset_id, organization_id, reference, disposed_on, channel,
                                                      declared_at, declared_by)
                select d.asset_id, :organization, d.reference, d.disposed_on, d.channel, :now, :by
                  from unnest(cast(:assets as uuid[]), cast(:references as varchar[]), cast(:dates as date[]),
                              cast(:channels as varchar[])) as d(asset_id, reference, disposed_on, channel)
                on conflict (asset_id) do update set reference = excluded.reference, disposed_on = excluded.disposed_on,
                    channel = excluded.channel, declared_at = excluded.declared_at, declared_by = excluded.declared_by
                returning xmax = 0""",
                new MapSqlParameterSource("organization", organization)
                        .addValue("now", Timestamp.from(clock.instant()))
                        .addValue("by", actor.userId())
                        .addValue("assets", matches.stream().map(m -> m.orElseThrow().assetId().toString()).toArray(String[]::new))
                        .addValue("references", rows.stream().map(Row::reference).toArray(String[]::new))
                        .addValue("dates", rows.stream().map(r -> r.date().toString()).toArray(String[]::new))
                        .addValue("channels", rows.stream().map(r -> r.channel().code()).toArray(String[]::new)),
                Boolean.class);
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        return (int) inserted.stream().filter(fresh -> !fresh).count();
    }
}
