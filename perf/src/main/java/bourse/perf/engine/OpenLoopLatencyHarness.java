package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Offers a workload's benchmark commands at a fixed rate, open loop: command {@code i} is due at
 * {@code start + i / rate} whatever happened before it, and its latency is measured from that due time
 * to the moment the engine has handed over its events. A command that is late because earlier ones ran
 * long is charged the wait, so stalls are never hidden (no coordinated omission).
 * <p>
 * Alongside, each command's service time (from when the loop took it up to when the engine returned)
 * is recorded: the engine's own cost, without the queueing behind earlier commands or stalls of the
 * machine, so that the two can be told apart.
 */
final class OpenLoopLatencyHarness
{
    /** Any latency above this is a broken run; the histogram clamps rather than failing mid-run. */
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);
    /** Lead time so the first command is not already late when the loop starts. */
    private static final long START_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ExchangeCoreWorkload workload;

    OpenLoopLatencyHarness(final ExchangeCoreWorkload workload)
    {
        this.workload = workload;
    }

    static Histogram newHistogram()
    {
        return new Histogram(HIGHEST_TRACKABLE_NS, 3);
    }

    /**
     * Runs the benchmark commands at {@code ratePerSecond} on a fresh engine, recording each command's
     * latency from its due time into {@code latency} and its service time into {@code service}.
     */
    void run(final long ratePerSecond, final Histogram latency, final Histogram service)
    {
        final CountingEventSink sink = new CountingEventSink();
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(sink));
        workload.applySetup(engine);
        final int first = workload.setupCommandCount();
        final int end = workload.totalCommandCount();

        final long startNs = System.nanoTime() + START_DELAY_NS;
        for (int i = first; i < end; i++)
        {
            final long dueNs = startNs + (i - first) * 1_000_000_000L / ratePerSecond;
            long takenUpNs;
            while ((takenUpNs = System.nanoTime()) < dueNs)
            {
                Thread.onSpinWait();
            }
            workload.apply(engine, i);
            final long doneNs = System.nanoTime();
            latency.recordValue(Math.min(doneNs - dueNs, HIGHEST_TRACKABLE_NS));
            service.recordValue(Math.min(doneNs - takenUpNs, HIGHEST_TRACKABLE_NS));
        }

        ThroughputHarness.checkReplayed(sink, workload);
    }

    /**
     * The same open loop over as many commands with the engine call left out: what the clock, the loop
     * and the machine (descheduling, interrupts, neighbours) add on their own. A shared machine's stalls
     * show here as clearly as in the engine's run, which is how the two are told apart.
     */
    void runIdle(final long ratePerSecond, final Histogram latency)
    {
        final int commands = workload.benchmarkCommandCount();
        final long startNs = System.nanoTime() + START_DELAY_NS;
        for (int i = 0; i < commands; i++)
        {
            final long dueNs = startNs + i * 1_000_000_000L / ratePerSecond;
            while (System.nanoTime() < dueNs)
            {
                Thread.onSpinWait();
            }
            latency.recordValue(Math.min(System.nanoTime() - dueNs, HIGHEST_TRACKABLE_NS));
        }
    }
}
