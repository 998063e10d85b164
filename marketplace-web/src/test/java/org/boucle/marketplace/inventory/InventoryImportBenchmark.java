package org.boucle.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.inventory.source.AssetSink;
import org.boucle.marketplace.inventory.source.ExportReader;
import org.boucle.marketplace.inventory.source.RowError;
import org.boucle.marketplace.inventory.source.SourceAsset;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.inventory.source.SyntheticExports;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.NewOrganization;
import org.boucle.marketplace.organization.NewSite;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports a synthetic GLPI CSV export (French, Windows-1252) through the real service into the real database.
 * Baseline in the same run: parsing the same file with no database at all. Prints rows/s and peak heap.
 * Run as BENCHMARKS.md says; -Dbenchmark.rows sets the size (default 100,000), -Dbenchmark.runs the repetitions.
 */
@BoucleTest
@Tag("benchmark")
class InventoryImportBenchmark {

    @Autowired
    Inventories inventories;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    ExportReader reader;

    @Test
    void importGlpiCsv() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 100_000);
        int runs = Integer.getInteger("benchmark.runs", 3);
        Actor coordinator = accounts.actor("coordinator@demo.boucle").orElseThrow();
        Path file = Files.createTempFile("boucle-bench-", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                new SyntheticExports(42).write(SourceFormat.GLPI_CSV, "bench", rows, List.of("Siège", "Entrepôt"), 9, out);
            }
            List<Double> parse = new ArrayList<>();
            List<Double> firstImport = new ArrayList<>();
            List<Double> reImport = new ArrayList<>();
            resetPeaks();
            for (int run = 0; run < runs; run++) {
                parse.add(timeParse(file, rows));
                UUID donor = newDonor(coordinator);
                firstImport.add(timeImport(coordinator, donor, file, rows, true));
                reImport.add(timeImport(coordinator, donor, file, rows, false));
            }
            long peakHeap = peakHeapBytes();
            System.out.printf("%nBENCHMARK inventory import, GLPI CSV, %,d rows, %d runs, max heap %d MB%n", rows, runs,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("  parse only (baseline)  median %6.2f s  %,10.0f rows/s%n", median(parse), rows / median(parse));
            System.out.printf("  first import           median %6.2f s  %,10.0f rows/s  (%.2f x baseline time)%n",
                    median(firstImport), rows / median(firstImport), median(firstImport) / median(parse));
            System.out.printf("  re-import (unchanged)  median %6.2f s  %,10.0f rows/s  (%.2f x baseline time)%n",
                    median(reImport), rows / median(reImport), median(reImport) / median(parse));
            System.out.printf("  peak heap used         %,d MB%n%n", peakHeap >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private double timeParse(Path file, int rows) throws Exception {
        long[] count = new long[1];
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(SourceFormat.GLPI_CSV, in, null, new AssetSink() {
                @Override
                public void accept(SourceAsset asset) {
                    count[0]++;
                }

                @Override
                public void reject(RowError error) {
                    throw new AssertionError(error.toString());
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(count[0]).isEqualTo(rows);
        return seconds;
    }

    private double timeImport(Actor actor, UUID donor, Path file, int rows, boolean first) throws Exception {
        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = inventories.importNow(actor, new Inventories.ImportRequest(donor, SourceFormat.GLPI_CSV,
                    ImportMode.ALL_OR_NOTHING, null, "bench.csv"), in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(report.status()).isEqualTo(ImportReport.ImportStatus.COMPLETED);
        assertThat(first ? report.created() : report.unchanged()).isEqualTo(rows);
        return seconds;
    }

    private UUID newDonor(Actor coordinator) {
        UUID donor = organizations.create(new NewOrganization("Banc d'essai " + UUID.randomUUID(),
                Set.of(OrganizationRole.DONOR), null), coordinator).id();
        organizations.addSite(donor, new NewSite("Siège", "1 place Grenette", "38000", "38185", null, null, null, null),
                coordinator);
        return donor;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's own peak: an upper bound of the heap ever in use at once. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
