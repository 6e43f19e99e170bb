package bourse.perf.feed;

import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.client.InstrumentBook;
import bourse.marketdata.client.MarketDataClient;
import bourse.marketdata.client.MarketDataListener;
import bourse.perf.AeronWait;
import bourse.perf.OpenLoop;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Plays the engine to a market-data feed and a client of it, on the calling thread: publishes an
 * {@link EngineEventStream}'s batches on the engine's event channel, as the engine service would (one
 * message per command, every event stamped with the time it is published), and polls a
 * {@link MarketDataClient} subscribed to the feed's streams.
 * <p>
 * Open loop: batch {@code i} of a run is published when it is due on an {@link OpenLoop} schedule,
 * whatever the client has seen, and its latency runs from that due time to the client's
 * {@link MarketDataListener#onBook book update} that first shows its change: the first whose instrument
 * sequence reaches that of the batch's {@code BookUpdate}, as the capture of the stream recorded it.
 * Batches that change no book are published and not measured. Between batches the thread polls the
 * client and idles as the engine thread does (the backoff strategy: a few spins and yields, then
 * parks): on two cores a thread that is always runnable, even one that yields, takes the CPU the driver
 * and the feed need, and measured ten times their p90 here. A run fails, rather than hanging, when the
 * client sees nothing for {@code stallTimeoutNs} while batches are outstanding.
 */
final class FeedLatencyHarness implements MarketDataListener, AutoCloseable
{
    private final EngineEventStream stream;
    private final ExclusivePublication events;
    private final MarketDataClient client;
    private final long stallTimeoutNs;
    private final IdleStrategy idleStrategy = SmallMachineAeron.backoffIdleStrategy();
    private final IntSupplier pollClient = this::pollClient;
    /** The engine stamps events with epoch time: {@code nanoTime} moved to the epoch once, read without allocating. */
    private final long epochOffsetNs = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
    private UnsafeBuffer batchCopy = new UnsafeBuffer(new byte[4096]);
    private long[] publishedNs = new long[0];

    private OpenLoop schedule;
    private FeedLatency latency;
    private int runFirst;
    private int runPublished;
    private int nextUnseen;
    private long lastBookSequence;
    private long lastProgressNs;

    /**
     * Publishes on {@code eventChannel} with {@code aeron} and subscribes a client to {@code streams}
     * with it; {@code errorHandler} hears of the client's errors.
     */
    FeedLatencyHarness(
        final EngineEventStream stream,
        final Aeron aeron,
        final String eventChannel,
        final int eventStreamId,
        final MarketDataStreams streams,
        final ErrorHandler errorHandler,
        final long stallTimeoutNs)
    {
        this.stream = stream;
        this.stallTimeoutNs = stallTimeoutNs;
        events = aeron.addExclusivePublication(eventChannel, eventStreamId);
        client = MarketDataClient.connect(new MarketDataClient.Context()
            .aeron(aeron)
            .streams(streams)
            .listener(this)
            .errorHandler(errorHandler));
    }

    MarketDataClient client()
    {
        return client;
    }

    /** Waits until the feed takes the events and the client receives both of the feed's streams. */
    void awaitConnected()
    {
        AeronWait.until("the feed and the client to connect", stallTimeoutNs, () -> events.isConnected() && client.isConnected());
    }

    /** Publishes the setup prefix's batches as fast as they are taken, then waits until the client's book shows them all. */
    void publishSetup()
    {
        startRun(0, null, null);
        for (int batch = 0; batch < stream.setupBatchCount(); batch++)
        {
            publish(batch);
        }
        final long lastSetupSequence = lastBookSequence(stream.setupBatchCount());
        AeronWait.until("the client to see the setup prefix", stallTimeoutNs,
            () -> pollClient() >= 0 && lastBookSequence >= lastSetupSequence);
    }

    /**
     * Publishes batches {@code first} to {@code first + count} (benchmark batches are numbered after the
     * setup prefix) on {@code schedule}, adding each measured one's latency to {@code latency}, and
     * returns once the client has seen them all.
     */
    void run(final int first, final int count, final OpenLoop schedule, final FeedLatency latency)
    {
        if (publishedNs.length < count)
        {
            publishedNs = new long[count];
        }
        startRun(first, schedule, latency);
        schedule.start();
        for (int i = 0; i < count; i++)
        {
            schedule.awaitDue(i, pollClient, idleStrategy);
            publish(first + i);
            publishedNs[i] = System.nanoTime();
        }
        final long lastSequence = lastBookSequence(first + count);
        while (lastBookSequence < lastSequence)
        {
            idleStrategy.idle(pollClient());
        }
    }

    @Override
    public void onBook(final InstrumentBook book)
    {
        final long nowNs = System.nanoTime();
        lastBookSequence = book.instrumentSequence();
        lastProgressNs = nowNs;
        while (nextUnseen < runPublished && stream.bookSequence(nextUnseen) <= lastBookSequence)
        {
            if (latency != null && stream.bookSequence(nextUnseen) != EngineEventStream.NO_BOOK_UPDATE)
            {
                final int index = nextUnseen - runFirst;
                latency.record(schedule.dueNs(index), publishedNs[index], nowNs);
            }
            nextUnseen++;
        }
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(client, events);
    }

    private void startRun(final int first, final OpenLoop schedule, final FeedLatency latency)
    {
        this.schedule = schedule;
        this.latency = latency;
        runFirst = first;
        runPublished = first;
        nextUnseen = first;
        idleStrategy.reset();
    }

    /** The book sequence of the last batch before {@code end} that changes the book. */
    private long lastBookSequence(final int end)
    {
        for (int batch = end - 1; batch >= 0; batch--)
        {
            if (stream.bookSequence(batch) != EngineEventStream.NO_BOOK_UPDATE)
            {
                return stream.bookSequence(batch);
            }
        }
        return 0;
    }

    /** Offers a copy of the batch, stamped now, until the publication takes it, polling the client meanwhile. */
    private void publish(final int batch)
    {
        final int length = stream.length(batch);
        if (batchCopy.capacity() < length)
        {
            batchCopy = new UnsafeBuffer(new byte[Math.max(length, 2 * batchCopy.capacity())]);
        }
        batchCopy.putBytes(0, stream.buffer(), stream.offset(batch), length);
        EngineEventStream.stamp(batchCopy, 0, length, System.nanoTime() + epochOffsetNs);
        if (nextUnseen == runPublished)
        {
            lastProgressNs = System.nanoTime();
        }
        long result;
        while ((result = events.offer(batchCopy, 0, length)) < 0)
        {
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                throw new IllegalStateException("the event publication refuses: " + Publication.errorString(result));
            }
            idleStrategy.idle(pollClient());
        }
        runPublished = batch + 1;
    }

    /** Polls the client; fails when batches are outstanding and the client has seen nothing for the stall timeout. */
    private int pollClient()
    {
        final int work = client.poll();
        if (work == 0 && nextUnseen < runPublished && System.nanoTime() - lastProgressNs > stallTimeoutNs)
        {
            throw new IllegalStateException("the client's book has not moved for " +
                TimeUnit.NANOSECONDS.toSeconds(stallTimeoutNs) + " s: at instrument sequence " + lastBookSequence +
                ", waiting for batch " + nextUnseen + " (sequence " + stream.bookSequence(nextUnseen) + ")");
        }
        return work;
    }
}
