package bourse.marketdata.feed;

import bourse.engine.MatchingEngine;
import bourse.engine.service.SmallMachineAeron;
import bourse.engine.testing.Command;
import bourse.engine.testing.Commands;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.testing.FeedHarness;
import bourse.marketdata.testing.Messages;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's duty cycle driven by hand on a real media driver, IPC streams and a hand-driven clock:
 * what each {@code doWork} publishes, and when.
 */
class FeedAgentTest
{
    private static final long CHECKSUM_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long SNAPSHOT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(300);

    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> incrementals = new ArrayList<>();
    private final List<String> snapshots = new ArrayList<>();
    private final MarketDataStreams streams = new MarketDataStreams()
        .incremental("aeron:ipc?term-length=64k", 2001).snapshot("aeron:ipc?term-length=64k", 2002);
    private long nowNs = FeedHarness.START_NS;
    private MediaDriver driver;
    private Aeron aeron;
    private FeedCounters counters;
    private Publication events;
    private FeedAgent agent;
    private MatchingEngine engine;
    private long sequence;

    @BeforeEach
    void launch()
    {
        driver = MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("feed-agent-test"), true, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS));
        aeron = Aeron.connect(SmallMachineAeron.clientContext(driver.aeronDirectoryName(), SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS));
        counters = new FeedCounters(aeron);
        events = aeron.addExclusivePublication("aeron:ipc?term-length=64k", 1002);
        final Subscription eventSubscription = aeron.addSubscription("aeron:ipc?term-length=64k", 1002);
        final Publication incrementalPublication =
            aeron.addExclusivePublication(streams.incrementalChannel(), streams.incrementalStreamId());
        final Publication snapshotPublication = aeron.addExclusivePublication(streams.snapshotChannel(), streams.snapshotStreamId());
        final MarketDataFeed.Context context = new MarketDataFeed.Context()
            .checksumIntervalNs(CHECKSUM_INTERVAL_NS).snapshotIntervalNs(SNAPSHOT_INTERVAL_NS).clock(() -> nowNs);
        final MarketState market = new MarketState(new Outbox(), incrementalPublication.maxMessageLength(), 10, errors::add);
        agent = new FeedAgent(eventSubscription, market, 64, market, incrementalPublication, snapshotPublication, context, counters,
            errors::add);
        agent.onStart();
        engine = new MatchingEngine(new MatchingEngine.Context().eventSink((buffer, offset, length) ->
        {
            while (events.offer(buffer, offset, length) < 0)
            {
                Thread.onSpinWait();
            }
        }));
    }

    @AfterEach
    void close()
    {
        CloseHelper.quietCloseAll(counters, aeron, driver);
    }

    @Test
    void shouldDiscardIncrementalsOnlyWhileNobodyIsSubscribed()
    {
        addInstrument();
        doWork();
        assertThat(counters.unsubscribed().get()).isEqualTo(1);
        assertThat(counters.incrementalsOut().get()).isZero();

        final Subscription incremental = subscribe(streams.incrementalChannel(), streams.incrementalStreamId());
        submit(Commands.haltInstrument().instrument(FeedHarness.BTC_USD));
        doWork();

        assertThat(poll(incremental, incrementals)).isEqualTo(1);
        assertThat(incrementals).containsExactly("StatusUpdate 2/2 HALTED");
        assertThat(counters.unsubscribed().get()).isEqualTo(1);
        assertThat(counters.incrementalsOut().get()).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldCycleSnapshotsAndPublishChecksumsOnTheirIntervals()
    {
        final Subscription incremental = subscribe(streams.incrementalChannel(), streams.incrementalStreamId());
        final Subscription snapshot = subscribe(streams.snapshotChannel(), streams.snapshotStreamId());
        addInstrument();
        doWork();
        doWork();
        poll(incremental, incrementals);
        poll(snapshot, snapshots);
        assertThat(incrementals).containsExactly("InstrumentDefinition 1/1 BTC-USD scales=2,8,2 TRADING");
        assertThat(snapshots).containsExactly("InstrumentSnapshot 1/1 BTC-USD levels=0,0");

        nowNs += SNAPSHOT_INTERVAL_NS - 1;
        doWork();
        assertThat(poll(snapshot, snapshots)).as("the next cycle is not due yet").isZero();
        nowNs += 1;
        doWork();
        nowNs += CHECKSUM_INTERVAL_NS;
        doWork();
        poll(snapshot, snapshots);
        poll(incremental, incrementals);

        assertThat(snapshots).containsExactly("InstrumentSnapshot 1/1 BTC-USD levels=0,0",
            "InstrumentSnapshot 2/1 BTC-USD levels=0,0", "InstrumentSnapshot 3/1 BTC-USD levels=0,0");
        assertThat(incrementals).last().isEqualTo("BookChecksum 2/1 0 depth=10");
        assertThat(counters.snapshotsOut().get()).isEqualTo(3);
        assertThat(errors).isEmpty();
    }

    private void addInstrument()
    {
        submit(Commands.addAsset().asset(FeedHarness.BTC).code("BTC").scale(8));
        submit(Commands.addAsset().asset(FeedHarness.USD).code("USD").scale(2));
        submit(Commands.addInstrument().instrument(FeedHarness.BTC_USD).symbol("BTC-USD").base(FeedHarness.BTC)
            .quote(FeedHarness.USD).priceScale(2).tickSize(FeedHarness.BTC_USD_TICK).lotSize(FeedHarness.BTC_USD_LOT)
            .minQuantity(FeedHarness.BTC_USD_LOT).maxQuantity(100 * FeedHarness.BTC_USD_LOT).bandBps(1_000)
            .makerFeePpm(0).takerFeePpm(0).referencePrice(FeedHarness.BTC_USD_REFERENCE));
    }

    private void submit(final Commands.Builder<?> command)
    {
        final Command built = command.timestampNs(nowNs).build(++sequence);
        engine.onCommand(built.buffer(), built.offset(), built.length());
    }

    /** One duty cycle: IPC carries what was offered at once, so the feed sees the events just submitted. */
    private void doWork()
    {
        agent.doWork();
    }

    private Subscription subscribe(final String channel, final int streamId)
    {
        final Subscription subscription = aeron.addSubscription(channel, streamId);
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!subscription.isConnected() && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return subscription;
    }

    private static int poll(final Subscription subscription, final List<String> into)
    {
        return subscription.poll(new FragmentAssembler((buffer, offset, length, header) ->
        {
            final byte[] message = new byte[length];
            buffer.getBytes(offset, message);
            into.add(Messages.describe(message));
        }), 100);
    }
}
