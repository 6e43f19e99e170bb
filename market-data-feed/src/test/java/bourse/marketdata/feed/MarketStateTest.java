package bourse.marketdata.feed;

import bourse.engine.testing.Commands;
import bourse.marketdata.Candle;
import bourse.marketdata.testing.FeedHarness;
import bourse.marketdata.testing.Messages;
import bourse.sbe.CandleInterval;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static bourse.marketdata.testing.FeedHarness.BTC_USD;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_LOT;
import static org.assertj.core.api.Assertions.assertThat;

class MarketStateTest
{
    private static final long MINUTE_NS = 60_000_000_000L;

    private final FeedHarness venue = new FeedHarness();
    private InstrumentState btc;

    @BeforeEach
    void setUp()
    {
        venue.withVenue();
        btc = venue.market.instrumentById(BTC_USD);
        venue.drain();
    }

    @Test
    void shouldDefineEachInstrumentAsItsFirstMessage()
    {
        final FeedHarness fresh = new FeedHarness().withVenue();

        assertThat(fresh.drain()).extracting(Messages::describe).containsExactly(
            "InstrumentDefinition 1/1 BTC-USD scales=2,8,2 TRADING",
            "InstrumentDefinition 2/1 ETH-USD scales=2,6,2 TRADING");
        assertThat(fresh.market.instrumentCount()).isEqualTo(2);
    }

    @Test
    void shouldAggregateRestingOrdersIntoLevelsAndKeepTheirTimePriority()
    {
        limit(1, Side.BUY, 2_990_000, 2);
        limit(2, Side.BUY, 2_990_000, 3);
        limit(1, Side.BUY, 2_980_000, 1);
        limit(2, Side.SELL, 3_010_000, 4);

        assertThat(btc.bids().size()).isEqualTo(2);
        assertThat(level(btc.bids(), 0)).isEqualTo("2990000x5000000/2");
        assertThat(level(btc.bids(), 1)).isEqualTo("2980000x1000000/1");
        assertThat(level(btc.asks(), 0)).isEqualTo("3010000x4000000/1");
        final List<String> orders = new ArrayList<>();
        btc.forEachOrder((orderId, side, price, visible) -> orders.add(orderId + " " + side + " " + price + " " + visible));
        assertThat(orders).containsExactly(
            "1 BUY 2990000 2000000", "2 BUY 2990000 3000000", "3 BUY 2980000 1000000", "4 SELL 3010000 4000000");
        assertThat(venue.drain()).extracting(Messages::describe).containsExactly(
            "BookUpdate 3/2 BUY 2990000x2000000/1",
            "BookUpdate 4/3 BUY 2990000x5000000/2",
            "BookUpdate 5/4 BUY 2980000x1000000/1",
            "BookUpdate 6/5 SELL 3010000x4000000/1");
    }

    @Test
    void shouldPublishEachChangedLevelOnceWithItsStateAfterTheCommandThenTradesTickerAndCandles()
    {
        limit(1, Side.BUY, 2_990_000, 2);
        limit(2, Side.BUY, 2_990_000, 3);
        limit(1, Side.BUY, 2_980_000, 1);
        venue.drain();

        venue.submit(Commands.newOrder().account(3).instrument(BTC_USD).sell().market().quantity(6 * BTC_USD_LOT));

        final long t = venue.timeNs();
        final long minute = Math.floorDiv(t, MINUTE_NS) * MINUTE_NS;
        assertThat(venue.drain()).extracting(Messages::describe).containsExactly(
            "BookUpdate 6/5 BUY 2990000x0/0 BUY 2980000x0/0",
            "TradeUpdate 7/6 #1 2990000x2000000 SELL #2 2990000x3000000 SELL #3 2980000x1000000 SELL",
            "Ticker 8/7 last=2980000x1000000 ohlc=2990000,2990000,2980000,2980000 volume=6000000 quote=179300 trades=3",
            "CandleUpdate 9/8" +
                " ONE_SECOND@" + (t / 1_000_000_000L * 1_000_000_000L) + "=2990000,2990000,2980000,2980000,6000000,3" +
                " ONE_MINUTE@" + minute + "=2990000,2990000,2980000,2980000,6000000,3" +
                " FIVE_MINUTES@" + (t / (5 * MINUTE_NS) * 5 * MINUTE_NS) + "=2990000,2990000,2980000,2980000,6000000,3" +
                " ONE_HOUR@" + (t / (60 * MINUTE_NS) * 60 * MINUTE_NS) + "=2990000,2990000,2980000,2980000,6000000,3");
        assertThat(btc.bids().isEmpty()).isTrue();
        assertThat(btc.ticker().lastTradeId()).isEqualTo(3);
        assertThat(btc.ticker().window().quoteVolume()).as("ticks × lots: one cent each").isEqualTo(29_900 * 5 + 29_800);
    }

    @Test
    void shouldStartANewCandleInANewIntervalAndRollTheWindowPastOldTrades()
    {
        trade(3_000_000, 1);
        venue.advance(2 * MINUTE_NS);
        trade(3_010_000, 2);

        final Candle minuteCandle = btc.candle(CandleInterval.ONE_MINUTE);
        assertThat(minuteCandle.ohlcv().openPrice()).isEqualTo(3_010_000);
        assertThat(minuteCandle.ohlcv().tradeCount()).isEqualTo(1);
        assertThat(btc.candle(CandleInterval.ONE_HOUR).ohlcv().tradeCount()).isIn(1L, 2L);
        assertThat(btc.ticker().window().tradeCount()).isEqualTo(2);
        assertThat(btc.ticker().window().openPrice()).isEqualTo(3_000_000);
        venue.drain();

        assertThat(venue.market.rollStatistics(venue.timeNs() + 24 * 60 * MINUTE_NS - MINUTE_NS)).isEqualTo(1);
        assertThat(btc.ticker().window().tradeCount()).as("the first trade left the window").isEqualTo(1);
        assertThat(btc.ticker().window().openPrice()).isEqualTo(3_010_000);
        assertThat(btc.ticker().lastPrice()).as("the last trade stays").isEqualTo(3_010_000);
        assertThat(venue.market.rollStatistics(venue.timeNs() + 24 * 60 * MINUTE_NS)).isEqualTo(1);
        assertThat(btc.ticker().window().tradeCount()).isZero();
        assertThat(btc.ticker().window().highPrice()).isZero();
        assertThat(venue.drain()).extracting(Messages::describe).allMatch(message -> message.startsWith("Ticker "));
        assertThat(venue.market.rollStatistics(venue.timeNs() + 48 * 60 * MINUTE_NS)).isZero();
    }

    @Test
    void shouldPublishStatusChangesAndTheBookEmptiedByAHalt()
    {
        limit(1, Side.BUY, 2_990_000, 2);
        venue.drain();

        venue.submit(Commands.haltInstrument().instrument(BTC_USD).cancelOrders());

        assertThat(btc.status()).isEqualTo(InstrumentStatus.HALTED);
        assertThat(venue.drain()).extracting(Messages::describe).containsExactly(
            "StatusUpdate 4/3 HALTED", "BookUpdate 5/4 BUY 2990000x0/0");
    }

    @Test
    void shouldRepeatTheInstrumentSequenceInChecksums()
    {
        limit(1, Side.BUY, 2_990_000, 2);
        limit(2, Side.SELL, 3_010_000, 1);
        venue.drain();

        assertThat(venue.market.publishChecksums()).isEqualTo(2);

        final long expected = new bourse.marketdata.BookChecksum().compute(btc.bids(), btc.asks(), 10);
        assertThat(venue.drain()).extracting(Messages::describe).containsExactly(
            "BookChecksum 5/3 " + expected + " depth=10", "BookChecksum 6/1 0 depth=10");
        assertThat(expected).isEqualTo(crc32("3010000" + "1000000" + "2990000" + "2000000"));
    }

    @Test
    void shouldSnapshotTheBookToTheDepthAskedAndCountEveryLevel()
    {
        for (int i = 0; i < 5; i++)
        {
            limit(1, Side.BUY, 2_990_000 - i * 100, 1);
        }
        limit(2, Side.SELL, 3_010_000, 1);

        assertThat(Messages.describe(venue.snapshot(0, 1, 3))).isEqualTo(
            "InstrumentSnapshot 1/7 BTC-USD levels=5,1 BUY 2990000x1000000/1 BUY 2989900x1000000/1 BUY 2989800x1000000/1" +
                " SELL 3010000x1000000/1");
        assertThat(venue.errors).isEmpty();
    }

    @Test
    void shouldSplitAnUpdateTooLongForOneMessageAndClipSnapshotsToFit()
    {
        final FeedHarness small = new FeedHarness(1024, 2).withVenue();
        for (int level = 0; level < 50; level++)
        {
            small.submit(Commands.newOrder().account(1).instrument(BTC_USD).buy().limit(2_990_000 - level * 100)
                .quantity(BTC_USD_LOT).gtc());
        }
        small.drain();

        small.submit(Commands.haltInstrument().instrument(BTC_USD).cancelOrders());

        final List<String> messages = small.drain().stream().map(Messages::describe).toList();
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1)).startsWith("BookUpdate 54/53 ");
        assertThat(messages.get(1).split(" BUY ")).hasSize(1 + (1024 - 8 - 36 - 4) / 21);
        assertThat(messages.get(2)).startsWith("BookUpdate 55/54 ");
        assertThat(messages.get(1).split(" BUY ").length + messages.get(2).split(" BUY ").length - 2).isEqualTo(50);
        assertThat(small.market.maxSnapshotLength()).isLessThanOrEqualTo(1024);
        assertThat(small.errors).isEmpty();
    }

    private void limit(final long account, final Side side, final long price, final long lots)
    {
        venue.submit(Commands.newOrder().account(account).instrument(BTC_USD).side(side).limit(price)
            .quantity(lots * BTC_USD_LOT).gtc());
    }

    private void trade(final long price, final long lots)
    {
        limit(1, Side.SELL, price, lots);
        limit(2, Side.BUY, price, lots);
    }

    private static String level(final bourse.marketdata.BookLevels levels, final int rank)
    {
        return levels.price(rank) + "x" + levels.quantity(rank) + "/" + levels.orderCount(rank);
    }

    private static long crc32(final String text)
    {
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
