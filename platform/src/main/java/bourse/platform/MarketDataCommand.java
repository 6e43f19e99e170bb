package bourse.platform;

import bourse.marketdata.BookLevels;
import bourse.marketdata.InstrumentSpec;
import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;
import bourse.marketdata.client.InstrumentBook;
import bourse.marketdata.client.MarketDataClient;
import bourse.engine.service.SmallMachineAeron;
import bourse.platform.view.Decimals;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bourse md SYMBOL}: one instrument's market data in the terminal, from the feed's client library
 * ({@link MarketDataClient}): a price ladder (L2) with the last trade and the 24-hour statistics,
 * redrawn in place a few times a second. The client recovers from gaps on its own; the header says
 * whether the book is current. When stdout is not a terminal each refresh is printed below the last.
 */
@Command(
    name = "md",
    mixinStandardHelpOptions = true,
    description = {
        "Shows an instrument's live order book, last trade and 24h statistics.",
        "",
        "Reads the market-data feed (of bourse run or bourse feed) with its client",
        "library, over its own embedded media driver unless --aeron-dir is given.",
        ""})
final class MarketDataCommand implements Callable<Integer>
{
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final String NONE = "-";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SYMBOL", description = "The instrument, e.g. BTC-USD.")
    private String symbol;

    @Option(names = "--depth", paramLabel = "LEVELS", defaultValue = "10",
        description = "Price levels shown on each side (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--refresh", paramLabel = "MILLIS", defaultValue = "250",
        description = "How often the screen is redrawn (default: ${DEFAULT-VALUE} ms).")
    private long refreshMillis;

    @Mixin
    private DurationOption duration;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the media driver running on this directory instead of embedding one.")
    private String aeronDirectoryName;

    @Option(names = "--redraw", negatable = true,
        description = "Redraw in place (default: when stdout is a terminal).")
    private Boolean redraw;

    @Mixin
    private MarketDataOptions marketData;

    @Override
    public Integer call() throws InterruptedException
    {
        final long durationSeconds = duration.seconds(spec);
        if (depth < 1 || refreshMillis < 1)
        {
            throw new ParameterException(spec.commandLine(), "--depth and --refresh must be positive");
        }
        final MarketDataClient.Context context;
        try
        {
            context = new MarketDataClient.Context()
                .aeronDirectoryName(aeronDirectoryName)
                .embeddedMediaDriver(aeronDirectoryName == null)
                .streams(marketData.streams())
                .conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
        final boolean inPlace = redraw != null ? redraw : System.console() != null;
        final PrintWriter out = spec.commandLine().getOut();
        final long refreshNs = TimeUnit.MILLISECONDS.toNanos(refreshMillis);
        final IdleStrategy idle = SmallMachineAeron.backoffIdleStrategy();
        boolean seen = false;
        try (UntilStopped untilStopped = new UntilStopped("bourse-md");
            MarketDataClient client = MarketDataClient.connect(context))
        {
            final long deadlineNs = durationSeconds == 0 ? Long.MAX_VALUE :
                System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
            long nextDrawNs = System.nanoTime();
            while (System.nanoTime() - deadlineNs < 0 && !untilStopped.await(0, TimeUnit.NANOSECONDS))
            {
                idle.idle(client.poll());
                final long nowNs = System.nanoTime();
                if (nowNs - nextDrawNs >= 0)
                {
                    final InstrumentBook book = client.book(symbol);
                    seen |= book != null && book.isDefined();
                    out.print((inPlace ? CLEAR_SCREEN : "") + render(client, book));
                    out.flush();
                    nextDrawNs = nowNs + refreshNs;
                }
            }
        }
        if (!seen)
        {
            spec.commandLine().getErr().println("md: no market data for " + symbol + " arrived: is a venue running " +
                "(./bourse run) with its feed on " + marketData.incrementalChannel + "?");
            return 1;
        }
        return 0;
    }

    private String render(final MarketDataClient client, final InstrumentBook book)
    {
        final StringBuilder screen = new StringBuilder(2048);
        if (book == null || !book.isDefined())
        {
            return screen.append(symbol).append(": waiting for the feed (")
                .append(client.isConnected() ? "connected" : "not connected").append(")\n").toString();
        }
        final InstrumentSpec spec = book.spec();
        final Ticker ticker = book.ticker();
        final Ohlcv day = ticker.window();
        screen.append(String.format("%s  %s  %s  sequence %d%n", book.symbol(), book.status(),
            book.isSynced() ? "current" : "recovering (waiting for a snapshot)", book.instrumentSequence()));
        screen.append("last   ").append(ticker.lastTradeId() == 0 ? NONE :
            price(spec, ticker.lastPrice()) + " x " + quantity(spec, ticker.lastQuantity()) + " at " +
            Instant.ofEpochSecond(0, ticker.lastTradeTimestampNs())).append('\n');
        screen.append("24h    ").append(day.tradeCount() == 0 ? "no trades" :
            "open " + price(spec, day.openPrice()) + "  high " + price(spec, day.highPrice()) +
            "  low " + price(spec, day.lowPrice()) + "  last " + price(spec, day.closePrice()) +
            "  volume " + quantity(spec, day.baseVolume()) + " / " + Decimals.format(day.quoteVolume(), spec.quoteScale()) +
            "  trades " + Decimals.count(day.tradeCount())).append('\n');
        screen.append(String.format("%n%-4s %16s %16s %7s%n", "", "price", "quantity", "orders"));
        final BookLevels asks = book.asks();
        for (int rank = Math.min(depth, asks.size()) - 1; rank >= 0; rank--)
        {
            level(screen, "ask", spec, asks, rank);
        }
        screen.append("---- ").append(spread(spec, book)).append('\n');
        final BookLevels bids = book.bids();
        for (int rank = 0; rank < Math.min(depth, bids.size()); rank++)
        {
            level(screen, "bid", spec, bids, rank);
        }
        screen.append(String.format("%nfeed: %s incrementals, %s gaps recovered, %s checksums verified%n",
            Decimals.count(client.incrementalsReceived()), Decimals.count(client.instrumentGaps()),
            Decimals.count(client.checksumsVerified())));
        return screen.toString();
    }

    private static void level(
        final StringBuilder screen, final String side, final InstrumentSpec spec, final BookLevels levels, final int rank)
    {
        screen.append(String.format("%-4s %16s %16s %7d%n", side, price(spec, levels.price(rank)),
            quantity(spec, levels.quantity(rank)), levels.orderCount(rank)));
    }

    private static String spread(final InstrumentSpec spec, final InstrumentBook book)
    {
        return book.bids().size() == 0 || book.asks().size() == 0 ? "spread -" :
            "spread " + price(spec, book.asks().price(0) - book.bids().price(0));
    }

    private static String price(final InstrumentSpec spec, final long price)
    {
        return Decimals.format(price, spec.priceScale());
    }

    private static String quantity(final InstrumentSpec spec, final long quantity)
    {
        return Decimals.format(quantity, spec.baseScale());
    }
}
