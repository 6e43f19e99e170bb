package bourse.engine.service;

import bourse.engine.client.SendResult;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.InputJournal;
import bourse.engine.journal.JournalContext;
import bourse.engine.journal.JournalVerifier;
import bourse.engine.journal.RecoveryReport;
import bourse.sbe.DepositEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static bourse.engine.service.EngineTestClient.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine service with a data directory: every command is journaled before it is applied, every
 * event batch before it is published; a restarted service recovers the same state from its snapshot
 * and journal, carries on the sequence, still knows which resends it has applied, and its journals
 * replay exactly. Its counters show where the journals are.
 */
class EngineServiceRecoveryTest
{
    private static final int SOURCE_ID = 9;
    private static final int ORDERS = 45;
    private static final long UNKNOWN_ACCOUNT = 99;
    private static final int EARLY_SOURCE_ID = 10;

    @TempDir
    Path data;

    private JournaledService journaled;
    private EngineService service;
    private EngineTestClient client;

    @BeforeEach
    void create()
    {
        journaled = new JournaledService(data, SOURCE_ID);
    }

    @AfterEach
    void close()
    {
        journaled.close();
    }

    @Test
    void shouldNeverStampACommandEarlierThanTheJournalsLastEvenWhenTheClockWasSetBack()
    {
        start();
        client.setUpMarket();
        final EventStream before = journaled.connectedEvents();
        final long last = client.send(id -> client.proxy.deposit(id, BUYER, EngineTestClient.USD, 1));
        final long lastTimestampNs = before.await("the last command before the restart", event -> event.correlationId() == last)
            .timestampNs();
        journaled.close();

        journaled.setClockBack(TimeUnit.HOURS.toNanos(1));
        start();
        final EventStream after = journaled.connectedEvents();
        final long next = client.send(id -> client.proxy.deposit(id, BUYER, EngineTestClient.USD, 1));

        assertThat(after.await("the first command after", event -> event.correlationId() == next).timestampNs())
            .as("stamped no earlier than the journal's last command, though the clock is an hour behind")
            .isGreaterThanOrEqualTo(lastTimestampNs);
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
        final EventStream events = journaled.connectedEvents();
        final long marker = client.send(id -> client.proxy.deposit(id, BUYER, EngineTestClient.USD, 1));
        events.await("the last command's events", event -> event.correlationId() == marker);
        final long commandsBeforeRestart = SET_UP_COMMANDS + ORDERS + 1;
        journaled.close();

        start();
        final RecoveryReport recovery = service.recoveryReport();
        assertThat(recovery.finalSequence()).isEqualTo(commandsBeforeRestart);
        assertThat(recovery.snapshotSequence()).as("the last snapshot, taken every 10 commands").isEqualTo(50);
        assertThat(recovery.entriesReplayed()).isEqualTo(commandsBeforeRestart - 50);

        final EventStream after = journaled.connectedEvents();
        assertThat(order(lastCorrelationId, BUYER, Side.BUY, 6_400_000)).as("a resend of an applied order").isEqualTo(
            bourse.engine.client.SendResult.SENT);
        final long next = client.send(id -> client.proxy.deposit(id, SELLER, EngineTestClient.USD, 1));
        final RecordedEvent nextEvent = after.await("the next command", event -> event.correlationId() == next);
        assertThat(after.listener.events.get(0).detail()).startsWith(RejectReason.DUPLICATE_COMMAND.name());
        assertThat(nextEvent.sequence()).as("the sequence carries on").isEqualTo(commandsBeforeRestart + 1);
        journaled.close();

        final DataDirectory layout = new DataDirectory(data);
        final JournalVerifier.VerificationReport verify = JournalVerifier.verify(layout.input(), layout.output(), layout.snapshots());
        assertThat(verify.passed()).as("%s", verify).isTrue();
        assertThat(verify.batchesCompared()).isEqualTo(commandsBeforeRestart + 1);
        assertThat(verify.snapshotsChecked()).isPositive();
    }

    /**
     * The resend table comes back from the snapshot, which records it, and the journal after it: the
     * source that sent only before the snapshot is known without reading the journal before it.
     */
    @Test
    void shouldStillRejectResendsOfCommandsFromBeforeAndAfterTheSnapshotAfterARestart()
    {
        start();
        client.setUpMarket();
        final long beforeSnapshot;
        try (EngineTestClient early = new EngineTestClient(
            service.context().aeronDirectoryName(), service.context(), EARLY_SOURCE_ID, 0))
        {
            early.awaitConnected();
            beforeSnapshot = early.send(id -> early.proxy.deposit(id, BUYER, USD, 1));
        }
        final long afterSnapshot = client.send(id -> client.proxy.deposit(id, SELLER, USD, 1));
        final EventStream events = journaled.connectedEvents();
        events.await("the last command", event -> event.correlationId() == afterSnapshot);
        journaled.close();

        start();
        final RecoveryReport recovery = service.recoveryReport();
        assertThat(recovery.snapshotSequence()).as("the early source's command is in the snapshot")
            .isEqualTo(JournaledService.SNAPSHOT_EVERY).isEqualTo(SET_UP_COMMANDS + 1);
        assertThat(recovery.sequencerStateFromSnapshot()).isTrue();
        assertThat(recovery.entriesRead()).as("only the journal after the snapshot").isEqualTo(1);
        try (EngineTestClient early = new EngineTestClient(
            service.context().aeronDirectoryName(), service.context(), EARLY_SOURCE_ID, 0))
        {
            final EventStream after = journaled.connectedEvents();
            early.awaitConnected();
            assertThat(early.proxy.deposit(beforeSnapshot, BUYER, USD, 1)).isEqualTo(SendResult.SENT);
            after.await("the resend from before the snapshot", event -> event.sourceId() == EARLY_SOURCE_ID);
            assertThat(client.proxy.deposit(afterSnapshot, SELLER, USD, 1)).isEqualTo(SendResult.SENT);
            final long next = client.send(id -> client.proxy.deposit(id, SELLER, USD, 1));
            final RecordedEvent nextEvent = after.await("the next command", event -> event.correlationId() == next);

            assertThat(after.listener.events.subList(0, 2))
                .extracting(RecordedEvent::sourceId, RecordedEvent::correlationId, RecordedEvent::sequence, RecordedEvent::detail)
                .containsExactly(
                    tuple(EARLY_SOURCE_ID, beforeSnapshot, 0L, RejectReason.DUPLICATE_COMMAND + " template=5"),
                    tuple(SOURCE_ID, afterSnapshot, 0L, RejectReason.DUPLICATE_COMMAND + " template=5"));
            assertThat(nextEvent.sequence()).isEqualTo(SET_UP_COMMANDS + 3);
        }
    }

    /**
     * A crash after the input journal's commit and before the output journal's: the command was applied
     * and is durable, its events never left. The restarted service publishes them before anything else.
     */
    @Test
    void shouldPublishTheEventsOfRecoveredCommandsThatWereNeverPublishedBeforeTakingInput()
    {
        start();
        final long setUp = client.setUpMarket();
        journaled.connectedEvents().await("the market", event -> event.correlationId() == setUp);
        journaled.close();
        final long unpublished = setUp + 1;
        final long unpublishedSequence = SET_UP_COMMANDS + 1;
        final ExpandableArrayBuffer command = new ExpandableArrayBuffer();
        final DepositEncoder deposit = new DepositEncoder().wrapAndApplyHeader(command, 0, new MessageHeaderEncoder())
            .sequence(unpublishedSequence).timestampNs(1).sourceId(SOURCE_ID).correlationId(unpublished)
            .accountId(BUYER).assetId(USD).amount(7);
        try (InputJournal input = new InputJournal(new JournalContext().directory(new DataDirectory(data).input())))
        {
            input.append(command, 0, MessageHeaderEncoder.ENCODED_LENGTH + deposit.encodedLength());
        }

        start();
        // Sent before anyone listens: the engine must not take it while the recovered events wait.
        final long next = client.send(id -> client.proxy.deposit(id, BUYER, USD, 1));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(service.counters().commandsIn().get()).as("commands taken while recovered events wait").isZero();
        assertThat(service.counters().journalLag().get()).isEqualTo(1);
        final EventStream events = journaled.connectedEvents();
        final RecordedEvent nextEvent = events.await("the next command", event -> event.correlationId() == next);

        assertThat(events.listener.events.get(0))
            .extracting(RecordedEvent::type, RecordedEvent::sequence, RecordedEvent::correlationId, RecordedEvent::detail)
            .containsExactly("BalanceChanged", unpublishedSequence, unpublished,
                "account=" + BUYER + " asset=" + USD + " total=" + (EngineTestClient.USD_FUNDING + 7) + " held=0");
        assertThat(nextEvent.sequence()).isEqualTo(unpublishedSequence + 1);
        assertThat(service.counters().outputJournalPosition().get()).isEqualTo(unpublishedSequence + 1);
        journaled.close();
        final DataDirectory layout = new DataDirectory(data);
        assertThat(JournalVerifier.verify(layout.input(), layout.output(), layout.snapshots()).passed()).isTrue();
    }

    @Test
    void shouldShowJournalPositionsLastSnapshotAndRejectsByReason()
    {
        journaled.start();
        final EngineTestClient client = journaled.client;
        final EventStream events = journaled.connectedEvents();
        client.setUpMarket();
        client.send(id -> client.proxy.deposit(id, UNKNOWN_ACCOUNT, USD, 1));
        client.send(id -> client.proxy.deposit(id, UNKNOWN_ACCOUNT, USD, 1));
        final long unknownAsset = client.send(id -> client.proxy.deposit(id, BUYER, 77, 1));
        assertThat(client.proxy.deposit(unknownAsset, BUYER, 77, 1)).as("a resend").isEqualTo(SendResult.SENT);
        final long last = client.send(id -> client.proxy.deposit(id, BUYER, USD, 1));
        events.await("the last command's events", event -> event.correlationId() == last);
        final long lastSequence = SET_UP_COMMANDS + 4;

        final EngineCounters counters = journaled.service.counters();
        Polling.until("the counters", () -> counters.outputJournalPosition().get() == lastSequence);
        assertThat(counters.inputJournalPosition().get()).isEqualTo(lastSequence);
        assertThat(counters.journalLag().get()).isZero();
        assertThat(counters.snapshotSequence().get()).as("a snapshot every 10 commands").isEqualTo(JournaledService.SNAPSHOT_EVERY);
        Polling.until("the rejects", () -> counters.rejects().get() == 4);
        assertThat(rejectsByReason(client)).containsExactlyInAnyOrderEntriesOf(Map.of(
            "UNKNOWN_ACCOUNT", 2L,
            "UNKNOWN_ASSET", 1L,
            "DUPLICATE_COMMAND", 1L));
        assertThat(counters.rejects(RejectReason.UNKNOWN_ACCOUNT).get()).isEqualTo(2);
        assertThat(Arrays.stream(RejectReason.values()).filter(reason -> reason != RejectReason.NULL_VAL))
            .as("a counter for every reason, up front").hasSize(counted(client, EngineCounters.REJECTS_BY_REASON_TYPE_ID));

        journaled.close();
        journaled.start();
        final EngineCounters restarted = journaled.service.counters();
        assertThat(restarted.inputJournalPosition().get()).as("after a restart").isEqualTo(lastSequence);
        assertThat(restarted.outputJournalPosition().get()).isEqualTo(lastSequence);
        assertThat(restarted.snapshotSequence().get()).isEqualTo(JournaledService.SNAPSHOT_EVERY);
    }

    /** Reason → count of the reject counters that are not zero, read from the driver's counters by type id. */
    private static Map<String, Long> rejectsByReason(final EngineTestClient client)
    {
        final Map<String, Long> rejects = new HashMap<>();
        client.aeron.countersReader().forEach((counterId, typeId, keyBuffer, label) ->
        {
            final long value = client.aeron.countersReader().getCounterValue(counterId);
            if (typeId == EngineCounters.REJECTS_BY_REASON_TYPE_ID && value != 0)
            {
                assertThat(label).startsWith("Bourse engine: rejects ");
                rejects.put(label.substring("Bourse engine: rejects ".length()), value);
            }
        });
        return rejects;
    }

    private static int counted(final EngineTestClient client, final int typeId)
    {
        final int[] count = {0};
        client.aeron.countersReader().forEach((counterId, type, keyBuffer, label) -> count[0] += type == typeId ? 1 : 0);
        return count[0];
    }

    private void start()
    {
        journaled.start();
        service = journaled.service;
        client = journaled.client;
    }

    private bourse.engine.client.SendResult order(final long correlationId, final long account, final Side side, final long price)
    {
        return client.proxy.newOrder(correlationId, account, BTC_USD, "o-" + correlationId, side, OrderType.LIMIT,
            TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT, price, 100_000, 0, 0);
    }
}
