package bourse.marketdata;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.client.InstrumentBook;
import bourse.marketdata.client.MarketDataClient;
import bourse.marketdata.feed.InstrumentState;
import bourse.marketdata.feed.MarketDataFeed;
import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import bourse.marketdata.testing.LossyReceiver;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;

import static bourse.marketdata.testing.SameMarket.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed as it runs: a real engine service and the feed on one embedded media driver, UDP
 * multi-destination-cast for every stream, random order flow from an Aeron client. Three clients: one
 * on the same driver, one that joins mid-session, and one on a driver of its own that loses random
 * messages of the incremental stream (Aeron's loss generator, with {@code reliable=false} so that the
 * loss reaches the client). All three must end with the books a derivation of the engine's events
 * computes, each having counted exactly the messages it lost.
 */
class MarketDataFeedTest
{
    private static final long SEED = 20_261_125L;
    private static final int COMMANDS = 4_000;
    private static final int SOURCE_ID = 11;
    private static final int BTC = 1;
    private static final int USD = 2;
    private static final int ETH = 3;
    private static final int BTC_USD = 1;
    private static final int ETH_USD = 2;
    private static final int[] INSTRUMENTS = {BTC_USD, ETH_USD};
    private static final long[] REFERENCE = {0, 3_000_000, 200_000};
    private static final long[] TICK = {0, 100, 10};
    private static final long[] LOT = {0, 1_000_000, 100_000};
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private final Random random = new Random(SEED);
    private final Long2LongHashMap orderOwners = new Long2LongHashMap(0);
    private MarketState reference;
    private Subscription referenceEvents;
    private FragmentAssembler referenceHandler;
    private Aeron aeron;
    private EngineProxy proxy;
    private long lastReferenceCorrelationId;
    private long lastSentCorrelationId;

    @AfterEach
    void closeEverything()
    {
        Collections.reverse(closeables);
        closeables.forEach(CloseHelper::quietClose);
    }

    @Test
    void shouldBringClientsThatLoseMessagesOrJoinLateToTheFeedsBooks()
    {
        final String incrementalControl = "localhost:" + freeUdpPort();
        final MarketDataStreams streams = new MarketDataStreams()
            .incremental("aeron:udp?control=" + incrementalControl + "|control-mode=dynamic|fc=min|term-length=4m", 2001)
            .snapshot("aeron:udp?control=localhost:" + freeUdpPort() + "|control-mode=dynamic|term-length=4m", 2002);
        final MarketDataFeed feed = launch(new EngineService.Context()
            .commandChannel("aeron:udp?endpoint=localhost:" + freeUdpPort() + "|term-length=4m")
            .eventChannel("aeron:udp?control=localhost:" + freeUdpPort() + "|control-mode=dynamic|fc=min|term-length=4m"),
            new MarketDataFeed.Context().streams(streams));

        final MarketDataClient lossless = closing(MarketDataClient.connect(new MarketDataClient.Context()
            .aeron(aeron).streams(streams).errorHandler(errors::add)));
        final LossyReceiver loss = new LossyReceiver(streams.incrementalStreamId(), 0.05, SEED);
        final MediaDriver lossyDriver = closing(MediaDriver.launch(loss.installOn(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("lossy"), true, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS))));
        final MarketDataClient lossy = closing(MarketDataClient.connect(new MarketDataClient.Context()
            .aeronDirectoryName(lossyDriver.aeronDirectoryName())
            .streams(new MarketDataStreams()
                .incremental("aeron:udp?endpoint=localhost:0|control=" + incrementalControl +
                    "|control-mode=dynamic|reliable=false", streams.incrementalStreamId())
                .snapshot(streams.snapshotChannel(), streams.snapshotStreamId()))
            .errorHandler(errors::add)));
        final List<MarketDataClient> clients = new ArrayList<>(List.of(lossless, lossy));
        await("the clients to connect", () -> lossless.isConnected() && lossy.isConnected());

        final long setUp = setUpMarket();
        await("the market to be set up", () -> pollReference() >= 0 && lastReferenceCorrelationId == setUp &&
            poll(clients) >= 0 && lossy.incrementalsReceived() > 0);
        loss.dropping(true);
        final long startNs = System.nanoTime();
        for (int command = 1; command <= COMMANDS; command++)
        {
            sendRandomCommand();
            if (command % 16 == 0)
            {
                pollReference();
                poll(clients);
            }
            if (command == COMMANDS / 2)
            {
                clients.add(closing(MarketDataClient.connect(new MarketDataClient.Context()
                    .aeron(aeron).streams(streams).errorHandler(errors::add))));
            }
        }
        final long lastCommand = send(id -> proxy.deposit(id, 1, USD, 1));
        await("the reference to see every command", () -> pollReference() >= 0 && lastReferenceCorrelationId == lastCommand);
        loss.dropping(false);
        final MarketDataClient lateJoiner = clients.get(2);
        await("every client to hold the reference's books, and a checksum from the feed to agree", () ->
            poll(clients) >= 0 && clients.stream().allMatch(client ->
                client.isSynced() && holdsReferenceBooks(client) && client.checksumsVerified() > 0));
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

        assertThat(loss.droppedChannelSequences()).as("messages the lossy client lost").isNotEmpty();
        assertThat(lossy.missedIncrementals()).as("every lost message noticed")
            .isEqualTo(loss.droppedChannelSequences().size());
        assertThat(lossy.instrumentGaps()).isPositive();
        assertThat(lossy.snapshotsApplied()).as("recoveries from snapshots").isGreaterThan(INSTRUMENTS.length);
        assertThat(lossless.missedIncrementals()).isZero();
        assertThat(lossless.instrumentGaps()).isZero();
        assertThat(lateJoiner.snapshotsApplied()).as("a late joiner starts from snapshots").isEqualTo(INSTRUMENTS.length);
        for (final MarketDataClient client : clients)
        {
            assertThat(client.checksumMismatches()).isZero();
        }
        assertThat(feed.counters().errors().get()).isZero();
        assertThat(feed.counters().eventsIn().get()).isEqualTo(reference.eventsApplied());
        assertThat(errors).isEmpty();
        System.out.printf("%d commands in %d ms; the lossy client lost %d of %d incrementals, had %d instrument gaps and %d " +
            "snapshots applied%n", COMMANDS, elapsedMs, loss.droppedChannelSequences().size(), lossy.lastChannelSequence(),
            lossy.instrumentGaps(), lossy.snapshotsApplied());
    }

    @Test
    void shouldHoldTheEngineRatherThanDropMessagesWhenTheConsumersFallBehind()
    {
        final MarketDataStreams streams = new MarketDataStreams()
            .incremental("aeron:ipc?term-length=64k", 2001)
            .snapshot("aeron:ipc?term-length=1m", 2002);
        final MarketDataFeed feed = launch(new EngineService.Context()
            .commandChannel("aeron:ipc?term-length=4m").commandStreamId(1001)
            .eventChannel("aeron:ipc?term-length=64k").eventStreamId(1002),
            new MarketDataFeed.Context().streams(streams).maxPendingBytes(16 * 1024));
        final MarketDataClient client = closing(MarketDataClient.connect(new MarketDataClient.Context()
            .aeron(aeron).streams(streams).errorHandler(errors::add)));
        await("the client to connect", client::isConnected);
        final long setUp = setUpMarket();
        await("the market to be set up", () -> pollReference() >= 0 && lastReferenceCorrelationId == setUp &&
            client.poll() >= 0 && client.isSynced());

        // The client stops reading: the incremental stream fills, then the feed's outbox, then the feed
        // stops taking events, and the engine, whose event stream the feed no longer drains, waits.
        for (int command = 1; command <= 2_000; command++)
        {
            sendRandomCommand();
            pollReference();
        }
        await("the feed to pause the event stream", () -> pollReference() >= 0 &&
            feed.counters().eventStreamPauses().get() > 0);
        final long eventsWhilePaused = feed.counters().eventsIn().get();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(feed.counters().eventsIn().get()).as("no events taken while the outbox is full").isEqualTo(eventsWhilePaused);
        assertThat(feed.counters().backPressure().get()).isPositive();
        assertThat(lastReferenceCorrelationId).as("the engine held back, its commands waiting").isLessThan(lastSentCorrelationId);

        final long lastCommand = send(id -> proxy.deposit(id, 1, USD, 1));
        await("the client to catch up", () -> pollReference() >= 0 && client.poll() >= 0 &&
            lastReferenceCorrelationId == lastCommand && client.isSynced() && holdsReferenceBooks(client));
        assertThat(client.missedIncrementals()).as("nothing dropped").isZero();
        assertThat(client.instrumentGaps()).isZero();
        assertThat(client.snapshotsApplied()).as("the definitions only: never recovered").isEqualTo(INSTRUMENTS.length);
        assertThat(feed.counters().unsubscribed().get()).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldStartAfterTheEngineWithTheBooksOfEverythingBeforeFromItsJournal(@TempDir final Path data)
    {
        final EngineService engine = launchEngine(new EngineService.Context()
            .commandChannel("aeron:ipc?term-length=4m").commandStreamId(1001)
            .eventChannel("aeron:ipc?term-length=4m").eventStreamId(1002)
            .dataDirectory(data));
        final long setUp = setUpMarket();
        await("the market to be set up", () -> pollReference() >= 0 && lastReferenceCorrelationId == setUp);
        sendRandomCommands(COMMANDS / 2);

        final MarketDataStreams streams = new MarketDataStreams()
            .incremental("aeron:ipc?term-length=4m", 2001)
            .snapshot("aeron:ipc?term-length=4m", 2002);
        final MarketDataFeed feed = launchFeed(engine, new MarketDataFeed.Context().streams(streams).engineDataDirectory(data));
        final MarketDataClient client = closing(MarketDataClient.connect(new MarketDataClient.Context()
            .aeron(aeron).streams(streams).errorHandler(errors::add)));
        sendRandomCommands(COMMANDS / 2);
        final long lastCommand = send(id -> proxy.deposit(id, 1, USD, 1));

        await("the client to hold the reference's books, and a checksum from the feed to agree", () ->
            pollReference() >= 0 && client.poll() >= 0 && lastReferenceCorrelationId == lastCommand &&
            client.isSynced() && holdsReferenceBooks(client, false) && client.checksumsVerified() > 0);
        assertThat(feed.counters().eventsIn().get()).as("events from the journal, then live, each once")
            .isEqualTo(reference.eventsApplied());
        assertThat(client.checksumMismatches()).isZero();
        assertThat(feed.counters().errors().get()).isZero();
        assertThat(errors).isEmpty();
    }

    /** Starts an engine service on the context given, a feed on its driver, and the reference beside them. */
    private MarketDataFeed launch(final EngineService.Context engineContext, final MarketDataFeed.Context feedContext)
    {
        final EngineService engine = launchEngine(engineContext);
        final MarketDataFeed feed = launchFeed(engine, feedContext);
        await("the feed to connect", feed::isConnectedToEngine);
        return feed;
    }

    /** Starts an engine service on the context given, and the reference and the order sender beside it. */
    private EngineService launchEngine(final EngineService.Context engineContext)
    {
        final EngineService engine = closing(EngineService.launch(engineContext.errorHandler(errors::add)));
        aeron = closing(Aeron.connect(SmallMachineAeron.clientContext(
            engine.context().aeronDirectoryName(), engine.context().livenessTimeoutNs())));
        subscribeReference(aeron, engine.context());
        proxy = new EngineProxy(aeron.addPublication(engine.context().commandChannel(), engine.context().commandStreamId()),
            SOURCE_ID, 0, EngineProxy.DEFAULT_MAX_ATTEMPTS, new YieldingIdleStrategy());
        await("the reference and the proxy to connect", () -> referenceEvents.isConnected() && proxy.isConnected());
        return engine;
    }

    private MarketDataFeed launchFeed(final EngineService engine, final MarketDataFeed.Context feedContext)
    {
        return closing(MarketDataFeed.launch(feedContext
            .embeddedMediaDriver(false)
            .aeronDirectoryName(engine.context().aeronDirectoryName())
            .eventChannel(engine.context().eventChannel())
            .eventStreamId(engine.context().eventStreamId())
            .snapshotIntervalNs(TimeUnit.MILLISECONDS.toNanos(100))
            .checksumIntervalNs(TimeUnit.MILLISECONDS.toNanos(100))
            .errorHandler(errors::add)));
    }

    private void sendRandomCommands(final int count)
    {
        for (int command = 1; command <= count; command++)
        {
            sendRandomCommand();
            if (command % 16 == 0)
            {
                pollReference();
            }
        }
    }

    private boolean holdsReferenceBooks(final MarketDataClient client)
    {
        return holdsReferenceBooks(client, true);
    }

    /**
     * Whether the client's books, trades, statistics and candles are the reference's; and its instrument
     * sequences too if {@code sameSequences}. They number the feed's messages, one per batch of events
     * taken, so a feed that took history one command at a time from the journal numbers differently from a
     * reference that took the same events in the live stream's larger messages.
     */
    private boolean holdsReferenceBooks(final MarketDataClient client, final boolean sameSequences)
    {
        for (final int instrumentId : INSTRUMENTS)
        {
            final InstrumentBook book = client.book(instrumentId);
            if (book == null || !withSequence(describe(book, false), sameSequences)
                .equals(withSequence(describe(reference.instrumentById(instrumentId), false), sameSequences)))
            {
                return false;
            }
        }
        return true;
    }

    private static String withSequence(final String description, final boolean sequence)
    {
        return sequence ? description : description.replaceFirst(" seq=\\d+", "");
    }

    /** The engine's events derived once more, losslessly and on this thread: what every client must end with. */
    private void subscribeReference(final Aeron aeron, final EngineService.Context engine)
    {
        reference = new MarketState(new Outbox(), 64 * 1024, BookChecksum.DEFAULT_DEPTH, errors::add);
        final EngineEventAdapter owners = new EngineEventAdapter(new EngineEventListener()
        {
            @Override
            public void onOrderAccepted(final OrderAcceptedDecoder event)
            {
                orderOwners.put(event.orderId(), event.accountId());
            }
        });
        referenceEvents = aeron.addSubscription(
            EngineChannels.eventSubscriptionChannel(engine.eventChannel()), engine.eventStreamId());
        referenceHandler = new FragmentAssembler((buffer, offset, length, header) ->
        {
            reference.onEvents(buffer, offset, length);
            owners.onEvents(buffer, offset, length);
            // A message may hold several commands' events (group commit): the last event's is the latest.
            for (int event = offset; event < offset + length; event += 8 + (buffer.getShort(event, ByteOrder.LITTLE_ENDIAN) & 0xFFFF))
            {
                lastReferenceCorrelationId = buffer.getLong(event + 8 + 20, ByteOrder.LITTLE_ENDIAN);
            }
        });
    }

    private int pollReference()
    {
        final int fragments = referenceEvents.poll(referenceHandler, 256);
        final Outbox outbox = reference.outbox();
        while (!outbox.isEmpty())
        {
            outbox.removeHead();
        }
        return fragments;
    }

    private static int poll(final List<MarketDataClient> clients)
    {
        int work = 0;
        for (final MarketDataClient client : clients)
        {
            work += client.poll();
        }
        return work;
    }

    /** Assets, BTC-USD and ETH-USD, four rich accounts; returns the last command's correlation id. */
    private long setUpMarket()
    {
        send(id -> proxy.addAsset(id, BTC, "BTC", 8));
        send(id -> proxy.addAsset(id, USD, "USD", 2));
        send(id -> proxy.addAsset(id, ETH, "ETH", 6));
        send(id -> proxy.addInstrument(id, BTC_USD, "BTC-USD", BTC, USD, 2, TICK[BTC_USD], LOT[BTC_USD], LOT[BTC_USD],
            1_000 * LOT[BTC_USD], 1_000, 1_000, 2_000, REFERENCE[BTC_USD]));
        send(id -> proxy.addInstrument(id, ETH_USD, "ETH-USD", ETH, USD, 2, TICK[ETH_USD], LOT[ETH_USD], LOT[ETH_USD],
            1_000 * LOT[ETH_USD], 1_000, 0, 0, REFERENCE[ETH_USD]));
        for (long account = 1; account <= 4; account++)
        {
            final long accountId = account;
            send(id -> proxy.createAccount(id, accountId, StpMode.CANCEL_NEWEST));
            for (final int asset : new int[]{BTC, USD, ETH})
            {
                send(id -> proxy.deposit(id, accountId, asset, 1_000_000_000_000_000L));
            }
        }
        return send(id -> proxy.deposit(id, 1, USD, 1));
    }

    /** Mostly limit orders a few ticks either side of the reference price, with market orders, cancels and amends. */
    private void sendRandomCommand()
    {
        final int instrumentId = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
        final long account = 1 + random.nextInt(4);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int kind = random.nextInt(100);
        if (kind < 65)
        {
            final long price = REFERENCE[instrumentId] + (random.nextInt(13) - 6) * TICK[instrumentId];
            final long quantity = (1 + random.nextInt(5)) * LOT[instrumentId];
            send(id -> proxy.newOrder(id, account, instrumentId, "o" + id, side, OrderType.LIMIT, TimeInForce.GTC, false,
                StpMode.ACCOUNT_DEFAULT, price, quantity, 0, 0));
        }
        else if (kind < 75)
        {
            final long quantity = (1 + random.nextInt(8)) * LOT[instrumentId];
            send(id -> proxy.newOrder(id, account, instrumentId, "m" + id, side, OrderType.MARKET, TimeInForce.IOC, false,
                StpMode.ACCOUNT_DEFAULT, 0, quantity, 0, 0));
        }
        else
        {
            final List<long[]> orders = new ArrayList<>();
            final InstrumentState instrument = reference.instrumentById(instrumentId);
            instrument.forEachOrder((orderId, orderSide, price, visible) -> orders.add(new long[]{orderId, price}));
            if (orders.isEmpty())
            {
                return;
            }
            final long orderId = orders.get(random.nextInt(orders.size()))[0];
            final long owner = orderOwners.get(orderId);
            if (kind < 90)
            {
                send(id -> proxy.cancelOrder(id, owner, orderId, ""));
            }
            else
            {
                final long price = REFERENCE[instrumentId] + (random.nextInt(13) - 6) * TICK[instrumentId];
                send(id -> proxy.replaceOrder(id, owner, orderId, "", price, (1 + random.nextInt(5)) * LOT[instrumentId]));
            }
        }
    }

    private long send(final LongFunction<SendResult> command)
    {
        final long correlationId = proxy.nextCorrelationId();
        assertThat(command.apply(correlationId)).isEqualTo(SendResult.SENT);
        lastSentCorrelationId = correlationId;
        return correlationId;
    }

    private <T extends AutoCloseable> T closing(final T closeable)
    {
        closeables.add(closeable);
        return closeable;
    }

    /** Runs {@code step} (which polls) until it says done, parking a millisecond between tries, or fails. */
    private static void await(final String what, final BooleanSupplier step)
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (!step.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for %s", what).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("localhost")))
        {
            return socket.getLocalPort();
        }
        catch (final SocketException | UnknownHostException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
