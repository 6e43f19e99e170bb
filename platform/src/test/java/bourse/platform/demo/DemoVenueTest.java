package bourse.platform.demo;

import bourse.platform.view.InstrumentView;
import bourse.platform.view.PriceLadder;
import bourse.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoVenueTest
{
    private static final long RATE = 50_000;
    private static final Pattern INSTRUMENT_LINE = Pattern.compile("^instrument (\\d+) (\\S+) status=\\S+ last=(\\d+)$");
    private static final Pattern ORDER_LINE =
        Pattern.compile("^ {2}(bid|ask) \\d+ account=\\d+ price=(\\d+) remaining=\\d+ visible=(\\d+) filled=\\d+$");

    @Test
    void shouldRebuildTheEnginesBooksFromItsEvents()
    {
        final DemoVenue venue = new DemoVenue(42, RATE, true);
        for (int i = 0; i < 200_000; i++)
        {
            venue.step();
        }

        final Map<Integer, EngineBook> engineBooks = parseBooks(venue.engineState());
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
    void shouldSendTheSameCommandsForTheSameSeed()
    {
        final DemoVenue first = new DemoVenue(7, RATE, true);
        final DemoVenue second = new DemoVenue(7, RATE, true);
        final DemoVenue otherSeed = new DemoVenue(8, RATE, true);
        for (int i = 0; i < 50_000; i++)
        {
            first.step();
            second.step();
            otherSeed.step();
        }

        assertThat(second.engineStateHash()).isEqualTo(first.engineStateHash());
        assertThat(otherSeed.engineStateHash()).isNotEqualTo(first.engineStateHash());
    }

    @Test
    void shouldTradeEveryInstrumentAndBeRejectedOnlyForFillOrKills()
    {
        final DemoVenue venue = new DemoVenue(42, RATE, true);
        final long setUpCommands = venue.commandCount();
        for (int i = 0; i < 100_000; i++)
        {
            venue.step();
        }

        assertThat(venue.commandCount() - setUpCommands).isEqualTo(100_000);
        assertThat(venue.market().instruments()).allSatisfy(instrument -> assertThat(instrument.tradeCount()).isPositive());
        final AccountsView accounts = venue.accounts();
        assertThat(accounts.rejectCount()).isEqualTo(accounts.rejectCount(RejectReason.FOK_CANNOT_FILL));
        assertThat(accounts.rejectCount()).isLessThan(2_000);
    }

    @Test
    void shouldSendNothingWithoutTraders()
    {
        final DemoVenue venue = new DemoVenue(42, RATE, false);

        assertThat(venue.hasTraders()).isFalse();
        assertThat(venue.market().instruments()).extracting(InstrumentView::symbol).containsExactly("BTC-USD", "ETH-USD");
        assertThat(venue.market().tradeCount()).isZero();
        assertThat(venue.accounts().rejectCount()).isZero();
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
