package bourse.marketdata.client;

import bourse.engine.testing.Commands;
import bourse.marketdata.Candle;
import bourse.marketdata.Ticker;
import bourse.marketdata.feed.InstrumentState;
import bourse.marketdata.testing.FeedHarness;
import bourse.marketdata.testing.Messages;
import bourse.sbe.BookUpdateDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static bourse.marketdata.testing.FeedHarness.BTC_USD;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_LOT;
import static bourse.marketdata.testing.FeedHarness.ETH_USD;
import static bourse.marketdata.testing.SameMarket.assertSame;
import static bourse.marketdata.testing.SameMarket.levels;
import static org.assertj.core.api.Assertions.assertThat;

class LocalMarketTest
{
    private static final int SESSION = 42;

    private final List<String> heard = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final MarketDataListener listener = new MarketDataListener()
    {
        @Override
        public void onInstrument(final InstrumentBook book)
        {
            heard.add("instrument " + book.symbol());
        }

        @Override
        public void onBook(final InstrumentBook book)
        {
            heard.add("book " + book.symbol() + " " + levels(book.bids()) + " " + levels(book.asks()));
        }

        @Override
        public void onTrade(final InstrumentBook book, final long tradeId, final long price, final long quantity,
            final Side aggressorSide, final long timestampNs)
        {
            heard.add("trade " + book.symbol() + " #" + tradeId + " " + price + "x" + quantity);
        }

        @Override
        public void onTicker(final InstrumentBook book, final Ticker ticker)
        {
            heard.add("ticker " + book.symbol() + " " + ticker.lastPrice());
        }

        @Override
        public void onCandle(final InstrumentBook book, final Candle candle)
        {
            heard.add("candle " + book.symbol() + " " + candle.interval());
        }

        @Override
        public void onGap(final InstrumentBook book)
        {
            heard.add("gap " + book.symbol());
        }
    };
    private final FeedHarness venue = new FeedHarness();
    private LocalMarket client = new LocalMarket(listener, errors::add, 1024 * 1024);
    private InstrumentState btc;

    @BeforeEach
    void setUp()
    {
        venue.withVenue();
        btc = venue.market.instrumentById(BTC_USD);
    }

    @Test
    void shouldRebuildTheFeedsBooksFromItsIncrementalsAndHearOfEachChangeOncePerPoll()
    {
        deliver(venue.drain());
        limit(1, Side.BUY, 2_990_000, 2);
        limit(2, Side.BUY, 2_980_000, 1);
        limit(3, Side.SELL, 3_010_000, 1);
        venue.submit(Commands.newOrder().account(4).instrument(BTC_USD).sell().market().quantity(BTC_USD_LOT));
        heard.clear();
        deliver(venue.drain());
        venue.market.publishChecksums();
        deliver(venue.drain());

        assertThat(heard).containsExactly(
            "trade BTC-USD #1 2990000x1000000",
            "book BTC-USD [2990000x1000000/1, 2980000x1000000/1] [3010000x1000000/1]",
            "ticker BTC-USD 2990000",
            "candle BTC-USD ONE_SECOND", "candle BTC-USD ONE_MINUTE", "candle BTC-USD FIVE_MINUTES", "candle BTC-USD ONE_HOUR");
        assertSame(client.book(BTC_USD), btc);
        assertThat(client.isSynced()).as("it has seen every message from the first").isTrue();
        assertThat(client.checksumsVerified()).isEqualTo(2);
        assertThat(client.channelGaps()).isZero();
        assertThat(client.instrumentGaps()).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void shouldRecoverFromAGapWithTheNextSnapshotAndTheMessagesQueuedAfterIt()
    {
        deliver(venue.drain());
        limit(1, Side.BUY, 2_990_000, 2);
        deliver(venue.drain());
        limit(1, Side.BUY, 2_980_000, 1);
        final List<byte[]> lost = venue.drain();
        limit(2, Side.SELL, 3_010_000, 1);
        limit(2, Side.SELL, 3_020_000, 1);
        final byte[] snapshot = venue.snapshot(0, 1, 100);
        limit(1, Side.BUY, 2_970_000, 3);
        limit(3, Side.SELL, 2_990_000, 1);
        heard.clear();

        deliver(venue.drain());

        final InstrumentBook book = client.book(BTC_USD);
        assertThat(book.isSynced()).isFalse();
        assertThat(lost).hasSize(1);
        assertThat(client.channelGaps()).isEqualTo(1);
        assertThat(client.missedIncrementals()).isEqualTo(1);
        assertThat(client.instrumentGaps()).isEqualTo(1);
        assertThat(heard).containsExactly("trade BTC-USD #1 2990000x1000000", "gap BTC-USD");

        heard.clear();
        client.onSnapshot(new UnsafeBuffer(snapshot), 0, snapshot.length, SESSION);
        client.dispatch();

        assertThat(book.isSynced()).isTrue();
        assertSame(book, btc);
        assertThat(client.snapshotsApplied()).isEqualTo(3);
        assertThat(heard).startsWith(
            "book BTC-USD [2990000x1000000/1, 2980000x1000000/1, 2970000x3000000/1] [3010000x1000000/1, 3020000x1000000/1]");
    }

    @Test
    void shouldWaitForASnapshotRecentEnoughToContinueFrom()
    {
        deliver(venue.drain());
        final byte[] tooOld = venue.snapshot(0, 1, 100);
        limit(1, Side.BUY, 2_990_000, 2);
        venue.drain();
        limit(1, Side.BUY, 2_980_000, 1);
        limit(1, Side.BUY, 2_970_000, 1);
        deliver(venue.drain());

        client.onSnapshot(new UnsafeBuffer(tooOld), 0, tooOld.length, SESSION);

        assertThat(client.book(BTC_USD).isSynced()).as("a message between that snapshot and the queue is lost").isFalse();
        final byte[] recent = venue.snapshot(0, 2, 100);
        client.onSnapshot(new UnsafeBuffer(recent), 0, recent.length, SESSION);
        assertThat(client.book(BTC_USD).isSynced()).isTrue();
        assertSame(client.book(BTC_USD), btc);
    }

    @Test
    void shouldJoinLateFromSnapshotsWhateverArrivesFirst()
    {
        limit(1, Side.BUY, 2_990_000, 2);
        limit(2, Side.SELL, 3_010_000, 1);
        venue.submit(Commands.newOrder().account(3).instrument(ETH_USD).buy().limit(200_000).quantity(100_000).gtc());
        venue.drain();
        limit(2, Side.SELL, 3_000_000, 1);
        final List<byte[]> beforeSnapshots = venue.drain();
        final byte[] btcSnapshot = venue.snapshot(0, 10, 100);
        final byte[] ethSnapshot = venue.snapshot(1, 11, 100);
        limit(3, Side.BUY, 3_000_000, 1);
        final List<byte[]> afterSnapshots = venue.drain();

        deliver(beforeSnapshots);
        client.onSnapshot(new UnsafeBuffer(btcSnapshot), 0, btcSnapshot.length, SESSION);
        deliver(afterSnapshots);
        assertThat(client.isSynced()).isFalse();
        client.onSnapshot(new UnsafeBuffer(ethSnapshot), 0, ethSnapshot.length, SESSION);
        client.dispatch();

        assertThat(client.isSynced()).isTrue();
        assertSame(client.book(BTC_USD), btc);
        assertSame(client.book(ETH_USD), venue.market.instrumentById(ETH_USD));
        assertThat(client.channelGaps()).as("a late joiner's first message is where it starts, not a gap").isZero();
        assertThat(heard).contains("instrument BTC-USD", "instrument ETH-USD");
    }

    @Test
    void shouldNoticeALostLastMessageByTheNextChecksum()
    {
        deliver(venue.drain());
        limit(1, Side.BUY, 2_990_000, 2);
        venue.drain();
        venue.market.publishChecksums();

        deliver(venue.drain());

        assertThat(client.book(BTC_USD).isSynced()).isFalse();
        assertThat(client.instrumentGaps()).isEqualTo(1);
        assertThat(client.book(ETH_USD).isSynced()).as("ETH-USD lost nothing").isTrue();
        final byte[] snapshot = venue.snapshot(0, 1, 100);
        client.onSnapshot(new UnsafeBuffer(snapshot), 0, snapshot.length, SESSION);
        assertSame(client.book(BTC_USD), btc);
    }

    @Test
    void shouldRepairABookWhoseChecksumDisagrees()
    {
        deliver(venue.drain());
        limit(1, Side.BUY, 2_990_000, 2);
        final List<byte[]> update = venue.drain();
        final UnsafeBuffer corrupted = new UnsafeBuffer(update.get(0));
        final int firstLevel = MessageHeaderDecoder.ENCODED_LENGTH + BookUpdateDecoder.BLOCK_LENGTH +
            BookUpdateDecoder.LevelsDecoder.HEADER_SIZE;
        corrupted.putLong(firstLevel + BookUpdateDecoder.LevelsDecoder.quantityEncodingOffset(), 7, ByteOrder.LITTLE_ENDIAN);
        deliver(update);
        assertThat(client.book(BTC_USD).bids().quantity(0)).isEqualTo(7);

        venue.market.publishChecksums();
        deliver(venue.drain());

        assertThat(client.checksumMismatches()).isEqualTo(1);
        assertThat(client.book(BTC_USD).isSynced()).isFalse();
        final byte[] snapshot = venue.snapshot(0, 1, 100);
        client.onSnapshot(new UnsafeBuffer(snapshot), 0, snapshot.length, SESSION);
        assertSame(client.book(BTC_USD), btc);
    }

    @Test
    void shouldKeepABookKnownToASnapshotsDepthExactDownToItAndRefreshWhenItThins()
    {
        final FeedHarness shallowVenue = new FeedHarness(64 * 1024, 2).withVenue();
        for (int i = 0; i < 5; i++)
        {
            limit(shallowVenue, 1, Side.BUY, 2_990_000 - 100 * i, 1);
        }
        final byte[] shallow = shallowVenue.snapshot(0, 1, 3);
        shallowVenue.drain();
        client.onSnapshot(new UnsafeBuffer(shallow), 0, shallow.length, SESSION);
        final InstrumentBook book = client.book(BTC_USD);
        assertThat(levels(book.bids())).containsExactly("2990000x1000000/1", "2989900x1000000/1", "2989800x1000000/1");

        limit(shallowVenue, 2, Side.BUY, 2_989_700, 1);
        limit(shallowVenue, 2, Side.BUY, 2_991_000, 1);
        shallowVenue.submit(Commands.newOrder().account(3).instrument(BTC_USD).sell().market().quantity(2 * BTC_USD_LOT));
        deliver(shallowVenue.drain());
        assertThat(levels(book.bids())).as("levels beyond the snapshot's depth stay out")
            .containsExactly("2989900x1000000/1", "2989800x1000000/1");
        assertThat(book.isSynced()).isTrue();

        shallowVenue.submit(Commands.newOrder().account(3).instrument(BTC_USD).sell().market().quantity(BTC_USD_LOT));
        deliver(shallowVenue.drain());
        assertThat(book.isSynced()).as("one level known, fewer than the checksum's two").isFalse();
        assertThat(client.depthRefreshes()).isEqualTo(1);

        final byte[] deeper = shallowVenue.snapshot(0, 2, 100);
        client.onSnapshot(new UnsafeBuffer(deeper), 0, deeper.length, SESSION);
        assertSame(book, shallowVenue.market.instrumentById(BTC_USD));
    }

    @Test
    void shouldDropAQueueThatOutgrowsItsBoundAndWaitForASnapshotAfterIt()
    {
        client = new LocalMarket(listener, errors::add, 200);
        deliver(venue.drain());
        limit(1, Side.BUY, 2_990_000, 1);
        venue.drain();
        final byte[] beforeOverflow = venue.snapshot(0, 1, 100);
        for (int i = 1; i <= 10; i++)
        {
            limit(1, Side.BUY, 2_990_000 - 100 * i, 1);
        }
        deliver(venue.drain());

        client.onSnapshot(new UnsafeBuffer(beforeOverflow), 0, beforeOverflow.length, SESSION);

        assertThat(client.book(BTC_USD).isSynced()).isFalse();
        final byte[] afterOverflow = venue.snapshot(0, 2, 100);
        client.onSnapshot(new UnsafeBuffer(afterOverflow), 0, afterOverflow.length, SESSION);
        assertSame(client.book(BTC_USD), btc);
    }

    @Test
    void shouldStartAgainWhenANewFeedPublishes()
    {
        deliver(venue.drain());
        final FeedHarness restarted = new FeedHarness().withVenue();
        final List<byte[]> messages = restarted.drain();

        deliver(messages, SESSION + 1);

        assertThat(client.book(BTC_USD).isSynced()).as("the new feed's definition counts as its snapshot").isTrue();
        assertThat(client.channelGaps()).isZero();
        assertThat(messages).extracting(Messages::describe).first().asString().startsWith("InstrumentDefinition 1/1");
    }

    private void limit(final long account, final Side side, final long price, final long lots)
    {
        limit(venue, account, side, price, lots);
    }

    private static void limit(
        final FeedHarness venue, final long account, final Side side, final long price, final long lots)
    {
        venue.submit(Commands.newOrder().account(account).instrument(BTC_USD).side(side).limit(price)
            .quantity(lots * BTC_USD_LOT).gtc());
    }

    private void deliver(final List<byte[]> messages)
    {
        deliver(messages, SESSION);
    }

    private void deliver(final List<byte[]> messages, final int session)
    {
        for (final byte[] message : messages)
        {
            client.onIncremental(new UnsafeBuffer(message), 0, message.length, session);
        }
        client.dispatch();
    }
}
