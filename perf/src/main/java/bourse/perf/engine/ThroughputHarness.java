package bourse.perf.engine;

import bourse.engine.MatchingEngine;

/**
 * Replays a workload's benchmark commands through a fresh engine on the calling thread, as fast as it
 * goes, and measures commands per second. The setup prefix is applied first and not timed.
 */
final class ThroughputHarness
{
    private final ExchangeCoreWorkload workload;

    ThroughputHarness(final ExchangeCoreWorkload workload)
    {
        this.workload = workload;
    }

    /** One pass: commands per second. */
    double runPass()
    {
        final CountingEventSink sink = new CountingEventSink();
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(sink));
        workload.applySetup(engine);
        final int first = workload.setupCommandCount();
        final int end = workload.totalCommandCount();

        final long startNs = System.nanoTime();
        for (int i = first; i < end; i++)
        {
            workload.apply(engine, i);
        }
        final long elapsedNs = System.nanoTime() - startNs;

        checkReplayed(sink, workload);
        return (end - first) * 1e9 / elapsedNs;
    }

    /**
     * The engine is deterministic, so a replay must reject exactly what generation saw rejected; this also
     * keeps the sink's work observable.
     */
    static void checkReplayed(final CountingEventSink sink, final ExchangeCoreWorkload workload)
    {
        if (sink.batches() != workload.totalCommandCount() || sink.rejects() != workload.shape().rejects())
        {
            throw new IllegalStateException("replay diverged from generation: " + sink.batches() + " batches, " +
                sink.rejects() + " rejects; expected " + workload.totalCommandCount() + " and " + workload.shape().rejects());
        }
    }
}
