package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Solomon reader and the independent checker on an instance small enough to count by hand. */
class VrptwCheckerTest {

    /** Depot at (0, 0) open 0–100; customer 1 at (3, 4) ready 10, due 20; customer 2 at (6, 8) due 12; capacity 10. */
    private static final String TINY = """
            TINY

            VEHICLE
            NUMBER     CAPACITY
              2         10

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                0      0         0          0          0        100          0
                1      3         4          6         10         20          5
                2      6         8          5          0         12          5
            """;

    @TempDir
    Path directory;

    private SolomonInstance tiny() throws IOException {
        Path file = directory.resolve("TINY.txt");
        Files.writeString(file, TINY);
        return SolomonInstance.read(file);
    }

    @Test
    void readsTheFleetAndTheNodes() throws IOException {
        SolomonInstance instance = tiny();
        assertThat(instance.name()).isEqualTo("TINY");
        assertThat(instance.vehicles()).isEqualTo(2);
        assertThat(instance.capacity()).isEqualTo(10);
        assertThat(instance.customers()).hasSize(2);
        assertThat(instance.nodes().get(2)).isEqualTo(new SolomonInstance.Node(2, 6, 8, 5, 0, 12, 5));
    }

    @Test
    void acceptsTwoRoutesAndSumsTheirDistance() throws IOException {
        VrptwChecker.Result result = VrptwChecker.check(tiny(), List.of(List.of(1), List.of(2)));
        assertThat(result.violations()).isEmpty();
        assertThat(result.vehicles()).isEqualTo(2);
        assertThat(result.distance()).isEqualTo(30.0);
    }

    @Test
    void rejectsALateServiceAndAnOverload() throws IOException {
        // 1 first: waits until 10, leaves at 15, reaches 2 at 20, past its due date 12; and 11 units in a van of 10.
        VrptwChecker.Result result = VrptwChecker.check(tiny(), List.of(List.of(1, 2)));
        assertThat(result.violations()).containsExactly("customer 2 served at 20.0 after its due date 12.0",
                "a route carries 11 over the capacity 10");
    }

    @Test
    void rejectsACustomerLeftOut() throws IOException {
        assertThat(VrptwChecker.check(tiny(), List.of(List.of(2))).violations()).containsExactly("1 customers not served");
    }

    @Test
    void theRoutingCoreSolvesItFeasibly() throws IOException {
        SolomonInstance instance = tiny();
        VrptwPeers.Outcome outcome = VrptwBenchmark.boucle(instance, java.time.Duration.ofSeconds(1));
        VrptwChecker.Result result = VrptwChecker.check(instance, outcome.routes());
        assertThat(result.violations()).isEmpty();
        assertThat(result.distance()).isEqualTo(30.0);
    }
}
