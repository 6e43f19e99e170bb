package bourse.engine.service;

import bourse.engine.MatchingEngine;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.SendResult;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.EngineRecovery;
import bourse.engine.journal.JournalReader;
import bourse.engine.journal.JournalVerifier;
import bourse.engine.journal.RecoveredEngine;
import bourse.engine.journal.SnapshotStore;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the engine's JVM at random moments under load, then a restart on the same data
 * directory, several times over: every order acknowledged to the client before a kill exists after
 * it, once, resting as it was acknowledged; no command is applied twice; and the journals replay to
 * exactly the recorded events and state hashes, and to the state the recovered engine has.
 */
class EngineCrashRecoveryTest
{
    private static final int SOURCE_ID = 21;
    private static final int KILLS = 3;
    private static final Pattern ACCEPTED_ORDER = Pattern.compile("^order=(\\d+) ");

    @TempDir
    Path data;

    private final SplittableRandom random = new SplittableRandom(2026);
    /** Correlation id of every order the client saw accepted → its order id. */
    private final Map<Long, Long> acknowledged = new HashMap<>();
    private EngineProcess engine;
    private MediaDriver driver;
    private EngineTestClient client;
    private long lastCorrelationId = 1_000;
    private boolean lastBuy;
    private long lastPrice;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(client, driver, engine);
    }

    @Test
    void shouldKeepEveryAcknowledgedOrderThroughKillsAtRandomMoments() throws Exception
    {
        final EngineService.Context channels = EngineServiceTest.udpContext("1m");
        driver = MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("crash-client"), true, channels.livenessTimeoutNs()));

        for (int round = 0; round < KILLS; round++)
        {
            final EventStream events = startEngineAndConnect(channels);
            if (round == 0)
            {
                final long setUp = client.setUpMarket();
                events.await("the market", event -> event.correlationId() == setUp);
            }
            else
            {
                // The client never learnt whether its last order made it before the kill: it sends it
                // again, and it must be applied once, whichever it was.
                assertThat(send(lastCorrelationId, lastBuy, lastPrice)).isEqualTo(SendResult.SENT);
            }
            sendUntilKilled(events, TimeUnit.MILLISECONDS.toNanos(150 + random.nextInt(600)));
            CloseHelper.close(client);
            client = null;
        }
        // A last start recovers after the final kill; a clean stop then closes the journals.
        startEngineAndConnect(channels);
        CloseHelper.close(client);
        client = null;
        engine.stop();

        final DataDirectory layout = new DataDirectory(data);
        final JournalVerifier.VerificationReport replay = JournalVerifier.verify(layout.input(), layout.output(), layout.snapshots());
        assertThat(replay.passed()).as("%s", replay).isTrue();
        final RecoveredEngine recovered = EngineRecovery.recover(new EngineRecovery.Context()
            .engineContext(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }))
            .inputJournalDirectory(layout.input())
            .snapshotStore(new SnapshotStore(new SnapshotStore.Context().directory(layout.snapshots()))));
        assertThat(recovered.report().stateHash()).as("snapshot + journal tail = a full replay").isEqualTo(replay.stateHash());

        final Map<Long, Long> recordedAccepts = recordedAcceptedOrders(layout);
        assertThat(acknowledged).as("orders acknowledged before the kills").hasSizeGreaterThan(100 * KILLS);
        acknowledged.forEach((correlationId, orderId) ->
            assertThat(recordedAccepts).as("acknowledged order with correlation id %d", correlationId)
                .containsEntry(correlationId, orderId));
        final String state = recovered.engine().dumpState();
        acknowledged.values().forEach(orderId -> assertThat(state).as("order %d rests", orderId)
            .containsPattern("  (bid|ask) " + orderId + " "));
    }

    private EventStream startEngineAndConnect(final EngineService.Context channels) throws Exception
    {
        engine = new EngineProcess(channels, data.toString(), "50");
        engine.awaitLine("READY ");
        client = new EngineTestClient(driver.aeronDirectoryName(), channels, SOURCE_ID, lastCorrelationId);
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        return events;
    }

    /** Resting orders as fast as they go, counting each acceptance seen, until the engine is killed. */
    private void sendUntilKilled(final EventStream events, final long runNs)
    {
        final long deadlineNs = System.nanoTime() + runNs;
        int index = 0;
        while (System.nanoTime() < deadlineNs)
        {
            final boolean buy = index++ % 2 == 0;
            final long price = buy ? 6_390_000 - 50L * random.nextInt(20) : 6_410_000 + 50L * random.nextInt(20);
            if (send(lastCorrelationId + 1, buy, price) == SendResult.SENT)
            {
                lastCorrelationId++;
                lastBuy = buy;
                lastPrice = price;
            }
            events.poll();
        }
        engine.kill();
        // Whatever had left the engine before the kill still arrives; nothing after it can.
        final long drainUntilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (System.nanoTime() < drainUntilNs)
        {
            events.poll();
        }
        events.listener.events.stream()
            .filter(event -> event.type().equals("OrderAccepted"))
            .forEach(event -> acknowledged.put(event.correlationId(), orderId(event.detail())));
    }

    private SendResult send(final long correlationId, final boolean buy, final long price)
    {
        return client.proxy.newOrder(correlationId, buy ? BUYER : SELLER, BTC_USD, "", buy ? Side.BUY : Side.SELL,
            OrderType.LIMIT, TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT, price, 100_000, 0, 0);
    }

    private static Map<Long, Long> recordedAcceptedOrders(final DataDirectory layout)
    {
        final RecordingListener recorded = new RecordingListener();
        final EngineEventAdapter adapter = new EngineEventAdapter(recorded);
        try (JournalReader reader = new JournalReader(layout.output()))
        {
            reader.read(1, Long.MAX_VALUE, (sequence, timestampNs, buffer, offset, length) -> adapter.onEvents(buffer, offset, length));
        }
        final Map<Long, Long> accepted = new HashMap<>();
        recorded.events.stream().filter(event -> event.type().equals("OrderAccepted")).forEach(event ->
            assertThat(accepted.put(event.correlationId(), orderId(event.detail())))
                .as("correlation id %d accepted twice", event.correlationId()).isNull());
        return accepted;
    }

    private static long orderId(final String detail)
    {
        final Matcher matcher = ACCEPTED_ORDER.matcher(detail);
        assertThat(matcher.find()).as(detail).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
