package org.boucle.marketplace.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.engine.allocation.AllocationProblem;
import org.boucle.engine.allocation.Demand;
import org.boucle.engine.allocation.DemandKind;
import org.boucle.engine.allocation.Grade;
import org.boucle.engine.allocation.Specs;
import org.boucle.engine.allocation.SupplyBatch;
import org.boucle.engine.allocation.TransportModel;
import org.boucle.engine.allocation.ValueSharing;
import org.boucle.engine.geo.GeoPoint;
import org.boucle.engine.geo.RoadDistance;
import org.boucle.marketplace.demand.Demands;
import org.boucle.marketplace.demand.OpenDemand;
import org.boucle.marketplace.settlement.Ledger;
import org.boucle.marketplace.sharing.RuleSet;
import org.boucle.marketplace.sharing.ShareBasis;
import org.boucle.marketplace.sharing.ShareRole;
import org.boucle.marketplace.sharing.ShareRule;
import org.boucle.marketplace.sharing.SharingRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The territory's current supply and demand, turned into the optimiser's problem. */
@Component
class TerritorySupply {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Demands demands;
    private final SharingRules sharingRules;
    private final Ledger ledger;
    private final AllocationProperties properties;
    private final Clock clock;

    TerritorySupply(JdbcClient jdbc, Demands demands, SharingRules sharingRules, Ledger ledger,
            AllocationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.demands = demands;
        this.sharingRules = sharingRules;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** A problem and what it was made from. */
    record Snapshot(RunInputs inputs, AllocationProblem problem) {
    }

    Snapshot now() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<RunInputs.Need> needs = new ArrayList<>();
        List<Demand> engineDemands = new ArrayList<>();
        for (OpenDemand open : demands.open(today)) {
            boolean association = open.isAssociation();
            needs.add(new RunInputs.Need(open.id(), open.organizationId(), open.organizationName(), open.kind(),
                    open.category(), open.remaining(), open.latitude(), open.longitude(), open.latestDate(),
                    open.maxUnitPriceCents(), open.socialPriority(), open.populationServed()));
            engineDemands.add(new Demand(open.id().toString(), association ? DemandKind.ASSOCIATION : DemandKind.BUYER,
                    open.category(), open.remaining(), new Specs(open.minRamGb(), open.minStorageGb(),
                            open.minCpuGeneration(), open.minScreenInches()),
                    Grade.valueOf(open.minGrade()), open.latestDate(), new GeoPoint(open.latitude(), open.longitude()),
                    open.maxUnitPriceCents(), open.populationServed(), open.socialPriority()));
        }
        // Listings of a category nobody needs could only stay unassigned: leave them out of the problem.
        Set<String> categories = needs.stream().map(RunInputs.Need::category).collect(Collectors.toSet());
        Map<String, ValueSharing> sharing = new HashMap<>();
        List<RunInputs.Supply> supply = new ArrayList<>();
        List<SupplyBatch> batches = new ArrayList<>();
        jdbc.sql("""
                select l.id, l.title, l.kind, l.seller_id, o.name, l.category, s.name, s.latitude, s.longitude,
                       greatest(l.available_from, :today), l.grade, l.quantity_available,
                       round(coalesce(l.unit_price, 0) * 100), l.unit_price is null, l.source_lot_id,
                       coalesce(l.ram_gb, 0), coalesce(l.storage_gb, 0), coalesce(l.cpu_generation, 0),
                       coalesce(l.screen_inches, 0), cs.weight_kg, coalesce(f.kg_co2e, 0)
                  from listing l
                  join organization o on o.id = l.seller_id
                  join site s on s.id = l.site_id
                  join category_standard cs on cs.category = l.category
                  left join impact_factor f on f.category = l.category
                 where l.status = 'ACTIVE' and l.quantity_available > 0
                   and (l.available_until is null or l.available_until >= :today) and l.category in (:categories)
                 order by l.created_at, l.id""")
                .param("today", Date.valueOf(today))
                .param("categories", categories.isEmpty() ? Set.of("") : categories)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String kind = rs.getString(3);
                    String category = rs.getString(6);
                    BigDecimal weightKg = rs.getBigDecimal(20);
                    String grade = rs.getString(11) == null ? properties.upcomingLotGrade().name() : rs.getString(11);
                    String lot = rs.getString(15);
                    RunInputs.Supply entry = new RunInputs.Supply(id, rs.getString(2), kind, rs.getObject(4, UUID.class),
                            rs.getString(5), category, rs.getString(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getDate(10).toLocalDate(), grade, rs.getInt(12), rs.getLong(13), rs.getBoolean(14));
                    supply.add(entry);
                    batches.add(new SupplyBatch(id.toString(), lot == null ? null : entry.sellerId() + "/" + lot,
                            new GeoPoint(entry.latitude(), entry.longitude()), entry.availableOn(), category,
                            new Specs(rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getDouble(19)), Grade.valueOf(grade),
                            entry.quantity(), entry.unitPriceCents(),
                            sharing.computeIfAbsent(kind + "/" + category, key -> sharing(kind, category, weightKg)),
                            weightKg.doubleValue(), rs.getDouble(21)));
                });
        long fund = Math.max(0, ledger.balance(Ledger.Account.SOLIDARITY_FUND.id()));
        return new Snapshot(new RunInputs(supply, needs), new AllocationProblem(batches, engineDemands, fund,
                properties.weights().toEngine(),
                new TransportModel(RoadDistance.DEFAULT, properties.kgCo2ePerTonneKm())));
    }

    /** The rules in force for the listing's kind and category, per unit: fixed fees in cents, percentages in basis points. */
    private ValueSharing sharing(String kind, String category, BigDecimal unitWeightKg) {
        RuleSet rules = sharingRules.inForce(kind, category, clock.instant())
                .orElseThrow(() -> new IllegalStateException("No sharing rules in force for " + kind + " " + category));
        long fixed = 0;
        long fundFixed = 0;
        int percent = 0;
        int fundPercent = 0;
        for (ShareRule rule : rules.rules()) {
            boolean fund = rule.role() == ShareRole.SOLIDARITY_FUND;
            switch (rule.basis()) {
                case PERCENT -> {
                    int basisPoints = rule.value().multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).intValueExact();
                    if (fund) {
                        fundPercent += basisPoints;
                    } else {
                        percent += basisPoints;
                    }
                }
                case PER_UNIT, PER_KG -> {
                    BigDecimal perUnit = rule.basis() == ShareBasis.PER_KG
                            ? rule.value().multiply(unitWeightKg) : rule.value();
                    long cents = perUnit.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
                    if (fund) {
                        fundFixed += cents;
                    } else {
                        fixed += cents;
                    }
                }
            }
        }
        return new ValueSharing(fixed, percent, fundFixed, fundPercent);
    }
}
