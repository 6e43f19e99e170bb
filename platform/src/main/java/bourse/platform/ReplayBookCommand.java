package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.platform.view.InstrumentView;
import bourse.platform.view.MarketView;
import bourse.platform.view.PriceLadder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay book DATA_DIR --at SEQ}: the price levels (L2: price, visible quantity, order
 * count) of each instrument as they were right after command {@code SEQ}, rebuilt from the output
 * journal's order-level book changes alone, exactly as any downstream consumer rebuilds them.
 */
@Command(
    name = "book",
    mixinStandardHelpOptions = true,
    description = "Prints each instrument's price levels after a given command, from the output journal.")
final class ReplayBookCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with output/).")
    private Path dataDirectory;

    @Option(names = "--at", paramLabel = "SEQ", defaultValue = "9223372036854775806",
        description = "The book right after this command sequence (default: the end of the journal).")
    private long atSequence;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    private String instrument;

    @Option(names = "--depth", paramLabel = "LEVELS", defaultValue = "10", description = "Levels per side (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Override
    public Integer call()
    {
        if (atSequence < 1 || depth < 1)
        {
            throw new ParameterException(spec.commandLine(), "--at and --depth must be at least 1");
        }
        final MarketView market = new MarketView();
        final EngineEventAdapter events = new EngineEventAdapter(market);
        final long[] lastSequence = new long[1];
        final int exitCode = ReplayOptions.readOutputJournal(spec, dataDirectory, atSequence,
            (sequence, timestampNs, buffer, offset, length) ->
            {
                events.onEvents(buffer, offset, length);
                lastSequence[0] = sequence;
            });
        if (exitCode == 2)
        {
            return exitCode;
        }
        final PrintWriter out = spec.commandLine().getOut();
        for (final InstrumentView view : market.instruments())
        {
            if (instrument == null || instrument.equals(view.symbol()))
            {
                print(out, market, view, lastSequence[0]);
            }
        }
        out.flush();
        return exitCode;
    }

    private void print(final PrintWriter out, final MarketView market, final InstrumentView view, final long sequence)
    {
        out.printf("%s after sequence %d: %d resting orders, last %s%n", view.symbol(), sequence, view.restingOrderCount(),
            view.hasTraded() ? view.formatPrice(view.lastPrice()) : "-");
        out.printf("  %6s  %16s  %14s | %-14s  %-16s  %-6s%n", "orders", "bid quantity", "bid", "ask", "ask quantity", "orders");
        final PriceLadder bids = view.bids();
        final PriceLadder asks = view.asks();
        for (int rank = 0; rank < depth && (rank < bids.levelCount() || rank < asks.levelCount()); rank++)
        {
            out.printf("  %6s  %16s  %14s | %-14s  %-16s  %-6s%n",
                rank < bids.levelCount() ? Integer.toString(bids.orderCountAt(rank)) : "",
                rank < bids.levelCount() ? market.formatAmount(view.baseAssetId(), bids.quantityAt(rank)) : "",
                rank < bids.levelCount() ? view.formatPrice(bids.priceAt(rank)) : "",
                rank < asks.levelCount() ? view.formatPrice(asks.priceAt(rank)) : "",
                rank < asks.levelCount() ? market.formatAmount(view.baseAssetId(), asks.quantityAt(rank)) : "",
                rank < asks.levelCount() ? Integer.toString(asks.orderCountAt(rank)) : "");
        }
    }
}
