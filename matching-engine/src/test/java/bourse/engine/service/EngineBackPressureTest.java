package bourse.engine.service;

import bourse.engine.client.SendResult;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static bourse.engine.service.EngineTestClient.BTC_USD;
import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SELLER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

class EngineBackPressureTest
{
    /**
     * The smallest terms Aeron allows, so that the windows are small: a few hundred orders' events fill
     * the event stream's, a few hundred commands the command stream's.
     */
    private static final String TERM_LENGTH = "64k";
    /** Far more than the event stream's and the command stream's windows together can hold. */
    private static final int ORDERS = 1_500;
    private static final int SOURCE_ID = 3;
    private static final long STALL_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(200);

    @TempDir
    Path data;

    private EngineService service;
    private EngineTestClient client;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(client, service);
    }

    /** Journaled, the events of each poll are held until its group commit, then refused like any others. */
    @ParameterizedTest(name = "journaled: {0}")
    @ValueSource(booleans = {false, true})
    void shouldStopTakingCommandsWhileASlowConsumerHoldsBackEventsAndLoseNoneOnceItCatchesUp(final boolean journaled)
    {
        final EngineService.Context context = EngineServiceTest.udpContext(TERM_LENGTH);
        service = EngineService.launch(journaled ? context.dataDirectory(data) : context);
        client = new EngineTestClient(service.context().aeronDirectoryName(), service.context(), SOURCE_ID, 0);
        final EventStream slowConsumer = client.subscribeToEvents();
        client.awaitConnected(slowConsumer);
        client.setUpMarket();

        // The consumer stops polling: once its window is full the engine cannot publish, keeps the rest
        // of the batch pending and stops taking commands.
        final int[] sent = {0};
        Polling.until("the engine to be held back", () ->
        {
            if (sent[0] < ORDERS && sendOrder(sent[0]) == SendResult.SENT)
            {
                sent[0]++;
            }
            return service.counters().backPressure().get() > 0;
        });
        Polling.until("the engine to stall", () ->
        {
            final long commandsTaken = service.counters().commandsIn().get();
            LockSupport.parkNanos(STALL_CHECK_NS);
            return service.counters().commandsIn().get() == commandsTaken;
        });
        // Whatever else arrives waits in the command stream: the engine takes none of it.
        final long taken = service.counters().commandsIn().get();
        for (int attempt = 0; attempt < 20 && sent[0] < ORDERS; attempt++)
        {
            if (sendOrder(sent[0]) == SendResult.SENT)
            {
                sent[0]++;
            }
        }
        LockSupport.parkNanos(STALL_CHECK_NS);
        assertThat(service.counters().commandsIn().get()).as("commands taken while the consumer does not poll")
            .isEqualTo(taken)
            .isLessThan(SET_UP_COMMANDS + ORDERS);
        if (journaled)
        {
            assertThat(service.counters().journalLag().get()).as("commands journaled whose events wait").isPositive()
                .isLessThanOrEqualTo(service.counters().inputJournalPosition().get());
        }

        // The consumer catches up; the rest of the orders go through as room appears.
        final int[] next = {sent[0]};
        Polling.until("every order to be accepted", Duration.ofSeconds(30), () ->
        {
            slowConsumer.poll();
            if (next[0] < ORDERS && sendOrder(next[0]) == SendResult.SENT)
            {
                next[0]++;
            }
            return slowConsumer.listener.count(event -> event.type().equals("OrderAccepted")) == ORDERS;
        });

        assertThat(slowConsumer.listener.events.stream().mapToLong(RecordedEvent::sequence).distinct().toArray())
            .as("every command's events, in sequence, none missing")
            .hasSize(SET_UP_COMMANDS + ORDERS)
            .isSorted()
            .startsWith(1)
            .endsWith(SET_UP_COMMANDS + ORDERS);
        Polling.until("the event counter", () ->
            service.counters().eventsOut().get() == slowConsumer.listener.events.size());
        assertThat(service.counters().journalLag().get()).as("nothing left to publish").isZero();
        assertThat(service.counters().rejects().get()).isZero();
    }

    /** Resting orders only, buys below and sells above the reference price, alternating between the accounts. */
    private SendResult sendOrder(final int index)
    {
        final boolean buy = index % 2 == 0;
        return client.proxy.newOrder(
            SET_UP_COMMANDS + index + 1L,
            buy ? BUYER : SELLER,
            BTC_USD,
            "",
            buy ? Side.BUY : Side.SELL,
            OrderType.LIMIT,
            TimeInForce.GTC,
            false,
            StpMode.ACCOUNT_DEFAULT,
            buy ? 6_390_000 : 6_410_000,
            100_000,
            0,
            0);
    }
}
