package bourse.marketdata.testing;

import bourse.engine.MatchingEngine;
import bourse.engine.testing.Command;
import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EventDecoding;
import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A real matching engine whose events go straight into a feed's {@link MarketState}, in one thread, with
 * a hand-driven clock: commands are stamped with the harness's sequence and time. Keeps the engine's
 * events, and hands out the feed's incremental messages as byte arrays.
 */
public final class FeedHarness
{
    public static final int BTC = 1;
    public static final int USD = 2;
    public static final int ETH = 3;
    public static final int BTC_USD = 1;
    public static final int ETH_USD = 2;
    /** BTC-USD: cents per BTC, tick 1 USD, lot 0.01 BTC, so one tick times one lot is one cent. */
    public static final long BTC_USD_TICK = 100;
    public static final long BTC_USD_LOT = 1_000_000;
    public static final long BTC_USD_REFERENCE = 3_000_000;
    /** ETH-USD: cents per ETH, tick 0.10 USD, lot 0.1 ETH, so one tick times one lot is one cent too. */
    public static final long ETH_USD_TICK = 10;
    public static final long ETH_USD_LOT = 100_000;
    public static final long ETH_USD_REFERENCE = 200_000;
    public static final int ACCOUNTS = 4;
    public static final long START_NS = 1_767_225_600_000_000_000L;

    public final Outbox outbox = new Outbox();
    public final List<Throwable> errors = new ArrayList<>();
    public final List<EngineEvent> events = new ArrayList<>();
    public final MarketState market;
    private final MatchingEngine engine;
    private long sequence;
    private long timeNs = START_NS;

    public FeedHarness(final int maxMessageLength, final int checksumDepth)
    {
        market = new MarketState(outbox, maxMessageLength, checksumDepth, errors::add);
        engine = new MatchingEngine(new MatchingEngine.Context()
            .maxOpenOrdersPerAccount(100_000)
            .eventSink((buffer, offset, length) ->
            {
                events.addAll(EventDecoding.decode(buffer, offset, length));
                market.onEvents(buffer, offset, length);
            }));
    }

    public FeedHarness()
    {
        this(64 * 1024, 10);
    }

    /** Assets BTC (8), USD (2), ETH (6); BTC-USD and ETH-USD; accounts 1 to 4, each rich in all three. */
    public FeedHarness withVenue()
    {
        submit(Commands.addAsset().asset(BTC).code("BTC").scale(8));
        submit(Commands.addAsset().asset(USD).code("USD").scale(2));
        submit(Commands.addAsset().asset(ETH).code("ETH").scale(6));
        submit(Commands.addInstrument().instrument(BTC_USD).symbol("BTC-USD").base(BTC).quote(USD)
            .priceScale(2).tickSize(BTC_USD_TICK).lotSize(BTC_USD_LOT).minQuantity(BTC_USD_LOT)
            .maxQuantity(1_000 * BTC_USD_LOT).bandBps(1_000).makerFeePpm(1_000).takerFeePpm(2_000)
            .referencePrice(BTC_USD_REFERENCE));
        submit(Commands.addInstrument().instrument(ETH_USD).symbol("ETH-USD").base(ETH).quote(USD)
            .priceScale(2).tickSize(ETH_USD_TICK).lotSize(ETH_USD_LOT).minQuantity(ETH_USD_LOT)
            .maxQuantity(1_000 * ETH_USD_LOT).bandBps(1_000).makerFeePpm(0).takerFeePpm(0)
            .referencePrice(ETH_USD_REFERENCE));
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            submit(Commands.createAccount().account(account));
            submit(Commands.deposit().account(account).asset(BTC).amount(1_000_000_000_000L));
            submit(Commands.deposit().account(account).asset(USD).amount(1_000_000_000_000L));
            submit(Commands.deposit().account(account).asset(ETH).amount(1_000_000_000_000L));
        }
        return this;
    }

    /** Stamps the command with the next sequence and the harness's time, applies it, and returns its events. */
    public List<EngineEvent> submit(final Commands.Builder<?> command)
    {
        final int before = events.size();
        final Command built = command.timestampNs(timeNs).build(++sequence);
        engine.onCommand(built.buffer(), built.offset(), built.length());
        return List.copyOf(events.subList(before, events.size()));
    }

    /** The engine's canonical state dump (docs/rulebook.md): its books order by order, among the rest. */
    public String engineState()
    {
        return engine.dumpState();
    }

    public long timeNs()
    {
        return timeNs;
    }

    /** Moves the clock on; commands are stamped with the new time. */
    public void advance(final long nanoseconds)
    {
        timeNs += nanoseconds;
    }

    /** The trades so far. */
    public List<EngineEvent.Trade> trades()
    {
        final List<EngineEvent.Trade> trades = new ArrayList<>();
        for (final EngineEvent event : events)
        {
            if (event instanceof EngineEvent.Trade trade)
            {
                trades.add(trade);
            }
        }
        return trades;
    }

    /** Takes every message from the outbox, as copies, in order. */
    public List<byte[]> drain()
    {
        final List<byte[]> messages = new ArrayList<>();
        while (!outbox.isEmpty())
        {
            final byte[] message = new byte[outbox.headLength()];
            outbox.buffer().getBytes(outbox.headOffset(), message);
            messages.add(message);
            outbox.removeHead();
        }
        return messages;
    }

    /** The snapshot of the instrument at {@code index}, to {@code depth} levels per side, as the feed would publish it. */
    public byte[] snapshot(final int index, final long channelSequence, final int depth)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(market.maxSnapshotLength());
        final int length = market.encodeSnapshot(index, buffer, 0, channelSequence, depth);
        final byte[] snapshot = new byte[length];
        buffer.getBytes(0, snapshot);
        return snapshot;
    }
}
