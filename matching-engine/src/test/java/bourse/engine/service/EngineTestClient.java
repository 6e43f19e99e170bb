package bourse.engine.service;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.sbe.StpMode;
import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the engine service in a test: its own Aeron client on a driver, an {@link EngineProxy}
 * on the command channel, and event streams on the event channel. Knows a small market to set up.
 */
final class EngineTestClient implements AutoCloseable
{
    static final int BTC = 1;
    static final int USD = 2;
    static final int BTC_USD = 1;
    static final long BUYER = 1;
    static final long SELLER = 2;
    static final long USD_FUNDING = 1_000_000L * 1_000_000L;
    static final long BTC_FUNDING = 100L * 100_000_000L;
    /** Commands {@link #setUpMarket()} sends. */
    static final int SET_UP_COMMANDS = 9;

    final Aeron aeron;
    final Publication commandPublication;
    final EngineProxy proxy;
    private final String eventChannel;
    private final int eventStreamId;

    EngineTestClient(final String aeronDirectoryName, final EngineService.Context service, final int sourceId,
        final long lastCorrelationId)
    {
        aeron = Aeron.connect(SmallMachineAeron.clientContext(aeronDirectoryName, service.livenessTimeoutNs()));
        commandPublication = aeron.addPublication(service.commandChannel(), service.commandStreamId());
        proxy = new EngineProxy(
            commandPublication, sourceId, lastCorrelationId, EngineProxy.DEFAULT_MAX_ATTEMPTS, new YieldingIdleStrategy());
        eventChannel = service.eventChannel();
        eventStreamId = service.eventStreamId();
    }

    EventStream subscribeToEvents()
    {
        return new EventStream(aeron.addSubscription(
            EngineChannels.eventSubscriptionChannel(eventChannel), eventStreamId));
    }

    /** Waits until the engine listens to this client's commands and every stream receives its events. */
    void awaitConnected(final EventStream... streams)
    {
        Polling.until("the engine and the event streams to connect", () ->
        {
            boolean connected = proxy.isConnected();
            for (final EventStream stream : streams)
            {
                connected &= stream.subscription.isConnected();
            }
            return connected;
        });
    }

    /** Sends a command with the next correlation id, which it returns; the send must succeed. */
    long send(final LongFunction<SendResult> command)
    {
        final long correlationId = proxy.nextCorrelationId();
        assertThat(command.apply(correlationId)).isEqualTo(SendResult.SENT);
        return correlationId;
    }

    /** BTC and USD, BTC-USD (tick 0.50, lot 0.001 BTC, band ±5 % around 64,000), two funded accounts. */
    long setUpMarket()
    {
        send(id -> proxy.addAsset(id, BTC, "BTC", 8));
        send(id -> proxy.addAsset(id, USD, "USD", 6));
        send(id -> proxy.addInstrument(
            id, BTC_USD, "BTC-USD", BTC, USD, 2, 50, 100_000, 100_000, 10_000_000_000L, 500, 100, 400, 6_400_000));
        send(id -> proxy.createAccount(id, BUYER, StpMode.CANCEL_NEWEST));
        send(id -> proxy.createAccount(id, SELLER, StpMode.CANCEL_NEWEST));
        send(id -> proxy.deposit(id, BUYER, USD, USD_FUNDING));
        send(id -> proxy.deposit(id, BUYER, BTC, BTC_FUNDING));
        send(id -> proxy.deposit(id, SELLER, USD, USD_FUNDING));
        return send(id -> proxy.deposit(id, SELLER, BTC, BTC_FUNDING));
    }

    @Override
    public void close()
    {
        CloseHelper.close(aeron);
    }
}
