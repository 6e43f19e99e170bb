package bourse.engine.service;

import bourse.engine.client.SendResult;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalReader;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: the commands of one poll reach the input journal in one commit, their events the output
 * journal in one more, and only then does any of those events leave; a poll stops early once the events
 * it holds reach the limit.
 */
class EngineGroupCommitTest
{
    private static final int SOURCE_ID = 12;
    private static final int BURST = 200;
    private static final int FRAGMENT_LIMIT = 64;

    @TempDir
    Path data;

    private final PausableClock clock = new PausableClock();
    private EngineService service;
    private EngineTestClient client;

    @AfterEach
    void close()
    {
        clock.resume();
        CloseHelper.closeAll(client, service);
    }

    @Test
    void shouldCommitEachPollOfCommandsAsOneBatchAndPublishOnlyWhatTheInputJournalHolds()
    {
        final EventStream events = startAndSendBurst(
            EngineServiceTest.ipcContext().dataDirectory(data).commandFragmentLimit(FRAGMENT_LIMIT));
        try (JournalReader input = new JournalReader(new DataDirectory(data).input()))
        {
            final long[] committedBelow = {1};
            final int[] checked = {0};
            Polling.until("every order's events, each command in the input journal when its events arrive", () ->
            {
                events.poll();
                for (; checked[0] < events.listener.events.size(); checked[0]++)
                {
                    final long sequence = events.listener.events.get(checked[0]).sequence();
                    if (sequence >= committedBelow[0])
                    {
                        committedBelow[0] = input.read(committedBelow[0], Long.MAX_VALUE, (s, t, b, o, l) -> { }).nextSequence();
                    }
                    assertThat(sequence).as("an event's command is in the input journal").isLessThan(committedBelow[0]);
                }
                return events.listener.count(event -> event.type().equals("OrderAccepted")) == BURST;
            });
        }
        CloseHelper.closeAll(client, service);
        client = null;
        service = null;

        final DataDirectory layout = new DataDirectory(data);
        final int burstPolls = (BURST + FRAGMENT_LIMIT - 1) / FRAGMENT_LIMIT;
        assertThat(documents(layout.input())).as("input journal batches").isLessThanOrEqualTo(SET_UP_COMMANDS + burstPolls);
        assertThat(documents(layout.output())).as("output journal batches").isLessThanOrEqualTo(SET_UP_COMMANDS + burstPolls);
        assertThat(entries(layout.input())).isEqualTo(SET_UP_COMMANDS + BURST);
        assertThat(entries(layout.output())).isEqualTo(SET_UP_COMMANDS + BURST);
    }

    @Test
    void shouldStopAPollOnceTheHeldEventsReachTheLimit()
    {
        final EventStream events = startAndSendBurst(
            EngineServiceTest.ipcContext().dataDirectory(data).commandFragmentLimit(FRAGMENT_LIMIT).maxHeldEventBytes(1));
        Polling.until("every order's events", () ->
        {
            events.poll();
            return events.listener.count(event -> event.type().equals("OrderAccepted")) == BURST;
        });
        CloseHelper.closeAll(client, service);
        client = null;
        service = null;

        assertThat(documents(new DataDirectory(data).input())).as("one command per poll, so one per batch")
            .isEqualTo(SET_UP_COMMANDS + BURST);
    }

    /**
     * The order of a group, whatever the log: no event leaves before the log's commit of its command has
     * returned. The log here takes its time to commit, so events published ahead of it would arrive first.
     */
    @Test
    void shouldHoldEveryEventOfAGroupUntilTheLogHasCommittedIt()
    {
        final AtomicLong committed = new AtomicLong();
        final EventStream events = startAndSendBurst(
            EngineServiceTest.ipcContext().commandFragmentLimit(FRAGMENT_LIMIT).commandLog(new SlowGroupLog(committed)));
        // Polled without pause, so that an event published during a commit would be seen during it.
        final long deadlineNs = System.nanoTime() + Polling.DEFAULT_TIMEOUT.toNanos();
        int checked = 0;
        while (events.listener.count(event -> event.type().equals("OrderAccepted")) < BURST)
        {
            assertThat(System.nanoTime() - deadlineNs).as("time left for every order's events").isNegative();
            events.poll();
            for (; checked < events.listener.events.size(); checked++)
            {
                assertThat(events.listener.events.get(checked).sequence()).isLessThanOrEqualTo(committed.get());
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Starts the service and sets up the market, then sends a burst of resting orders (buys below and
     * sells above the reference price) while the engine is paused, so that its next polls find them all.
     */
    private EventStream startAndSendBurst(final EngineService.Context context)
    {
        service = EngineService.launch(context.clock(clock));
        client = new EngineTestClient(service.context().aeronDirectoryName(), service.context(), SOURCE_ID, 0);
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        final long setUp = client.setUpMarket();
        events.await("the market", event -> event.correlationId() == setUp);

        clock.pause();
        for (int i = 0; i < BURST; i++)
        {
            final boolean buy = i % 2 == 0;
            final SendResult result = client.proxy.newOrder(client.proxy.nextCorrelationId(), buy ? BUYER : SELLER, BTC_USD,
                "", buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT,
                buy ? 6_390_000 : 6_410_000, 100_000, 0, 0);
            assertThat(result).isEqualTo(SendResult.SENT);
        }
        clock.resume();
        return events;
    }

    /** Chronicle documents in a journal: one per committed batch. */
    private static int documents(final Path journal)
    {
        int documents = 0;
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(journal.toFile()).readOnly(true).build();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        return documents;
                    }
                    documents++;
                }
            }
        }
    }

    private static long entries(final Path journal)
    {
        try (JournalReader reader = new JournalReader(journal))
        {
            return reader.read(1, Long.MAX_VALUE, (sequence, timestampNs, buffer, offset, length) -> { }).entriesRead();
        }
    }

    /** A log that groups and takes 20 ms to commit a group; says what it has committed. */
    private static final class SlowGroupLog implements CommandLog
    {
        private static final long COMMIT_NS = TimeUnit.MILLISECONDS.toNanos(20);

        private final AtomicLong committed;
        private long appended;

        SlowGroupLog(final AtomicLong committed)
        {
            this.committed = committed;
        }

        @Override
        public void onSequenced(final DirectBuffer buffer, final int offset, final int length)
        {
            appended = CommandFrames.sequence(buffer, offset);
        }

        @Override
        public boolean beginGroup()
        {
            return true;
        }

        @Override
        public void commitGroup()
        {
            if (appended > committed.get())
            {
                LockSupport.parkNanos(COMMIT_NS);
                committed.set(appended);
            }
        }
    }
}
