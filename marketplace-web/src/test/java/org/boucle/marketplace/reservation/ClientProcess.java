package org.boucle.marketplace.reservation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a benchmark's client program (pgbench, wrk) to its end; the benchmark's CPU split counts it once reaped. */
final class ClientProcess {

    private ClientProcess() {
    }

    /** The program's output (standard error included), or an exception if it fails or outlives {@code duration}. */
    static String run(List<String> command, Duration duration) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }
}
