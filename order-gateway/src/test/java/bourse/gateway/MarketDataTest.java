package bourse.gateway;

import bourse.v1.BookUpdate;
import bourse.v1.CancelOrderRequest;
import bourse.v1.PriceLevel;
import bourse.v1.Side;
import bourse.v1.StreamBookRequest;
import bourse.v1.StreamTickerRequest;
import bourse.v1.StreamTradesRequest;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TickerUpdate;
import bourse.v1.TimeInForce;
import bourse.v1.TradeUpdate;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static bourse.gateway.Venue.ETH_USD;
import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MarketData streams, fed by the real market-data feed: a book to a depth (snapshot, then the levels
 * that changed, which rebuild the book exactly), trades as they happen, and the ticker. Every test trades
 * ETH-USD in a venue of its own class, and leaves the book as it found it.
 */
class MarketDataTest
{
    @RegisterExtension
    static final SharedVenue venue = new SharedVenue();

    @Test
    void shouldStreamTheBookAsASnapshotThenTheLevelsThatChanged()
    {
        final Trader trader = venue.trader();
        final Received<BookUpdate> stream = new Received<>();
        trader.marketData.streamBook(StreamBookRequest.newBuilder().setInstrument(ETH_USD).setDepth(2).build(), stream);
        final LocalBook book = new LocalBook();
        book.apply(stream.next());
        assertThat(book.snapshots).isEqualTo(1);

        final long low = place(trader, eth("md-1", Side.SIDE_BUY, "1990.00", "0.5")).getOrderId();
        book.awaitBids(stream, Map.of("1990.00", "0.50000000"));
        place(trader, eth("md-2", Side.SIDE_BUY, "1990.00", "0.2"));
        book.awaitBids(stream, Map.of("1990.00", "0.70000000"));
        final long high = place(trader, eth("md-3", Side.SIDE_BUY, "1995.50", "1")).getOrderId();
        final long highest = place(trader, eth("md-4", Side.SIDE_BUY, "1996.00", "1")).getOrderId();
        book.awaitBids(stream, Map.of("1996.00", "1.00000000", "1995.50", "1.00000000"));
        place(trader, eth("md-5", Side.SIDE_SELL, "2001.00", "0.3"));
        book.awaitAsks(stream, Map.of("2001.00", "0.30000000"));

        trader.orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(highest).build());
        book.awaitBids(stream, Map.of("1995.50", "1.00000000", "1990.00", "0.70000000"));
        assertThat(book.orderCounts.get("1990.00")).isEqualTo(2);
        assertThat(book.sequences).as("numbered from 1 without gaps").isEqualTo(
            java.util.stream.LongStream.rangeClosed(1, book.sequences.size()).boxed().toList());

        trader.orders.cancelAll(bourse.v1.CancelAllRequest.newBuilder().setInstrument(ETH_USD).build());
        book.awaitBids(stream, Map.of());
        book.awaitAsks(stream, Map.of());
        assertThat(low).isLessThan(high);
    }

    @Test
    void shouldStreamTradesAndTheTicker()
    {
        final Trader maker = venue.trader();
        final Trader taker = venue.trader();
        final Received<TradeUpdate> trades = new Received<>();
        final Received<TickerUpdate> tickers = new Received<>();
        maker.marketData.streamTrades(StreamTradesRequest.newBuilder().setInstrument(ETH_USD).build(), trades);
        maker.marketData.streamTicker(StreamTickerRequest.newBuilder().setInstrument(ETH_USD).build(), tickers);
        // The ticker starts with the instrument as it stands; it has a best ask once the maker's order rests.
        tickers.next();
        place(maker, eth("sell", Side.SIDE_SELL, "2002.00", "1"));
        tickers.next(ticker -> ticker.getBestAskPrice().equals("2002.00"));

        taker.orders.submitOrder(SubmitOrderRequest.newBuilder(eth("buy", Side.SIDE_BUY, "2002.00", "0.4"))
            .setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build());

        final TradeUpdate trade = trades.next();
        assertThat(trade.getInstrument()).isEqualTo(ETH_USD);
        assertThat(trade.getPrice()).isEqualTo("2002.00");
        assertThat(trade.getQuantity()).isEqualTo("0.40000000");
        assertThat(trade.getAggressorSide()).isEqualTo(Side.SIDE_BUY);
        assertThat(trade.getTradeId()).isPositive();
        final TickerUpdate ticker = tickers.next(update -> update.getLastTradeId() == trade.getTradeId());
        assertThat(ticker.getLastPrice()).isEqualTo("2002.00");
        assertThat(ticker.getLastQuantity()).isEqualTo("0.40000000");
        assertThat(ticker.getBestAskQuantity()).isEqualTo("0.60000000");
        assertThat(ticker.getHighPrice24H()).isEqualTo("2002.00");
        assertThat(ticker.getTradeCount24H()).isPositive();
        maker.orders.cancelAll(bourse.v1.CancelAllRequest.getDefaultInstance());
    }

    @Test
    void shouldRefuseAnUnknownInstrumentOrDepth()
    {
        final Trader trader = venue.trader();
        final Received<BookUpdate> unknown = new Received<>();
        final Received<BookUpdate> tooDeep = new Received<>();

        trader.marketData.streamBook(StreamBookRequest.newBuilder().setInstrument("XAU-USD").build(), unknown);
        trader.marketData.streamBook(StreamBookRequest.newBuilder().setInstrument(ETH_USD).setDepth(1_001).build(), tooDeep);

        assertThat(unknown.end().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(unknown.end().getDescription()).startsWith("instrument: no instrument has the symbol 'XAU-USD'");
        assertThat(tooDeep.end().getDescription()).isEqualTo("depth: between 1 and 1000, or 0 for 10");
    }

    @Test
    void shouldNeedAKeyForMarketDataToo()
    {
        final Received<TradeUpdate> anonymous = new Received<>();
        bourse.v1.MarketDataGrpc.newStub(venue.channel())
            .streamTrades(StreamTradesRequest.newBuilder().setInstrument(ETH_USD).build(), anonymous);

        assertThat(anonymous.end().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static SubmitOrderRequest eth(final String clientOrderId, final Side side, final String price, final String quantity)
    {
        return SubmitOrderRequest.newBuilder(limit(clientOrderId, side, price, quantity)).setInstrument(ETH_USD).build();
    }

    /** A client's copy of a book, kept from a BookUpdate stream as the contract says to. */
    private static final class LocalBook
    {
        final TreeMap<String, String> bids = new TreeMap<>();
        final TreeMap<String, String> asks = new TreeMap<>();
        final Map<String, Integer> orderCounts = new TreeMap<>();
        final List<Long> sequences = new ArrayList<>();
        int snapshots;

        void apply(final BookUpdate update)
        {
            sequences.add(update.getSequence());
            if (update.getSnapshot())
            {
                snapshots++;
                bids.clear();
                asks.clear();
            }
            update.getBidsList().forEach(level -> set(bids, level));
            update.getAsksList().forEach(level -> set(asks, level));
        }

        void awaitBids(final Received<BookUpdate> stream, final Map<String, String> expected)
        {
            while (!bids.equals(expected))
            {
                apply(stream.next());
            }
        }

        void awaitAsks(final Received<BookUpdate> stream, final Map<String, String> expected)
        {
            while (!asks.equals(expected))
            {
                apply(stream.next());
            }
        }

        private void set(final TreeMap<String, String> side, final PriceLevel level)
        {
            if (level.getQuantity().matches("0(\\.0+)?"))
            {
                side.remove(level.getPrice());
                orderCounts.remove(level.getPrice());
            }
            else
            {
                side.put(level.getPrice(), level.getQuantity());
                orderCounts.put(level.getPrice(), level.getOrderCount());
            }
        }
    }
}
