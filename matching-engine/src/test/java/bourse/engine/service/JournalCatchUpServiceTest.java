package bourse.engine.service;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.JournalCatchUp;
import bourse.engine.journal.DataDirectory;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer that joins a running engine late (a gateway or feed started after it) sees exactly the
 * events of one that was there from the first command: history from the output journal, then the live
 * stream, with nothing twice and nothing missing, while orders keep flowing.
 */
final class JournalCatchUpServiceTest
{
    private static final int SOURCE_ID = 9;
    private static final int ORDERS_BEFORE = 300;
    private static final int ORDERS_AFTER = 300;

    @TempDir
    Path data;

    private JournaledService venue;
    private final List<AutoCloseable> lateProcess = new ArrayList<>();

    @AfterEach
    void close()
    {
        Collections.reverse(lateProcess);
        CloseHelper.closeAll(lateProcess);
        venue.close();
    }

    @Test
    void shouldGiveALateConsumerTheSameEventsAsOneThatWasThereFromTheStart()
    {
        final EventStream early = startVenueAndTrade();
        final LateConsumer late = new LateConsumer();
        late.catchUp.catchUp(late.adapter);
        final long lastCorrelationId = trade(ORDERS_AFTER, late);

        awaitBoth(early, late, lastCorrelationId);
        assertThat(late.listener.events).containsExactlyElementsOf(early.listener.events);
        assertThat(late.catchUp.eventsFromJournal()).as("commands read from the journal")
            .isGreaterThanOrEqualTo(EngineTestClient.SET_UP_COMMANDS + ORDERS_BEFORE);
    }

    @Test
    void shouldFillTheHistoryFromTheJournalWhenTheFirstLiveEventShowsAGap()
    {
        final EventStream early = startVenueAndTrade();
        final LateConsumer late = new LateConsumer();
        final long lastCorrelationId = trade(ORDERS_AFTER, late);

        awaitBoth(early, late, lastCorrelationId);
        assertThat(late.listener.events).containsExactlyElementsOf(early.listener.events);
    }

    private EventStream startVenueAndTrade()
    {
        venue = new JournaledService(data, SOURCE_ID);
        venue.start();
        final EventStream early = venue.connectedEvents();
        venue.client.setUpMarket();
        final long lastBefore = trade(ORDERS_BEFORE, null);
        early.await("the orders before the late consumer joins", event -> event.correlationId() == lastBefore);
        return early;
    }

    /** Orders that trade in pairs, the late consumer polled between them so that it joins mid-stream. */
    private long trade(final int orders, final LateConsumer late)
    {
        long correlationId = 0;
        for (int i = 0; i < orders; i++)
        {
            final long account = i % 2 == 0 ? BUYER : SELLER;
            final Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            correlationId = venue.client.send(id -> venue.client.proxy.newOrder(id, account, BTC_USD, "o-" + id, side,
                OrderType.LIMIT, TimeInForce.GTC, false, StpMode.ACCOUNT_DEFAULT, 6_400_000, 1_000, 0, 0));
            if (late != null && i % 10 == 0)
            {
                late.poll();
            }
        }
        return correlationId;
    }

    private static void awaitBoth(final EventStream early, final LateConsumer late, final long lastCorrelationId)
    {
        try
        {
            Polling.until("both consumers to see the last order", Duration.ofSeconds(30), () ->
            {
                early.poll();
                late.poll();
                return early.listener.has(event -> event.correlationId() == lastCorrelationId) &&
                    late.listener.has(event -> event.correlationId() == lastCorrelationId);
            });
        }
        catch (final AssertionError timedOut)
        {
            throw new AssertionError(timedOut.getMessage() + ": the early consumer has " + early.listener.events.size() +
                " events up to sequence " + lastSequence(early.listener) + ", the late one " + late.listener.events.size() +
                " up to " + lastSequence(late.listener) + " (" + late.catchUp.eventsFromJournal() + " commands from the journal, " +
                late.catchUp.duplicatesDropped() + " duplicates dropped; connected: early " +
                early.subscription.isConnected() + ", late " + late.subscription.isConnected() + ")", timedOut);
        }
    }

    private Aeron lateAeron()
    {
        final MediaDriver driver = MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("late"), true, venue.service.context().livenessTimeoutNs()));
        lateProcess.add(driver);
        final Aeron aeron = Aeron.connect(SmallMachineAeron.clientContext(
            driver.aeronDirectoryName(), venue.service.context().livenessTimeoutNs()));
        lateProcess.add(aeron);
        return aeron;
    }

    private static long lastSequence(final RecordingListener listener)
    {
        return listener.events.isEmpty() ? 0 : listener.events.get(listener.events.size() - 1).sequence();
    }

    /**
     * A subscription added now, as a process started late would add it (its own media driver and Aeron
     * client), its events decoded through a catch-up from the service's journal.
     */
    private final class LateConsumer
    {
        final RecordingListener listener = new RecordingListener();
        final EngineEventAdapter adapter = new EngineEventAdapter(listener);
        final JournalCatchUp catchUp = new JournalCatchUp(new DataDirectory(data).output(), adapter);
        final Subscription subscription = lateAeron().addSubscription(
            EngineChannels.eventSubscriptionChannel(venue.service.context().eventChannel()),
            venue.service.context().eventStreamId());
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
            catchUp.onEvents(buffer, offset, length));

        void poll()
        {
            subscription.poll(assembler, 100);
        }
    }
}
