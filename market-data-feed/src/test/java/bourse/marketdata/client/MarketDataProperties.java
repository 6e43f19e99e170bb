package bourse.marketdata.client;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.marketdata.BookLevels;
import bourse.marketdata.Candle;
import bourse.marketdata.Instrument;
import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;
import bourse.marketdata.Volumes;
import bourse.marketdata.feed.InstrumentState;
import bourse.marketdata.testing.FeedHarness;
import bourse.sbe.CandleInterval;
import bourse.sbe.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static bourse.marketdata.testing.FeedHarness.BTC_USD;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_LOT;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_REFERENCE;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_TICK;
import static bourse.marketdata.testing.FeedHarness.ETH_USD;
import static bourse.marketdata.testing.FeedHarness.ETH_USD_LOT;
import static bourse.marketdata.testing.FeedHarness.ETH_USD_REFERENCE;
import static bourse.marketdata.testing.FeedHarness.ETH_USD_TICK;
import static bourse.marketdata.testing.SameMarket.assertSame;
import static bourse.marketdata.testing.SameMarket.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's market against plain recomputations, over random streams of engine commands applied by a
 * real matching engine (limits and icebergs near the touch, market orders, cancels and amends of live
 * orders, halts, time jumping by milliseconds to days): after every command the feed's orders (L3) are
 * the engine's own, its levels (L2) are those orders aggregated by price, its best levels (L1) are the
 * best prices; every candle and ticker a client hears equals one recomputed from the trades so far; and
 * a client that loses random messages on the way, given snapshots at random moments, ends with the
 * feed's books, having counted every message it lost.
 */
class MarketDataProperties
{
    private static final int[] INSTRUMENTS = {BTC_USD, ETH_USD};
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final int WINDOW_MINUTES = 1_440;

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void derivedBooksCandlesAndStatisticsShouldEqualRecomputations(@ForAll("actions") final List<Action> actions)
    {
        final Run run = new Run(0, new Random(0));
        for (final Action action : actions)
        {
            run.apply(action);
            for (final int instrumentId : INSTRUMENTS)
            {
                final InstrumentState instrument = run.venue.market.instrumentById(instrumentId);
                assertThat(orders(instrument)).as("L3 of %s after %s", instrument.symbol(), action)
                    .isEqualTo(run.engineOrders(instrumentId));
                assertThat(levels(instrument.bids())).as("bids of %s after %s", instrument.symbol(), action)
                    .isEqualTo(aggregate(instrument, Side.BUY));
                assertThat(levels(instrument.asks())).as("asks of %s after %s", instrument.symbol(), action)
                    .isEqualTo(aggregate(instrument, Side.SELL));
                assertTopOfBook(instrument);
                assertThat(describe(instrument.ticker().window())).as("24 h window of %s", instrument.symbol())
                    .isEqualTo(describe(run.expectedWindow(instrumentId)));
            }
            run.deliverAll();
        }
        for (final int instrumentId : INSTRUMENTS)
        {
            assertSame(run.client.book(instrumentId), run.venue.market.instrumentById(instrumentId));
        }
        assertThat(run.venue.errors).isEmpty();
        assertThat(run.errors).isEmpty();
        Statistics.label("trades").collect(run.venue.trades().size() / 20 * 20 + "+");
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aClientLosingMessagesShouldDetectEveryLossAndEndWithTheFeedsBooks(
        @ForAll("actions") final List<Action> actions,
        @ForAll @DoubleRange(min = 0.0, max = 0.3) final double lossRate,
        @ForAll final long seed)
    {
        final Run run = new Run(lossRate, new Random(seed));
        for (final Action action : actions)
        {
            run.apply(action);
            run.deliverLossily();
        }
        run.venue.market.publishChecksums();
        run.deliverAll();
        for (int index = 0; index < run.venue.market.instrumentCount(); index++)
        {
            run.deliverSnapshot(run.venue.snapshot(index, ++run.snapshotSequence, 1_000));
        }
        run.client.dispatch();

        assertThat(run.client.missedIncrementals()).as("messages lost, every one noticed").isEqualTo(run.lost);
        assertThat(run.client.checksumMismatches()).isZero();
        assertThat(run.client.isSynced()).isTrue();
        for (final int instrumentId : INSTRUMENTS)
        {
            assertSame(run.client.book(instrumentId), run.venue.market.instrumentById(instrumentId));
        }
        assertThat(run.errors).isEmpty();
        Statistics.label("lost").collect(run.lost == 0 ? "none" : run.lost < 10 ? "1-9" : "10+");
        Statistics.label("recoveries").collect(run.client.instrumentGaps() == 0 ? "none" : "some");
    }

    // ---------------------------------------------------------------- the commands

    sealed interface Action
    {
        void applyTo(Run run);

        record Limit(int instrumentId, long account, Side side, int ticks, int lots, boolean iceberg) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                final long lot = lot(instrumentId);
                final Commands.NewOrder order = Commands.newOrder().account(account).instrument(instrumentId).side(side)
                    .limit(reference(instrumentId) + ticks * tick(instrumentId)).quantity(lots * lot).gtc();
                run.venue.submit(iceberg && lots > 1 ? order.display(lot) : order);
            }
        }

        record Market(int instrumentId, long account, Side side, int lots) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.submit(Commands.newOrder().account(account).instrument(instrumentId).side(side).market()
                    .quantity(lots * lot(instrumentId)));
            }
        }

        record Cancel(int pick) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                final long orderId = run.pickOrder(pick);
                if (orderId != 0)
                {
                    run.venue.submit(Commands.cancelOrder().account(run.owners.get(orderId)).orderId(orderId));
                }
            }
        }

        record Amend(int pick, int ticks, int lots) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                final long orderId = run.pickOrder(pick);
                if (orderId != 0)
                {
                    final int instrumentId = run.instrumentOf(orderId);
                    run.venue.submit(Commands.replaceOrder().account(run.owners.get(orderId)).orderId(orderId)
                        .price(reference(instrumentId) + ticks * tick(instrumentId)).quantity(lots * lot(instrumentId)));
                }
            }
        }

        record Advance(long nanoseconds) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.advance(nanoseconds);
            }
        }

        record Halt(int instrumentId, boolean cancelOrders) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.submit(cancelOrders ? Commands.haltInstrument().instrument(instrumentId).cancelOrders() :
                    Commands.haltInstrument().instrument(instrumentId));
            }
        }

        record Resume(int instrumentId) implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.submit(Commands.resumeInstrument().instrument(instrumentId));
            }
        }

        record Roll() implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.market.rollStatistics(run.venue.timeNs());
                for (final int instrumentId : INSTRUMENTS)
                {
                    run.lastRollNs.put(instrumentId, run.venue.timeNs());
                }
            }
        }

        record Checksums() implements Action
        {
            @Override
            public void applyTo(final Run run)
            {
                run.venue.market.publishChecksums();
            }
        }
    }

    @Provide
    Arbitrary<List<Action>> actions()
    {
        final Arbitrary<Integer> instrument = Arbitraries.of(BTC_USD, ETH_USD);
        final Arbitrary<Long> account = Arbitraries.longs().between(1, FeedHarness.ACCOUNTS);
        final Arbitrary<Side> side = Arbitraries.of(Side.BUY, Side.SELL);
        final Arbitrary<Action> limit = Combinators.combine(instrument, account, side,
            Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 6),
            Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
            .as(Action.Limit::new);
        final Arbitrary<Action> market = Combinators.combine(instrument, account, side, Arbitraries.integers().between(1, 8))
            .as(Action.Market::new);
        final Arbitrary<Action> cancel = Arbitraries.integers().between(0, 1_000).map(Action.Cancel::new);
        final Arbitrary<Action> amend = Combinators.combine(Arbitraries.integers().between(0, 1_000),
            Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 6)).as(Action.Amend::new);
        final Arbitrary<Action> advance = Arbitraries.of(0L, 1_000_000L, 700_000_000L, 10_000_000_000L, 61_000_000_000L,
            7 * MINUTE_NS, 2 * 60 * MINUTE_NS, 23 * 60 * MINUTE_NS, 25 * 60 * MINUTE_NS).map(Action.Advance::new);
        final Arbitrary<Action> halt = Combinators.combine(instrument, Arbitraries.of(true, false)).as(Action.Halt::new);
        final Arbitrary<Action> resume = instrument.map(Action.Resume::new);
        return Arbitraries.frequencyOf(
            Tuple.of(40, limit),
            Tuple.of(8, market),
            Tuple.of(10, cancel),
            Tuple.of(8, amend),
            Tuple.of(12, advance),
            Tuple.of(1, halt),
            Tuple.of(4, resume),
            Tuple.of(3, Arbitraries.just(new Action.Roll())),
            Tuple.of(3, Arbitraries.just(new Action.Checksums())))
            .list().ofMinSize(20).ofMaxSize(300);
    }

    /** One stream: the venue, a client and the trades so far, with the gaps a lossy delivery caused. */
    static final class Run
    {
        final FeedHarness venue = new FeedHarness().withVenue();
        final List<Throwable> errors = new ArrayList<>();
        final LocalMarket client;
        final double lossRate;
        final Random random;
        final Map<Long, Long> owners = new HashMap<>();
        final Map<Integer, Long> lastRollNs = new HashMap<>();
        final Deque<byte[]> snapshotsInFlight = new ArrayDeque<>();
        long lost;
        long snapshotSequence;

        /** A client that hears every message at once (loss rate 0) checks each candle and ticker it hears. */
        Run(final double lossRate, final Random random)
        {
            this.lossRate = lossRate;
            this.random = random;
            final MarketDataListener listener = lossRate == 0 ? new CheckingListener(this) : new MarketDataListener()
            {
            };
            client = new LocalMarket(listener, errors::add, 1024 * 1024);
        }

        void apply(final Action action)
        {
            final int before = venue.events.size();
            action.applyTo(this);
            for (final EngineEvent event : venue.events.subList(before, venue.events.size()))
            {
                if (event instanceof EngineEvent.OrderAccepted accepted)
                {
                    owners.put(accepted.orderId(), accepted.accountId());
                }
            }
        }

        void deliverAll()
        {
            for (final byte[] message : venue.drain())
            {
                client.onIncremental(new UnsafeBuffer(message), 0, message.length, 1);
            }
            client.dispatch();
        }

        /** Loses each message with the loss rate; snapshots are taken now and then and arrive a little later. */
        void deliverLossily()
        {
            for (final byte[] message : venue.drain())
            {
                if (random.nextDouble() < lossRate)
                {
                    // What is lost before the first message the client receives is a late start, not a gap.
                    lost += client.incrementalsReceived() > 0 ? 1 : 0;
                }
                else
                {
                    client.onIncremental(new UnsafeBuffer(message), 0, message.length, 1);
                }
                if (!snapshotsInFlight.isEmpty() && random.nextInt(4) == 0)
                {
                    deliverSnapshot(snapshotsInFlight.poll());
                }
            }
            if (random.nextInt(5) == 0)
            {
                snapshotsInFlight.add(venue.snapshot(random.nextInt(venue.market.instrumentCount()), ++snapshotSequence, 1_000));
            }
            client.dispatch();
        }

        void deliverSnapshot(final byte[] snapshot)
        {
            client.onSnapshot(new UnsafeBuffer(snapshot), 0, snapshot.length, 2);
        }

        /** A live order of either instrument, chosen by {@code pick}; 0 when none rests. */
        long pickOrder(final int pick)
        {
            final List<Long> orders = new ArrayList<>();
            for (final int instrumentId : INSTRUMENTS)
            {
                venue.market.instrumentById(instrumentId).forEachOrder((orderId, side, price, visible) -> orders.add(orderId));
            }
            return orders.isEmpty() ? 0 : orders.get(pick % orders.size());
        }

        int instrumentOf(final long orderId)
        {
            final List<Long> btc = new ArrayList<>();
            venue.market.instrumentById(BTC_USD).forEachOrder((id, side, price, visible) -> btc.add(id));
            return btc.contains(orderId) ? BTC_USD : ETH_USD;
        }

        /** The orders of an instrument as the engine's state dump lists them: bids then asks, in priority. */
        List<String> engineOrders(final int instrumentId)
        {
            final List<String> orders = new ArrayList<>();
            boolean inInstrument = false;
            for (final String line : venue.engineState().split("\n"))
            {
                if (!line.startsWith("  "))
                {
                    inInstrument = line.startsWith("instrument " + instrumentId + " ");
                }
                else if (inInstrument && (line.startsWith("  bid ") || line.startsWith("  ask ")))
                {
                    final String[] fields = line.trim().split(" ");
                    orders.add((fields[0].equals("bid") ? Side.BUY : Side.SELL) + " " + fields[1] + " " +
                        value(fields, "price") + " " + value(fields, "visible"));
                }
            }
            return orders;
        }

        /** The 24 h window recomputed from the trades: minutes of trade time up to the latest trade or roll. */
        Ohlcv expectedWindow(final int instrumentId)
        {
            final List<EngineEvent.Trade> trades = trades(instrumentId);
            final Ohlcv window = new Ohlcv();
            if (trades.isEmpty())
            {
                return window;
            }
            final long endNs = Math.max(trades.get(trades.size() - 1).timestampNs(), lastRollNs.getOrDefault(instrumentId, 0L));
            final long firstMinute = Math.floorDiv(endNs, MINUTE_NS) - WINDOW_MINUTES + 1;
            for (final EngineEvent.Trade trade : trades)
            {
                if (Math.floorDiv(trade.timestampNs(), MINUTE_NS) >= firstMinute)
                {
                    window.addTrade(trade.price(), trade.quantity(), notional(instrumentId, trade));
                }
            }
            return window;
        }

        List<EngineEvent.Trade> trades(final int instrumentId)
        {
            return venue.trades().stream().filter(trade -> trade.instrumentId() == instrumentId).toList();
        }

        private static String value(final String[] fields, final String name)
        {
            for (final String field : fields)
            {
                if (field.startsWith(name + "="))
                {
                    return field.substring(name.length() + 1);
                }
            }
            throw new IllegalStateException("no " + name + " in " + String.join(" ", fields));
        }
    }

    /**
     * Checks each candle and ticker a current client hears against a recomputation from the trades so
     * far (a client that loses messages may rightly hear older states, until it recovers).
     */
    private record CheckingListener(Run run) implements MarketDataListener
    {
        @Override
        public void onCandle(final InstrumentBook book, final Candle candle)
        {
            final long lengthNs = Candle.lengthNs(candle.interval());
            final Ohlcv expected = new Ohlcv();
            for (final EngineEvent.Trade trade : run.trades(book.instrumentId()))
            {
                if (Math.floorDiv(trade.timestampNs(), lengthNs) * lengthNs == candle.openTimeNs())
                {
                    expected.addTrade(trade.price(), trade.quantity(), notional(book.instrumentId(), trade));
                }
            }
            final List<EngineEvent.Trade> trades = run.trades(book.instrumentId());
            final long lastTradeNs = trades.get(trades.size() - 1).timestampNs();
            assertThat(candle.openTimeNs()).as("the candle of the last trade").isEqualTo(Math.floorDiv(lastTradeNs, lengthNs) * lengthNs);
            assertThat(describe(candle.ohlcv())).as("%s %s", book.symbol(), candle).isEqualTo(describe(expected));
        }

        @Override
        public void onTicker(final InstrumentBook book, final Ticker ticker)
        {
            final List<EngineEvent.Trade> trades = run.trades(book.instrumentId());
            if (trades.isEmpty())
            {
                assertThat(ticker.lastTradeId()).isZero();
                assertThat(ticker.window().tradeCount()).isZero();
                return;
            }
            final EngineEvent.Trade last = trades.get(trades.size() - 1);
            assertThat(ticker.lastTradeId()).isEqualTo(last.tradeId());
            assertThat(ticker.lastPrice()).isEqualTo(last.price());
            assertThat(ticker.lastQuantity()).isEqualTo(last.quantity());
            assertThat(ticker.lastTradeTimestampNs()).isEqualTo(last.timestampNs());
            assertThat(describe(ticker.window())).as("%s 24 h", book.symbol())
                .isEqualTo(describe(run.expectedWindow(book.instrumentId())));
        }
    }

    private static List<String> orders(final InstrumentState instrument)
    {
        final List<String> orders = new ArrayList<>();
        instrument.forEachOrder((orderId, side, price, visible) -> orders.add(side + " " + orderId + " " + price + " " + visible));
        return orders;
    }

    private static List<String> levels(final BookLevels side)
    {
        final List<String> levels = new ArrayList<>();
        for (int rank = 0; rank < side.size(); rank++)
        {
            levels.add(side.price(rank) + "x" + side.quantity(rank) + "/" + side.orderCount(rank));
        }
        return levels;
    }

    /** The orders of a side summed by price, best price first: what the L2 must be. */
    private static List<String> aggregate(final InstrumentState instrument, final Side wanted)
    {
        final TreeMap<Long, long[]> byPrice = new TreeMap<>(wanted == Side.BUY ? java.util.Comparator.reverseOrder() : null);
        instrument.forEachOrder((orderId, side, price, visible) ->
        {
            if (side == wanted)
            {
                final long[] level = byPrice.computeIfAbsent(price, p -> new long[2]);
                level[0] += visible;
                level[1]++;
            }
        });
        final List<String> levels = new ArrayList<>();
        byPrice.forEach((price, level) -> levels.add(price + "x" + level[0] + "/" + level[1]));
        return levels;
    }

    /** L1: the best bid is the highest bid price, the best ask the lowest ask, and they do not cross. */
    private static void assertTopOfBook(final Instrument instrument)
    {
        final BookLevels bids = instrument.bids();
        final BookLevels asks = instrument.asks();
        for (int rank = 1; rank < bids.size(); rank++)
        {
            assertThat(bids.price(rank)).isLessThan(bids.price(0));
        }
        for (int rank = 1; rank < asks.size(); rank++)
        {
            assertThat(asks.price(rank)).isGreaterThan(asks.price(0));
        }
        if (!bids.isEmpty() && !asks.isEmpty())
        {
            assertThat(bids.price(0)).as("a crossed book").isLessThan(asks.price(0));
        }
    }

    private static long notional(final int instrumentId, final EngineEvent.Trade trade)
    {
        return Volumes.notional(trade.price(), trade.quantity(), tick(instrumentId), lot(instrumentId), 1);
    }

    private static String describe(final Ohlcv ohlcv)
    {
        return ohlcv.toString();
    }

    static long tick(final int instrumentId)
    {
        return instrumentId == BTC_USD ? BTC_USD_TICK : ETH_USD_TICK;
    }

    static long lot(final int instrumentId)
    {
        return instrumentId == BTC_USD ? BTC_USD_LOT : ETH_USD_LOT;
    }

    static long reference(final int instrumentId)
    {
        return instrumentId == BTC_USD ? BTC_USD_REFERENCE : ETH_USD_REFERENCE;
    }
}
