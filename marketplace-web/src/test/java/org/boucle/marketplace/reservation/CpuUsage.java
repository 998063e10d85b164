package org.boucle.marketplace.reservation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the host's CPU went between two snapshots, in cores: this JVM (the app), the client this JVM started (the
 * load generator or pgbench), PostgreSQL, Elasticsearch, and everything else (other people's builds and tests).
 * Linux only: reads {@code /proc}. Processes that exit are counted through their parent's children times (the
 * postmaster's for PostgreSQL backends, this JVM's for the client, which has exited and been waited for by then).
 */
record CpuUsage(long wallNanos, long busyTicks, long stealTicks, long totalTicks, long jvmNanos, long postgresTicks,
        long elasticsearchTicks, long clientTicks, long jitTicks, long gcTicks) {

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on every common Linux build). */
    private static final double HZ = 100;

    static CpuUsage now() {
        long[] cpu = systemTicks();
        long[] services = serviceTicks();
        long[] vm = vmThreadTicks();
        return new CpuUsage(System.nanoTime(), cpu[0], cpu[1], cpu[2], processNanos(), services[0], services[1],
                childrenTicks(Path.of("/proc/self/stat")), vm[0], vm[1]);
    }

    /** The usage from this snapshot to a later one, the client process that ran meanwhile called {@code client}. */
    String since(CpuUsage start, String client) {
        double seconds = (wallNanos - start.wallNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double total = cores * (busyTicks - start.busyTicks) / (double) Math.max(1, totalTicks - start.totalTicks);
        double steal = cores * (stealTicks - start.stealTicks) / (double) Math.max(1, totalTicks - start.totalTicks);
        double app = (jvmNanos - start.jvmNanos) / 1e9 / seconds;
        double postgres = (postgresTicks - start.postgresTicks) / HZ / seconds;
        double elasticsearch = (elasticsearchTicks - start.elasticsearchTicks) / HZ / seconds;
        double clientCores = (clientTicks - start.clientTicks) / HZ / seconds;
        return String.format(Locale.ROOT,
                "CPU %.2f of %d cores: app %.2f (of which JIT compiler %.2f, GC %.2f), %s %.2f, PostgreSQL %.2f, "
                        + "Elasticsearch %.2f, other %.2f; stolen by the hypervisor %.2f", total, cores, app, jit(start),
                (gcTicks - start.gcTicks) / HZ / seconds, client, clientCores, postgres, elasticsearch,
                Math.max(0, total - app - postgres - elasticsearch - clientCores - steal), steal);
    }

    /** Cores the JIT compiler threads used since the start snapshot. */
    private double jit(CpuUsage start) {
        return (jitTicks - start.jitTicks) / HZ / ((wallNanos - start.wallNanos) / 1e9);
    }

    /** CPU ticks of this JVM's JIT compiler threads and of its garbage collector's threads. */
    private static long[] vmThreadTicks() {
        long[] ticks = new long[2];
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ticks[0] += ticks(stat, false);
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        ticks[1] += ticks(stat, false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended meanwhile.
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** Busy (steal included), stolen and total ticks of all CPUs, from the first line of /proc/stat. */
    private static long[] systemTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, Long.parseLong(fields[8]), total};
        } catch (IOException e) {
            return new long[] {0, 0, 0};
        }
    }

    private static long processNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** Ticks of every postgres process (with its exited children) and of Elasticsearch's JVM. */
    private static long[] serviceTicks() {
        long[] ticks = new long[2];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(process -> {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("postgres")) {
                        ticks[0] += ticks(stat, true);
                    } else if (name.equals("java") && new String(Files.readAllBytes(process.resolve("cmdline")),
                            StandardCharsets.UTF_8).contains("org.elasticsearch.")) {
                        ticks[1] += ticks(stat, false);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process exited meanwhile.
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static long childrenTicks(Path stat) {
        try {
            String[] fields = fields(Files.readString(stat));
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime (fields 14 and 15 of proc(5)), and cutime + cstime (16 and 17) if asked. */
    private static long ticks(String stat, boolean withChildren) {
        String[] fields = fields(stat);
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** The fields after the process name: index 0 is field 3 of proc(5), the state. */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }
}
