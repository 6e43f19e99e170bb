package bourse.perf.aeron;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.perf.AeronWait;
import bourse.perf.BenchMarket;
import bourse.perf.NanoTimeEpochClock;
import bourse.perf.RoundTrips;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.NewOrderEncoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import bourse.sbe.TradeDecoder;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.NoOpIdleStrategy;

import java.util.function.LongFunction;

/**
 * The Bourse order round trip: a client of the engine service with its own Aeron client, sending
 * commands with an {@link EngineProxy} on the command channel and taking, from the event stream, the
 * first event that answers each command (the first with its correlation id).
 * <p>
 * {@link #setUpMarket()} adds BTC-USD and two accounts, a maker and a taker, funded for millions of
 * trades. The commands then follow a cycle of four, each answered by the engine's first event for it:
 * <ol>
 *     <li>the maker's limit order 20 ticks off the price, which rests (OrderAccepted);</li>
 *     <li>the maker cancels it by its client order id (OrderCancelled);</li>
 *     <li>the maker's limit order at the price, which rests on an empty book (OrderAccepted);</li>
 *     <li>the taker's immediate-or-cancel order that crosses it in full (OrderAccepted, then a trade).</li>
 * </ol>
 * The maker sells in one cycle and buys in the next, so balances swing back and forth and the book is
 * empty after every cycle: the run can be as long as wanted, and nothing is rejected. The cycle runs on
 * across runs.
 */
final class OrderRoundTrips implements RoundTrips, EngineEventListener, AutoCloseable
{
    static final int COMMANDS_PER_CYCLE = 4;

    private static final int SOURCE_ID = 1;
    private static final int BTC_USD = 1;
    private static final long MAKER = 1;
    private static final long TAKER = 2;
    private static final long PRICE = BenchMarket.PRICE;
    private static final long RESTING_OFFSET = 20 * BenchMarket.TICK;
    private static final int FRAGMENT_LIMIT = 256;

    private final Aeron aeron;
    private final Subscription events;
    private final EngineProxy proxy;
    private final FragmentAssembler eventAssembler = new FragmentAssembler(new EngineEventAdapter(this));
    private final StringBuilder clientOrderId = new StringBuilder(20);
    private final long stallTimeoutNs;
    private final NanoTimeEpochClock engineClock;
    private Answers answers;
    private long firstOrderCorrelationId;
    private long runFirstCorrelationId;
    private long lastCorrelationIdSent;
    private long lastCorrelationIdAnswered;
    private long rejects;
    private String firstReject;

    /**
     * A client of {@code service}, through the media driver on {@code aeronDirectoryName}.
     *
     * @param engineClock the clock the engine stamps commands with, read back to tell when it took each up.
     */
    OrderRoundTrips(
        final String aeronDirectoryName,
        final EngineService.Context service,
        final NanoTimeEpochClock engineClock,
        final long stallTimeoutNs)
    {
        this.engineClock = engineClock;
        this.stallTimeoutNs = stallTimeoutNs;
        aeron = Aeron.connect(SmallMachineAeron.clientContext(aeronDirectoryName, service.livenessTimeoutNs()));
        events = aeron.addSubscription(EngineChannels.eventSubscriptionChannel(service.eventChannel()), service.eventStreamId());
        // One attempt per send: the harness polls the events between attempts, so the engine is never stuck behind us.
        proxy = new EngineProxy(aeron.addPublication(service.commandChannel(), service.commandStreamId()),
            SOURCE_ID, 0, 1, NoOpIdleStrategy.INSTANCE);
    }

    /** Waits until the engine takes this client's commands and its events reach this client. */
    void awaitConnected()
    {
        AeronWait.until("the engine service to connect", stallTimeoutNs, () -> proxy.isConnected() && events.isConnected());
    }

    /** Sends the market's set-up commands one by one, each once the one before is answered. */
    void setUpMarket()
    {
        BenchMarket.assets(proxy).forEach(this::setUp);
        setUp(BenchMarket.instrument(proxy, BTC_USD, "BTC-USD"));
        for (final long account : new long[] {MAKER, TAKER})
        {
            BenchMarket.fundedAccount(proxy, account, StpMode.CANCEL_NEWEST).forEach(this::setUp);
        }
        firstOrderCorrelationId = lastCorrelationIdSent + 1;
    }

    /** The length of the order command the round trips are mostly made of: what the ping-pong sends. */
    static int orderMessageLength()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH;
    }

    /** Commands the engine rejected so far; the benchmark expects none. */
    long rejects()
    {
        return rejects;
    }

    /** The first reject, described, or null. */
    String firstReject()
    {
        return firstReject;
    }

    @Override
    public void startRun()
    {
        runFirstCorrelationId = lastCorrelationIdSent + 1;
    }

    @Override
    public boolean trySend(final long index)
    {
        final long correlationId = runFirstCorrelationId + index;
        final long step = correlationId - firstOrderCorrelationId;
        final boolean makerSells = (step / COMMANDS_PER_CYCLE & 1) == 0;
        final Side makerSide = makerSells ? Side.SELL : Side.BUY;
        final SendResult result = switch ((int)(step % COMMANDS_PER_CYCLE))
        {
            case 0 -> order(correlationId, MAKER, makerSide, TimeInForce.GTC, makerSells ? PRICE + RESTING_OFFSET : PRICE - RESTING_OFFSET);
            case 1 -> proxy.cancelOrder(correlationId, MAKER, 0, clientOrderId(correlationId - 1));
            case 2 -> order(correlationId, MAKER, makerSide, TimeInForce.GTC, PRICE);
            default -> order(correlationId, TAKER, makerSells ? Side.BUY : Side.SELL, TimeInForce.IOC, PRICE);
        };
        return sent(result, correlationId);
    }

    @Override
    public int poll(final Answers answers)
    {
        this.answers = answers;
        return events.poll(eventAssembler, FRAGMENT_LIMIT);
    }

    @Override
    public void close()
    {
        CloseHelper.close(aeron);
    }

    private SendResult order(
        final long correlationId, final long account, final Side side, final TimeInForce timeInForce, final long price)
    {
        return proxy.newOrder(correlationId, account, BTC_USD, clientOrderId(correlationId), side, OrderType.LIMIT,
            timeInForce, false, StpMode.ACCOUNT_DEFAULT, price, BenchMarket.QUANTITY, 0, 0);
    }

    /** Each order's client order id is the correlation id of the command that placed it. */
    private CharSequence clientOrderId(final long placedBy)
    {
        clientOrderId.setLength(0);
        return clientOrderId.append(placedBy);
    }

    private boolean sent(final SendResult result, final long correlationId)
    {
        if (result == SendResult.SENT)
        {
            lastCorrelationIdSent = correlationId;
            return true;
        }
        if (result == SendResult.BACK_PRESSURED)
        {
            return false;
        }
        throw new IllegalStateException("cannot send to the engine service: " + result);
    }

    private void setUp(final LongFunction<SendResult> command)
    {
        final long correlationId = lastCorrelationIdSent + 1;
        AeronWait.until("the engine to take a set-up command", stallTimeoutNs, () -> sent(command.apply(correlationId), correlationId));
        answers = null;
        AeronWait.until("the engine to answer a set-up command", stallTimeoutNs, () ->
        {
            events.poll(eventAssembler, FRAGMENT_LIMIT);
            return lastCorrelationIdAnswered >= correlationId;
        });
        if (rejects > 0)
        {
            throw new IllegalStateException("the engine rejected setting up the market: " + firstReject);
        }
    }

    /** The first event with a command's correlation id answers it; the event's timestamp is when the engine took it up. */
    private void onAnswer(final int sourceId, final long correlationId, final long timestampNs)
    {
        if (sourceId != SOURCE_ID || correlationId <= lastCorrelationIdAnswered)
        {
            return;
        }
        lastCorrelationIdAnswered = correlationId;
        if (answers != null && correlationId >= runFirstCorrelationId)
        {
            answers.onAnswer(correlationId - runFirstCorrelationId, engineClock.toNanoTime(timestampNs), System.nanoTime());
        }
    }

    @Override
    public void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        if (event.sourceId() == SOURCE_ID && rejects++ == 0)
        {
            firstReject = event.reason() + " of command " + event.commandTemplateId() + " (correlation id " +
                event.correlationId() + ")";
        }
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onBalanceChanged(final BalanceChangedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onBookChanged(final BookChangedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onAccountCreated(final AccountCreatedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }

    @Override
    public void onAssetAdded(final AssetAddedDecoder event)
    {
        onAnswer(event.sourceId(), event.correlationId(), event.timestampNs());
    }
}
