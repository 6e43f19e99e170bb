package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;

/**
 * Offers a workload's benchmark commands at a fixed rate, on an {@link OpenLoop} schedule: each
 * command's latency is measured from its due time to the moment the engine has handed over its events,
 * so a command that is late because earlier ones ran long is charged the wait.
 * <p>
 * Alongside, each command's service time (from when the loop took it up to when the engine returned)
 * is recorded: the engine's own cost, without the queueing behind earlier commands or stalls of the
 * machine, so that the two can be told apart.
 */
final class OpenLoopLatencyHarness
{
    private final ExchangeCoreWorkload workload;

    OpenLoopLatencyHarness(final ExchangeCoreWorkload workload)
    {
        this.workload = workload;
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

        final OpenLoop schedule = new OpenLoop(ratePerSecond);
        schedule.start();
        for (int i = first; i < end; i++)
        {
            final long takenUpNs = schedule.awaitDue(i - first);
            workload.apply(engine, i);
            final long doneNs = System.nanoTime();
            OpenLoop.record(latency, doneNs - schedule.dueNs(i - first));
            OpenLoop.record(service, doneNs - takenUpNs);
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
        final OpenLoop schedule = new OpenLoop(ratePerSecond);
        schedule.start();
        for (int i = 0; i < commands; i++)
        {
            schedule.awaitDue(i);
            OpenLoop.record(latency, System.nanoTime() - schedule.dueNs(i));
        }
    }
}
