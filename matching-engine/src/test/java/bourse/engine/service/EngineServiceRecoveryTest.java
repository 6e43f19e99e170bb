package bourse.engine.service;

import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalVerifier;
import bourse.engine.journal.RecoveryReport;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine service with a data directory: every command is journaled before it is applied, every
 * event batch before it is published; a restarted service recovers the same state from its snapshot
 * and journal, carries on the sequence, still knows which resends it has applied, and its journals
 * replay exactly.
 */
class EngineServiceRecoveryTest
{
    private static final int SOURCE_ID = 9;
    private static final int ORDERS = 45;

    @TempDir
    Path data;

    private final AtomicLong clockNs = new AtomicLong(1_700_000_000_000_000_000L);
    private EngineService service;
    private EngineTestClient client;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(client, service);
    }

    @Test
    void shouldRecoverItsStateAndCarryOnAfterARestart()
    {
        start();
        client.setUpMarket();
        long lastOrder = 0;
        for (int i = 0; i < ORDERS; i++)
        {
            final Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            final long price = 6_400_000 + (i % 5) * 50;
            lastOrder = client.send(id -> order(id, side == Side.BUY ? BUYER : SELLER, side, price));
        }
        final long lastCorrelationId = lastOrder;
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        final long marker = client.send(id -> client.proxy.deposit(id, BUYER, EngineTestClient.USD, 1));
        events.await("the last command's events", event -> event.correlationId() == marker);
        final long commandsBeforeRestart = SET_UP_COMMANDS + ORDERS + 1;
        CloseHelper.closeAll(client, service);

        start();
        final RecoveryReport recovery = service.recoveryReport();
        assertThat(recovery.finalSequence()).isEqualTo(commandsBeforeRestart);
        assertThat(recovery.snapshotSequence()).as("the last snapshot, taken every 10 commands").isEqualTo(50);
        assertThat(recovery.entriesReplayed()).isEqualTo(commandsBeforeRestart - 50);

        final EventStream after = client.subscribeToEvents();
        client.awaitConnected(after);
        assertThat(order(lastCorrelationId, BUYER, Side.BUY, 6_400_000)).as("a resend of an applied order").isEqualTo(
            bourse.engine.client.SendResult.SENT);
        final long next = client.send(id -> client.proxy.deposit(id, SELLER, EngineTestClient.USD, 1));
        final RecordedEvent nextEvent = after.await("the next command", event -> event.correlationId() == next);
        assertThat(after.listener.events.get(0).detail()).startsWith(RejectReason.DUPLICATE_COMMAND.name());
        assertThat(nextEvent.sequence()).as("the sequence carries on").isEqualTo(commandsBeforeRestart + 1);
        CloseHelper.closeAll(client, service);
        client = null;
        service = null;

        final DataDirectory layout = new DataDirectory(data);
        final JournalVerifier.VerificationReport verify = JournalVerifier.verify(layout.input(), layout.output(), layout.snapshots());
        assertThat(verify.passed()).as("%s", verify).isTrue();
        assertThat(verify.batchesCompared()).isEqualTo(commandsBeforeRestart + 1);
        assertThat(verify.snapshotsChecked()).isPositive();
    }

    private void start()
    {
        service = EngineService.launch(EngineServiceTest.udpContext("1m")
            .dataDirectory(data)
            .snapshotEveryCommands(10)
            .clock(clockNs::incrementAndGet));
        // The correlation ids carry on from the wall clock's scale, so a restarted client never reuses one.
        client = new EngineTestClient(service.context().aeronDirectoryName(), service.context(), SOURCE_ID, clockNs.get());
        client.awaitConnected();
    }

    private bourse.engine.client.SendResult order(final long correlationId, final long account, final Side side, final long price)
    {
        return client.proxy.newOrder(correlationId, account, BTC_USD, "o-" + correlationId, side, OrderType.LIMIT,
            TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT, price, 100_000, 0, 0);
    }
}
