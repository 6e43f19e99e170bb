package bourse.engine.service;

import bourse.engine.MatchingEngine;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.SendResult;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.NewOrderEncoder;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static bourse.engine.service.EngineTestClient.USD;
import static bourse.engine.service.EngineTestClient.USD_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EngineServiceTest
{
    private static final int SOURCE_ID = 7;
    private static final long PRICE = 6_400_000;
    private static final long QUANTITY = 1_000_000;

    private final AtomicLong clockNs = new AtomicLong(1_700_000_000_000_000_000L);
    private final ConcurrentLinkedQueue<byte[]> sequencedCommands = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private EngineService service;

    @AfterEach
    void closeEverything()
    {
        closeables.forEach(CloseHelper::quietClose);
        CloseHelper.close(service);
        assertThat(new File(service.context().aeronDirectoryName())).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "ipc"})
    void shouldSequenceEveryCommandAndPublishItsEventsToTheClient(final String transport)
    {
        launch(transport.equals("ipc") ? ipcContext() : udpContext());
        final EngineTestClient client = client(0);
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);

        client.setUpMarket();
        final long buy = client.send(id -> limitOrder(client, id, BUYER, Side.BUY));
        final long sell = client.send(id -> limitOrder(client, id, SELLER, Side.SELL));
        final RecordedEvent trade = events.await("the trade", event -> event.type().equals("Trade"));

        assertThat(trade.correlationId()).isEqualTo(sell);
        assertThat(trade.detail()).startsWith("price=" + PRICE + " quantity=" + QUANTITY);
        assertThat(events.listener.events).allSatisfy(event ->
        {
            assertThat(event.sourceId()).isEqualTo(SOURCE_ID);
            assertThat(event.sequence()).as("sequence stamped in the order sent").isEqualTo(event.correlationId());
            assertThat(event.timestampNs()).isGreaterThan(1_700_000_000_000_000_000L);
        });
        assertThat(events.listener.events.stream().mapToLong(RecordedEvent::sequence).distinct().toArray())
            .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, buy, sell);
        assertThat(events.listener.events.stream().mapToLong(RecordedEvent::timestampNs).toArray()).isSorted();
        Polling.until("the counters", () ->
            service.counters().commandsIn().get() == sell &&
            service.counters().eventsOut().get() == events.listener.events.size());
        assertThat(service.counters().rejects().get()).isZero();
        assertThat(service.counters().errors().get()).isZero();
    }

    @Test
    void shouldDeliverEveryEventToEverySubscriberOfTheMultiDestinationCast()
    {
        launch(udpContext());
        final MediaDriver otherDriver = MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("test"), true, service.context().livenessTimeoutNs()));
        final EngineTestClient gateway = client(0);
        final EngineTestClient feed = new EngineTestClient(
            otherDriver.aeronDirectoryName(), service.context(), SOURCE_ID + 1, 0);
        closeables.add(feed);
        closeables.add(otherDriver);
        final EventStream gatewayEvents = gateway.subscribeToEvents();
        final EventStream feedEvents = feed.subscribeToEvents();
        gateway.awaitConnected(gatewayEvents);
        feed.awaitConnected(feedEvents);

        gateway.setUpMarket();
        gateway.send(id -> limitOrder(gateway, id, BUYER, Side.BUY));
        final long sell = gateway.send(id -> limitOrder(gateway, id, SELLER, Side.SELL));
        gatewayEvents.await("the gateway to see the trade", event -> event.correlationId() == sell);
        feedEvents.await("the feed to see the trade", event -> event.correlationId() == sell);
        Polling.until("both to have every event", () ->
        {
            gatewayEvents.poll();
            feedEvents.poll();
            return gatewayEvents.listener.events.size() == service.counters().eventsOut().get() &&
                feedEvents.listener.events.size() == service.counters().eventsOut().get();
        });

        assertThat(feedEvents.listener.events).isEqualTo(gatewayEvents.listener.events);
    }

    @Test
    void shouldNotApplyAResendAfterTheClientReconnects()
    {
        launch(udpContext().commandLog((buffer, offset, length) ->
        {
            final byte[] command = new byte[length];
            buffer.getBytes(offset, command);
            sequencedCommands.add(command);
        }));
        final EngineTestClient before = client(0);
        final EventStream eventsBefore = before.subscribeToEvents();
        before.awaitConnected(eventsBefore);
        before.setUpMarket();
        final long deposit = before.send(id -> before.proxy.deposit(id, BUYER, USD, 500));
        final long order = before.send(id -> limitOrder(before, id, BUYER, Side.BUY));
        eventsBefore.await("the order", event -> event.correlationId() == order);
        // The connection drops before the client learns the fate of its last two commands.
        before.close();

        final EngineTestClient after = client(order);
        final EventStream eventsAfter = after.subscribeToEvents();
        after.awaitConnected(eventsAfter);
        assertThat(after.proxy.deposit(deposit, BUYER, USD, 500)).isEqualTo(SendResult.SENT);
        assertThat(limitOrder(after, order, BUYER, Side.BUY)).isEqualTo(SendResult.SENT);
        final long nextDeposit = after.send(id -> after.proxy.deposit(id, BUYER, USD, 1));
        final RecordedEvent balance = eventsAfter.await("the next deposit", event -> event.correlationId() == nextDeposit);

        assertThat(eventsAfter.listener.events.subList(0, 2))
            .extracting(RecordedEvent::type, RecordedEvent::sequence, RecordedEvent::sourceId,
                RecordedEvent::correlationId, RecordedEvent::detail)
            .containsExactly(
                tuple("CommandRejected", 0L, SOURCE_ID, deposit, RejectReason.DUPLICATE_COMMAND + " template=5"),
                tuple("CommandRejected", 0L, SOURCE_ID, order, RejectReason.DUPLICATE_COMMAND + " template=1"));
        assertThat(balance.detail()).isEqualTo("account=" + BUYER + " asset=" + USD + " total=" + (USD_FUNDING + 500 + 1) +
            " held=" + eventsBefore.listener.last("BalanceChanged").detail().replaceAll(".* held=", ""));
        assertThat(service.counters().duplicates().get()).isEqualTo(2);

        // The journal seam saw each command once, and replaying it gives exactly the events published.
        final RecordingListener replayed = new RecordingListener();
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(new EngineEventAdapter(replayed)));
        sequencedCommands.forEach(command -> engine.onCommand(new UnsafeBuffer(command), 0, command.length));
        final List<RecordedEvent> published = new ArrayList<>(eventsBefore.listener.events);
        eventsAfter.listener.events.stream().filter(event -> event.sequence() != 0).forEach(published::add);
        assertThat(sequencedCommands).hasSize(SET_UP_COMMANDS + 3);
        assertThat(replayed.events).isEqualTo(published);
    }

    @Test
    void shouldRejectMalformedFramesAndChangeNothing()
    {
        launch(udpContext());
        final EngineTestClient client = client(0);
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        client.setUpMarket();

        offerRaw(client, new UnsafeBuffer(new byte[3]));
        offerRaw(client, header(new UnsafeBuffer(new byte[20]), 12, 5, 99));
        final UnsafeBuffer unknownTemplate = header(new UnsafeBuffer(new byte[8 + 28]), 28, 77, 7);
        unknownTemplate.putInt(8 + 16, SOURCE_ID, ByteOrder.LITTLE_ENDIAN);
        unknownTemplate.putLong(8 + 20, client.proxy.nextCorrelationId(), ByteOrder.LITTLE_ENDIAN);
        offerRaw(client, unknownTemplate);
        final UnsafeBuffer truncatedOrder = header(new UnsafeBuffer(new byte[8 + 40]), NewOrderEncoder.BLOCK_LENGTH, 1, 7);
        truncatedOrder.putInt(8 + 16, SOURCE_ID, ByteOrder.LITTLE_ENDIAN);
        truncatedOrder.putLong(8 + 20, client.proxy.nextCorrelationId(), ByteOrder.LITTLE_ENDIAN);
        offerRaw(client, truncatedOrder);
        final long deposit = client.send(id -> client.proxy.deposit(id, BUYER, USD, 1));
        final RecordedEvent balance = events.await("the deposit", event -> event.correlationId() == deposit);

        assertThat(events.listener.events.stream().filter(event -> event.type().equals("CommandRejected")))
            .extracting(RecordedEvent::sequence, RecordedEvent::detail)
            .containsExactly(
                tuple(0L, "UNKNOWN_COMMAND template=0"),
                tuple(0L, "UNKNOWN_COMMAND template=5"),
                tuple(10L, "UNKNOWN_COMMAND template=77"),
                tuple(11L, "UNKNOWN_COMMAND template=1"));
        assertThat(balance.sequence()).isEqualTo(12);
        assertThat(balance.detail()).isEqualTo("account=" + BUYER + " asset=" + USD + " total=" + (USD_FUNDING + 1) + " held=0");
        Polling.until("the reject counter", () -> service.counters().rejects().get() == 4);
    }

    @Test
    void shouldShowNoJournalPositionsWithoutADataDirectory()
    {
        launch(ipcContext());
        final EngineTestClient client = client(0);
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        final long setUp = client.setUpMarket();
        events.await("the market", event -> event.correlationId() == setUp);

        assertThat(service.counters().inputJournalPosition().get()).isZero();
        assertThat(service.counters().outputJournalPosition().get()).isZero();
        assertThat(service.counters().journalLag().get()).isZero();
        assertThat(service.counters().snapshotSequence().get()).isZero();
    }

    @Test
    void shouldFailClearlyWhenNoEngineListens()
    {
        launch(udpContext());
        final EngineService.Context nowhere = new EngineService.Context()
            .commandChannel("aeron:udp?endpoint=localhost:" + FreePorts.udp() + "|term-length=1m")
            .eventChannel(service.context().eventChannel());
        final EngineTestClient client = new EngineTestClient(service.context().aeronDirectoryName(), nowhere, SOURCE_ID, 0);
        closeables.add(client);

        assertThat(limitOrder(client, client.proxy.nextCorrelationId(), BUYER, Side.BUY)).isEqualTo(SendResult.NOT_CONNECTED);
        client.commandPublication.close();
        assertThat(limitOrder(client, client.proxy.nextCorrelationId(), BUYER, Side.BUY)).isEqualTo(SendResult.CLOSED);
    }

    private void launch(final EngineService.Context context)
    {
        service = EngineService.launch(context.clock(clockNs::incrementAndGet));
    }

    private EngineTestClient client(final long lastCorrelationId)
    {
        final EngineTestClient client =
            new EngineTestClient(service.context().aeronDirectoryName(), service.context(), SOURCE_ID, lastCorrelationId);
        closeables.add(client);
        return client;
    }

    private static EngineService.Context udpContext()
    {
        return udpContext("1m");
    }

    /** The default channels' shape on free ports, with terms of {@code termLength}. */
    static EngineService.Context udpContext(final String termLength)
    {
        return new EngineService.Context()
            .commandChannel("aeron:udp?endpoint=localhost:" + FreePorts.udp() + "|term-length=" + termLength)
            .eventChannel("aeron:udp?control=localhost:" + FreePorts.udp() +
                "|control-mode=dynamic|fc=min|term-length=" + termLength);
    }

    static EngineService.Context ipcContext()
    {
        return new EngineService.Context()
            .commandChannel("aeron:ipc?term-length=1m").commandStreamId(1001)
            .eventChannel("aeron:ipc?term-length=1m").eventStreamId(1002);
    }

    private static SendResult limitOrder(final EngineTestClient client, final long correlationId, final long account, final Side side)
    {
        return client.proxy.newOrder(correlationId, account, BTC_USD, "order-" + correlationId, side, OrderType.LIMIT,
            TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT, PRICE, QUANTITY, 0, 0);
    }

    private static UnsafeBuffer header(final UnsafeBuffer frame, final int blockLength, final int templateId, final int schemaId)
    {
        frame.putShort(0, (short)blockLength, ByteOrder.LITTLE_ENDIAN);
        frame.putShort(2, (short)templateId, ByteOrder.LITTLE_ENDIAN);
        frame.putShort(4, (short)schemaId, ByteOrder.LITTLE_ENDIAN);
        assertThat(MessageHeaderEncoder.ENCODED_LENGTH).isEqualTo(8);
        return frame;
    }

    private static void offerRaw(final EngineTestClient client, final UnsafeBuffer frame)
    {
        Polling.until("the raw frame to be offered", () -> client.commandPublication.offer(frame) > 0);
    }
}
