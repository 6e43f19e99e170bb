package bourse.perf.feed;

import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.feed.MarketDataFeed;
import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays an {@link EngineEventStream}'s benchmark batches into a fresh {@link MarketState} on the
 * calling thread as fast as they go, in the feed's own duty cycle ({@code FeedAgent}): each cycle reads
 * the clock once, publishes what waits in the outbox, takes up to the feed's fragment limit of batches
 * unless too many bytes wait, publishes the book checksums and encodes the next snapshot when their
 * intervals come round, and publishes again. Where the outbox's messages go is an
 * {@link IncrementalSink}'s business: nowhere (derivation and encoding alone) or an Aeron publication.
 * The setup prefix is applied first and not timed.
 */
final class FeedThroughputHarness
{
    private final EngineEventStream stream;
    private final MarketDataFeed.Context feed;
    private final int maxMessageLength;
    private final IdleStrategy idleStrategy = SmallMachineAeron.backoffIdleStrategy();
    private final List<Throwable> errors = new ArrayList<>();
    private UnsafeBuffer snapshot = new UnsafeBuffer(new byte[0]);

    /**
     * @param feed             the feed's configuration, for its fragment limit, intervals, depths and outbox bound.
     * @param maxMessageLength the longest message the streams carry, as the feed would have it from its publications.
     */
    FeedThroughputHarness(final EngineEventStream stream, final MarketDataFeed.Context feed, final int maxMessageLength)
    {
        this.stream = stream;
        this.feed = feed;
        this.maxMessageLength = maxMessageLength;
    }

    /** One pass into {@code sink}: engine events per second, counting every SBE event of the benchmark batches. */
    double runPass(final IncrementalSink sink)
    {
        final MarketState market = new MarketState(new Outbox(), maxMessageLength, feed.checksumDepth(), errors::add);
        final Outbox outbox = market.outbox();
        for (int batch = 0; batch < stream.setupBatchCount(); batch++)
        {
            market.onEvents(stream.buffer(), stream.offset(batch), stream.length(batch));
        }
        while (!outbox.isEmpty())
        {
            outbox.removeHead();
        }
        if (snapshot.capacity() < market.maxSnapshotLength())
        {
            snapshot = new UnsafeBuffer(new byte[market.maxSnapshotLength()]);
        }
        final long appliedBefore = market.eventsApplied();
        final long sequenceBefore = market.lastChannelSequence();
        sink.startPass();

        final long startNs = System.nanoTime();
        long nextChecksumNs = startNs + feed.checksumIntervalNs();
        long nextSnapshotNs = startNs;
        long snapshots = 0;
        int batch = stream.setupBatchCount();
        final int end = stream.totalBatchCount();
        idleStrategy.reset();
        while (batch < end || !outbox.isEmpty())
        {
            final long nowNs = System.nanoTime();
            int work = sink.publish(outbox);
            if (outbox.pendingBytes() < feed.maxPendingBytes())
            {
                final int cycleEnd = Math.min(end, batch + feed.eventFragmentLimit());
                work += cycleEnd - batch;
                for (; batch < cycleEnd; batch++)
                {
                    market.onEvents(stream.buffer(), stream.offset(batch), stream.length(batch));
                }
            }
            if (nowNs - nextChecksumNs >= 0)
            {
                nextChecksumNs = nowNs + feed.checksumIntervalNs();
                work += market.publishChecksums();
            }
            if (nowNs - nextSnapshotNs >= 0)
            {
                nextSnapshotNs = nowNs + feed.snapshotIntervalNs();
                market.encodeSnapshot(0, snapshot, 0, ++snapshots, feed.snapshotDepth());
                work++;
            }
            work += sink.publish(outbox);
            idleStrategy.idle(work);
        }
        sink.awaitConsumed(market.lastChannelSequence() - sequenceBefore);
        final long elapsedNs = System.nanoTime() - startNs;

        checkDerived(market, appliedBefore);
        return stream.benchmarkTotals().events() * 1e9 / elapsedNs;
    }

    /** The feed must have applied exactly the events the capture saw applied, and nothing may have failed. */
    private void checkDerived(final MarketState market, final long appliedBefore)
    {
        if (!errors.isEmpty())
        {
            throw new IllegalStateException("the feed could not apply the engine's events: " + errors.get(0), errors.get(0));
        }
        final long applied = market.eventsApplied() - appliedBefore;
        if (applied != stream.benchmarkTotals().appliedEvents())
        {
            throw new IllegalStateException("replay diverged from the capture: the feed applied " + applied +
                " events, expected " + stream.benchmarkTotals().appliedEvents());
        }
    }

    /** Where a pass's incremental messages go. */
    interface IncrementalSink
    {
        /** A pass starts: counts start again. */
        void startPass();

        /** Takes messages from the outbox's head, in order, until it is empty or the way out refuses; returns how many. */
        int publish(Outbox outbox);

        /** Waits until the {@code messages} taken in this pass have reached their consumer. */
        void awaitConsumed(long messages);
    }

    /** Takes every message and drops it, as if every offer succeeded at no cost: the feed's own work alone. */
    static final class Discarding implements IncrementalSink
    {
        @Override
        public void startPass()
        {
        }

        @Override
        public int publish(final Outbox outbox)
        {
            int taken = 0;
            while (!outbox.isEmpty())
            {
                outbox.removeHead();
                taken++;
            }
            return taken;
        }

        @Override
        public void awaitConsumed(final long messages)
        {
        }
    }
}
