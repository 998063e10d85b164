package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * String removal ({@link StringRemoval}) as a solver phase: independent searches from the working plan, one per
 * thread with its own seed; the best of them, if better than the working plan, is written back into it. The phase is
 * cut into {@code slices} commands, each searching for its share of the time left and writing back its best, so that
 * the solver publishes better plans as they come (live progress) and the searches restart together from the best.
 * The searches work on arrays of their own ({@link FlatPlan}, {@link FlatRoutes}) and never touch the working plan,
 * which only the solver's thread changes.
 */
final class StringRemovalPhase implements PhaseCommand<RoutePlan> {

    /** When the plan does not say how long the search may take: anneal over this, then hold the end temperature. */
    static final Duration DEFAULT_HORIZON = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;

    private final int threads;
    private final long seed;
    private final int slice;
    private final int slices;

    /** The command for slice {@code slice} (from 0) of {@code slices}; the last one runs until the phase ends. */
    StringRemovalPhase(int threads, long seed, int slice, int slices) {
        if (threads < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("at least one search thread, a slice among the slices");
        }
        this.threads = threads;
        this.seed = seed;
        this.slice = slice;
        this.slices = slices;
    }

    /** One command per slice, for a custom phase. */
    static StringRemovalPhase[] slices(int threads, long seed, int slices) {
        StringRemovalPhase[] commands = new StringRemovalPhase[slices];
        for (int i = 0; i < slices; i++) {
            commands[i] = new StringRemovalPhase(threads, seed + 1_000L * i, i, slices);
        }
        return commands;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        if (plan.visits().isEmpty() || plan.vehicleDays().isEmpty() || isPhaseTerminated.getAsBoolean()) {
            return;
        }
        FlatPlan flat = new FlatPlan(plan);
        FlatRoutes start = FlatRoutes.of(flat);
        if (start.anyBroken()) {
            // Routes that do not hold as given (not ours: the construction builds only feasible ones): local search's.
            return;
        }
        long now = System.nanoTime();
        long end = plan.searchEndNanos(DEFAULT_HORIZON);
        long stopAt = slice == slices - 1 ? Long.MAX_VALUE : now + Math.max(0, end - now) / (slices - slice);
        FlatRoutes best = search(flat, start,
                StringRemoval.Schedule.clock(plan.searchStartedNanos(), end, stopAt), isPhaseTerminated);
        if (best.objective().compareTo(start.objective()) < 0) {
            RouteConstruction.apply(scoreDirector, best.toLists());
        }
    }

    /**
     * Runs the searches, one per thread, this thread polling {@code terminated} for them; returns the best routes
     * (the lowest seed's among equals, so that searches bounded by iterations are reproducible).
     */
    FlatRoutes search(FlatPlan flat, FlatRoutes start, StringRemoval.Schedule schedule, BooleanSupplier terminated) {
        List<StringRemoval> searches = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            searches.add(new StringRemoval(flat, start, seed + i));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            StringRemoval search = searches.get(i);
            Thread worker = new Thread(() -> {
                try {
                    search.run(schedule, stop::get);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
            }, "string-removal-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    if (terminated.getAsBoolean()) {
                        stop.set(true);
                    }
                    worker.join(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            workers.forEach(StringRemovalPhase::joinQuietly);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("string removal search failed", failure.get());
        }
        FlatRoutes best = searches.get(0).best();
        for (StringRemoval search : searches) {
            if (search.best().objective().compareTo(best.objective()) < 0) {
                best = search.best();
            }
        }
        return best;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
