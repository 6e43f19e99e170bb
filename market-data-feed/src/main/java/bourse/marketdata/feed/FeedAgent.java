package bourse.marketdata.feed;

import bourse.engine.EventSink;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The feed's duty cycle, on one thread: publish what waits in the outbox, take engine events (unless
 * too much waits), publish periodic checksums and the 24-hour window's roll, and the next snapshot of
 * the cycle. The clock is read once per cycle.
 *
 * <p>Back pressure (docs/market-data.md): an incremental the publication refuses stays in the outbox,
 * in order, and is offered again next cycle; while more than {@code maxPendingBytes} wait, the feed
 * takes no engine events, which holds the engine through its own {@code fc=min} event stream. Nothing
 * is dropped, except messages offered when no consumer at all is subscribed, which are counted. A
 * refused snapshot is encoded afresh and offered again next cycle.
 */
final class FeedAgent implements Agent
{
    private static final long MINUTE_NS = RollingStats.MINUTE_NS;

    private final Subscription events;
    private final FragmentAssembler assembler;
    private final int eventFragmentLimit;
    private final MarketState market;
    private final Outbox outbox;
    private final Publication incrementals;
    private final Publication snapshots;
    private final UnsafeBuffer snapshotBuffer;
    private final int snapshotDepth;
    private final long snapshotIntervalNs;
    private final long checksumIntervalNs;
    private final int maxPendingBytes;
    private final EpochNanoClock clock;
    private final FeedCounters counters;
    private final ErrorHandler errorHandler;
    private boolean paused;
    private long nextChecksumNs;
    private long nextSnapshotCycleNs;
    private int snapshotIndex = -1;
    private long snapshotSequence;
    private long lastRollMinute = Long.MIN_VALUE;
    private long lastRefusal;

    FeedAgent(
        final Subscription events,
        final EventSink engineEvents,
        final int eventFragmentLimit,
        final MarketState market,
        final Publication incrementals,
        final Publication snapshots,
        final MarketDataFeed.Context context,
        final FeedCounters counters,
        final ErrorHandler errorHandler)
    {
        this.events = events;
        this.assembler = new FragmentAssembler((buffer, offset, length, header) -> engineEvents.onEvents(buffer, offset, length));
        this.eventFragmentLimit = eventFragmentLimit;
        this.market = market;
        this.outbox = market.outbox();
        this.incrementals = incrementals;
        this.snapshots = snapshots;
        this.snapshotBuffer = new UnsafeBuffer(new byte[market.maxSnapshotLength()]);
        this.snapshotDepth = context.snapshotDepth();
        this.snapshotIntervalNs = context.snapshotIntervalNs();
        this.checksumIntervalNs = context.checksumIntervalNs();
        this.maxPendingBytes = context.maxPendingBytes();
        this.clock = context.clock();
        this.counters = counters;
        this.errorHandler = errorHandler;
    }

    @Override
    public void onStart()
    {
        final long nowNs = clock.nanoTime();
        nextChecksumNs = nowNs + checksumIntervalNs;
        nextSnapshotCycleNs = nowNs;
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = publishIncrementals();
        if (outbox.pendingBytes() < maxPendingBytes)
        {
            paused = false;
            work += events.poll(assembler, eventFragmentLimit);
        }
        else if (!paused)
        {
            paused = true;
            counters.eventStreamPauses().incrementRelease();
        }
        work += onTimers(nowNs);
        work += publishSnapshot(nowNs);
        work += publishIncrementals();
        counters.eventsIn().setRelease(market.eventsApplied());
        counters.pendingBytes().setRelease(outbox.pendingBytes());
        return work;
    }

    @Override
    public String roleName()
    {
        return "bourse-market-data-feed";
    }

    private int onTimers(final long nowNs)
    {
        int work = 0;
        if (nowNs - nextChecksumNs >= 0)
        {
            nextChecksumNs = nowNs + checksumIntervalNs;
            work += market.publishChecksums();
        }
        final long minute = Math.floorDiv(Math.max(nowNs, market.latestTimestampNs()), MINUTE_NS);
        if (minute != lastRollMinute)
        {
            lastRollMinute = minute;
            work += market.rollStatistics(nowNs);
        }
        return work;
    }

    /** Offers the outbox's messages in order until the publication refuses one. */
    private int publishIncrementals()
    {
        int published = 0;
        while (!outbox.isEmpty())
        {
            final long result = incrementals.offer(outbox.buffer(), outbox.headOffset(), outbox.headLength());
            if (result > 0)
            {
                outbox.removeHead();
                counters.incrementalsOut().incrementRelease();
                published++;
            }
            else if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                counters.backPressure().incrementRelease();
                break;
            }
            else
            {
                // No consumer at all (or a publication that is gone): nobody can miss the message.
                onRefused(result, "incremental");
                outbox.removeHead();
                counters.unsubscribed().incrementRelease();
            }
        }
        return published;
    }

    /** Offers the cycle's next snapshot, starting a cycle when one is due. */
    private int publishSnapshot(final long nowNs)
    {
        if (snapshotIndex < 0)
        {
            if (nowNs - nextSnapshotCycleNs < 0 || market.instrumentCount() == 0)
            {
                return 0;
            }
            nextSnapshotCycleNs = nowNs + snapshotIntervalNs;
            snapshotIndex = 0;
        }
        final int length = market.encodeSnapshot(snapshotIndex, snapshotBuffer, 0, snapshotSequence + 1, snapshotDepth);
        final long result = snapshots.offer(snapshotBuffer, 0, length);
        if (result > 0)
        {
            snapshotSequence++;
            counters.snapshotsOut().incrementRelease();
            if (++snapshotIndex == market.instrumentCount())
            {
                snapshotIndex = -1;
            }
            return 1;
        }
        if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
        {
            counters.backPressure().incrementRelease();
        }
        else
        {
            onRefused(result, "snapshot");
            snapshotIndex = -1;
        }
        return 0;
    }

    private void onRefused(final long result, final String stream)
    {
        if ((result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) && result != lastRefusal)
        {
            errorHandler.onError(new IllegalStateException(
                "the " + stream + " publication refuses every offer: " + Publication.errorString(result)));
        }
        lastRefusal = result;
    }
}
