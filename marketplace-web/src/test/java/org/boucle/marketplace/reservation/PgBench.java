package org.boucle.marketplace.reservation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's raw rate for a hold's conditional single-row update, measured with pgbench in a scratch database of
 * its own ({@value #DATABASE}, created here and dropped on close: never one of the app's databases). The table holds
 * {@code rows} rows with more stock than any run can take, so every transaction updates one row, as a hold does.
 */
final class PgBench implements AutoCloseable {

    static final String DATABASE = "boucle_bench_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    /** The advisory lock that keeps two benchmarks from sharing (and dropping) the scratch database. */
    private static final long GUARD = 0x626f75636c65L;

    /** What pgbench measured. */
    record Result(int clients, double tps, double latencyMs, long failed) {
    }

    private final String host;
    private final int port;
    private final String user;
    private final String executable;
    private final Path scripts;
    private final Connection guard;

    PgBench(String host, int port, String user, String executable, int rows, int stock) throws SQLException, IOException {
        this.host = host;
        this.port = port;
        this.user = user;
        this.executable = executable;
        this.guard = admin("postgres");
        try {
            try (Statement sql = guard.createStatement();
                    var locked = sql.executeQuery("select pg_try_advisory_lock(" + GUARD + ")")) {
                locked.next();
                if (!locked.getBoolean(1)) {
                    throw new IllegalStateException("Another reservation benchmark is using " + DATABASE);
                }
                // Left over by an interrupted run (the lock says none is running): this benchmark's own database.
                sql.execute("drop database if exists " + DATABASE + " with (force)");
                sql.execute("create database " + DATABASE);
            }
            try (Connection db = admin(DATABASE); Statement sql = db.createStatement()) {
                sql.execute("create table stock (id integer primary key, quantity integer not null check (quantity >= 0))");
                sql.execute("insert into stock select i, " + stock + " from generate_series(1, " + rows + ") i");
                sql.execute("vacuum analyze stock");
            }
            this.scripts = Files.createTempDirectory("pgbench-holds");
            // The very statement a hold runs on listing.quantity_available: check and decrement in one update.
            Files.writeString(scripts.resolve("hot.sql"), """
                    update stock set quantity = quantity - 1 where id = 1 and quantity >= 1;
                    """, StandardCharsets.UTF_8);
            Files.writeString(scripts.resolve("spread.sql"), """
                    \\set id random(1, %d)
                    update stock set quantity = quantity - 1 where id = :id and quantity >= 1;
                    """.formatted(rows), StandardCharsets.UTF_8);
        } catch (SQLException | IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    /** Connections PostgreSQL still accepts now (superusers included), for sizing a run without starving others. */
    int freeConnections() throws SQLException {
        try (Connection admin = admin("postgres"); Statement sql = admin.createStatement();
                var rs = sql.executeQuery("""
                        select current_setting('max_connections')::int
                               - (select count(*) from pg_stat_activity where backend_type = 'client backend')""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One pgbench run: all clients on row 1 ({@code hot}) or each transaction on a random row. */
    Result run(boolean hot, int clients, Duration duration) throws IOException, InterruptedException, SQLException {
        try (Connection db = admin(DATABASE); Statement sql = db.createStatement()) {
            // Earlier runs' dead row versions would slow this one down.
            sql.execute("vacuum stock");
        }
        // Prepared statements, as the app's JDBC driver uses from a statement's fifth execution on a connection.
        List<String> command = List.of(executable, "-h", host, "-p", Integer.toString(port), "-U", user, "-n",
                "-M", "prepared", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(2, clients)),
                "-T", Long.toString(duration.toSeconds()),
                "-f", scripts.resolve(hot ? "hot.sql" : "spread.sql").toString(), DATABASE);
        String output = ClientProcess.run(command, duration);
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        Matcher failed = FAILED.matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("Unexpected pgbench output:\n" + output);
        }
        return new Result(clients, Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
                failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }

    Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, "");
    }

    @Override
    public void close() throws SQLException, IOException {
        try (guard; Statement sql = guard.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        } finally {
            try (var files = Files.list(scripts)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scripts);
        }
    }
}
