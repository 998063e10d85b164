package org.boucle.marketplace.reservation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API's load, from wrk (Debian's package {@code wrk}): {@code connections} kept-alive HTTP/1.1 connections, each
 * sending its next request as soon as the last is answered, as the benchmark's JVM clients did. In C it costs the
 * host about a tenth of what 100 threads on {@code java.net.http.HttpClient} did (0.3 core at 1,400 holds/s), CPU
 * that clients on their own machines never take from a server.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile("boucle-wrk requests=(\\d+) duration=(\\d+) status=(\\d+) "
            + "connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+) p50=(\\d+) p95=(\\d+) p99=(\\d+) max=(\\d+)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:\" {},-]*");
    private static final int THREADS = 2;

    /**
     * What one run measured: requests answered within the duration, those answered otherwise than 2xx (a hold is
     * 201), connections that failed, and the answered requests' latencies.
     */
    record Result(long answered, long refused, long socketErrors, double seconds, double p50Ms, double p95Ms,
            double p99Ms, double maxMs) {

        long holds() {
            return answered - refused;
        }
    }

    private final String executable;
    private final URI target;

    Wrk(String executable, URI target) {
        this.executable = executable;
        this.target = target;
    }

    /** POSTs {@code bodies} for the duration, each request's body and token picked at random. */
    Result run(List<String> bodies, List<String> tokens, int connections, Duration duration)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("boucle-wrk", ".lua");
        try {
            Files.writeString(script, script(bodies, tokens), StandardCharsets.UTF_8);
            List<String> command = List.of(executable, "-t", Integer.toString(THREADS), "-c",
                    Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "60s", "-s",
                    script.toString(), target.toString());
            String output = ClientProcess.run(command, duration);
            Matcher result = RESULT.matcher(output);
            if (!result.find()) {
                throw new IllegalStateException("Unexpected wrk output:\n" + output);
            }
            long socketErrors = 0;
            for (int group = 4; group <= 7; group++) {
                socketErrors += Long.parseLong(result.group(group));
            }
            return new Result(Long.parseLong(result.group(1)), Long.parseLong(result.group(3)), socketErrors,
                    Long.parseLong(result.group(2)) / 1e6, micros(result, 8), micros(result, 9), micros(result, 10),
                    micros(result, 11));
        } finally {
            Files.delete(script);
        }
    }

    private static double micros(Matcher result, int group) {
        return Long.parseLong(result.group(group)) / 1000.0;
    }

    /**
     * Every (body, token) request is formatted once per wrk thread, so that sending one costs a table lookup; the
     * summary line is what {@link #RESULT} reads.
     */
    private String script(List<String> bodies, List<String> tokens) {
        return """
                local bodies = {%s}
                local tokens = {%s}
                local formatted = {}
                local threads = 0

                function setup(thread)
                  threads = threads + 1
                  thread:set("seed", threads)
                end

                function init(args)
                  math.randomseed(seed * 7919)
                  for _, body in ipairs(bodies) do
                    for _, token in ipairs(tokens) do
                      formatted[#formatted + 1] = wrk.format("POST", "%s", {
                        ["Authorization"] = "Bearer " .. token,
                        ["Content-Type"] = "application/json",
                        ["Accept"] = "application/json"}, body)
                    end
                  end
                end

                function request()
                  return formatted[math.random(#formatted)]
                end

                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("boucle-wrk requests=%%d duration=%%d status=%%d connect=%%d read=%%d "
                    .. "write=%%d timeout=%%d p50=%%d p95=%%d p99=%%d max=%%d\\n", summary.requests, summary.duration,
                    e.status, e.connect, e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(95),
                    latency:percentile(99), latency.max))
                end
                """.formatted(luaStrings(bodies), luaStrings(tokens), target.getPath());
    }

    /** The values as Lua string literals: JSON bodies of ids and numbers, and tokens, need no escaping. */
    private static String luaStrings(List<String> values) {
        return values.stream().map(value -> {
            if (!PLAIN.matcher(value).matches()) {
                throw new IllegalArgumentException("Not a plain body or token: " + value);
            }
            return "'" + value + "'";
        }).collect(Collectors.joining(", "));
    }
}
