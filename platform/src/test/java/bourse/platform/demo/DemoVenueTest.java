package bourse.platform.demo;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.EngineRecovery;
import bourse.platform.view.InstrumentView;
import bourse.platform.view.PriceLadder;
import bourse.sbe.RejectReason;
import bourse.v1.ExecutionReport;
import bourse.v1.Instrument;
import bourse.v1.Liquidity;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.OrderState;
import bourse.v1.OrderType;
import bourse.v1.OrdersGrpc;
import bourse.v1.Side;
import bourse.v1.SubmitOrderRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoVenueTest
{
    private static final long ANSWER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final Pattern INSTRUMENT_LINE = Pattern.compile("^instrument (\\d+) (\\S+) status=\\S+ last=(\\d+)$");
    private static final Pattern ORDER_LINE =
        Pattern.compile("^ {2}(bid|ask) \\d+ account=\\d+ price=(\\d+) remaining=\\d+ visible=(\\d+) filled=\\d+$");

    @TempDir
    Path temp;

    @Test
    void shouldRebuildTheJournaledEnginesBooksFromTheEventsItSentOverAeron()
    {
        final Path data = temp.resolve("data");
        final DemoVenue venue = DemoVenue.launch(new DemoVenue.Context().seed(42).dataDirectory(data));
        try (venue)
        {
            runTraders(venue, 100_000);
        }

        // The engine of record: the one the input journal rebuilds.
        final Map<Integer, EngineBook> engineBooks = parseBooks(EngineRecovery.recover(new EngineRecovery.Context()
            .engineContext(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }))
            .inputJournalDirectory(new DataDirectory(data).input())).engine().dumpState());
        assertThat(engineBooks).hasSize(2);
        for (final InstrumentView instrument : venue.market().instruments())
        {
            final EngineBook engineBook = engineBooks.get(instrument.instrumentId());
            assertThat(instrument.lastOrReferencePrice()).as("last price").isEqualTo(engineBook.last);
            assertThat(levels(instrument.bids())).as(instrument.symbol() + " bids").isEqualTo(engineBook.bids);
            assertThat(levels(instrument.asks())).as(instrument.symbol() + " asks").isEqualTo(engineBook.asks);
            assertThat(instrument.bids().isEmpty()).isFalse();
            assertThat(instrument.asks().isEmpty()).isFalse();
            assertThat(instrument.bids().bestPrice()).isLessThan(instrument.asks().bestPrice());
            assertThat(instrument.restingOrderCount())
                .isEqualTo(engineBook.bids.stream().mapToInt(Level::orders).sum() +
                    engineBook.asks.stream().mapToInt(Level::orders).sum());
        }
    }

    @Test
    void shouldTradeEveryInstrumentWithFewRejectsAndOnlyOnesAnAsynchronousClientCanMeet()
    {
        try (DemoVenue venue = DemoVenue.launch(new DemoVenue.Context().seed(7)))
        {
            final long setUpCommands = venue.commandsSent();
            runTraders(venue, 100_000);

            final long traded = venue.commandsSent() - setUpCommands;
            assertThat(traded).isBetween(90_000L, 100_000L);
            assertThat(venue.engineCounters().commandsIn().get()).isEqualTo(venue.commandsSent());
            assertThat(venue.market().instruments()).allSatisfy(instrument -> assertThat(instrument.tradeCount()).isPositive());
            final AccountsView accounts = venue.accounts();
            // A fill-or-kill that cannot fill; what a client acting on a market that moved while its request
            // was on its way meets: a cancel or amend of an order that has just filled, a stop on the wrong
            // side of a trade it has not heard of yet.
            assertThat(accounts.rejectCount()).isEqualTo(accounts.rejectCount(RejectReason.FOK_CANNOT_FILL) +
                accounts.rejectCount(RejectReason.UNKNOWN_ORDER) +
                accounts.rejectCount(RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY));
            assertThat(accounts.rejectCount()).isLessThan(traded / 50);
        }
    }

    @Test
    void shouldSendNothingWithoutTraders()
    {
        try (DemoVenue venue = DemoVenue.launch(new DemoVenue.Context().withTraders(false)))
        {
            assertThat(venue.hasTraders()).isFalse();
            assertThat(venue.market().instruments()).extracting(InstrumentView::symbol).containsExactly("BTC-USD", "ETH-USD");
            assertThat(venue.awaitAnswers(ANSWER_TIMEOUT_NS)).isTrue();
            assertThat(venue.market().tradeCount()).isZero();
            assertThat(venue.accounts().rejectCount()).isZero();
            assertThat(venue.engineCounters().commandsIn().get()).isEqualTo(venue.commandsSent());
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatIsNotEmpty() throws Exception
    {
        Files.writeString(temp.resolve("something"), "not a journal");

        assertThatThrownBy(() -> DemoVenue.launch(new DemoVenue.Context().dataDirectory(temp)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("is not empty");
    }

    /**
     * Steps the traders as fast as the engine answers them, ten steps at a time (as a paced sender
     * would: {@code bourse run} sends ten every 200 µs at its default rate), reading events as they come.
     */
    @Test
    void shouldLetThePersonWatchingTradeWithTheTradersThroughTheGateway() throws InterruptedException
    {
        try (DemoVenue venue = DemoVenue.launch(new DemoVenue.Context().seed(3).gatewayPort(0)))
        {
            runTraders(venue, 2_000);
            final ManagedChannel channel =
                ManagedChannelBuilder.forAddress("127.0.0.1", venue.gatewayPort()).usePlaintext().build();
            try
            {
                final Metadata key = new Metadata();
                key.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + venue.userApiKey().key());
                final OrdersGrpc.OrdersBlockingStub orders =
                    OrdersGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key));

                assertThat(orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsList())
                    .extracting(Instrument::getSymbol).containsExactly("BTC-USD", "ETH-USD");
                final ExecutionReport bought = orders.submitOrder(SubmitOrderRequest.newBuilder()
                    .setClientOrderId("mine-1").setInstrument("BTC-USD").setSide(Side.SIDE_BUY)
                    .setType(OrderType.ORDER_TYPE_MARKET).setQuantity("0.001").build()).getReport();

                assertThat(bought.getState()).as("the makers' asks fill it: %s", bought).isEqualTo(OrderState.ORDER_STATE_FILLED);
                assertThat(bought.getLastFill().getLiquidity()).isEqualTo(Liquidity.LIQUIDITY_TAKER);
                assertThat(bought.getCumulativeQuantity()).isEqualTo("0.00100000");
            }
            finally
            {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void runTraders(final DemoVenue venue, final int steps)
    {
        for (int i = 1; i <= steps; i++)
        {
            venue.step();
            if (i % 10 == 0)
            {
                assertThat(venue.awaitAnswers(ANSWER_TIMEOUT_NS)).isTrue();
            }
        }
        assertThat(venue.awaitAnswers(ANSWER_TIMEOUT_NS)).as("every command answered").isTrue();
        assertThat(venue.commandsBackPressured()).isZero();
    }

    private static List<Level> levels(final PriceLadder ladder)
    {
        final List<Level> levels = new ArrayList<>();
        for (int rank = 0; rank < ladder.levelCount(); rank++)
        {
            levels.add(new Level(ladder.priceAt(rank), ladder.quantityAt(rank), ladder.orderCountAt(rank)));
        }
        return levels;
    }

    /** The engine's own books, aggregated per price from its state dump (orders are listed best first). */
    private static Map<Integer, EngineBook> parseBooks(final String dump)
    {
        final Map<Integer, EngineBook> books = new LinkedHashMap<>();
        EngineBook current = null;
        for (final String line : dump.lines().toList())
        {
            final Matcher instrument = INSTRUMENT_LINE.matcher(line);
            if (instrument.matches())
            {
                current = new EngineBook(Long.parseLong(instrument.group(3)));
                books.put(Integer.parseInt(instrument.group(1)), current);
                continue;
            }
            final Matcher order = ORDER_LINE.matcher(line);
            if (order.matches())
            {
                current.add("bid".equals(order.group(1)) ? current.bids : current.asks,
                    Long.parseLong(order.group(2)), Long.parseLong(order.group(3)));
            }
        }
        return books;
    }

    private record Level(long price, long quantity, int orders)
    {
    }

    private static final class EngineBook
    {
        final long last;
        final List<Level> bids = new ArrayList<>();
        final List<Level> asks = new ArrayList<>();

        EngineBook(final long last)
        {
            this.last = last;
        }

        void add(final List<Level> side, final long price, final long visible)
        {
            final int lastIndex = side.size() - 1;
            if (lastIndex >= 0 && side.get(lastIndex).price() == price)
            {
                final Level level = side.get(lastIndex);
                side.set(lastIndex, new Level(price, level.quantity() + visible, level.orders() + 1));
            }
            else
            {
                side.add(new Level(price, visible, 1));
            }
        }
    }
}
