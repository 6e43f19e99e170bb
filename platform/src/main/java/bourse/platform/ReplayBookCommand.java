package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.platform.view.InstrumentView;
import bourse.platform.view.MarketView;
import bourse.platform.view.PriceLadder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay book DATA_DIR --at SEQ|TIME}: the price levels (L2: price, visible quantity,
 * order count) of each instrument as they were right after command {@code SEQ}, or after the last
 * command stamped at or before {@code TIME}, rebuilt from the output journal's order-level book changes
 * alone, exactly as any downstream consumer rebuilds them.
 */
@Command(
    name = "book",
    mixinStandardHelpOptions = true,
    description = "Prints each instrument's price levels after a given command, from the output journal.")
final class ReplayBookCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReplayJournal journal;

    @Option(names = "--at", paramLabel = "SEQ|TIME", converter = ReplayBound.Converter.class,
        description = "The book right after this command: a sequence number, or an ISO-8601 instant (the last command " +
            "stamped at or before it), e.g. 2026-11-25T17:50:00Z (default: the end of the journal).")
    private ReplayBound at;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    private String instrument;

    @Option(names = "--depth", paramLabel = "LEVELS", defaultValue = "10", description = "Levels per side (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Override
    public Integer call()
    {
        if (depth < 1)
        {
            throw new ParameterException(spec.commandLine(), "--depth must be at least 1");
        }
        final MarketView market = new MarketView();
        final EngineEventAdapter events = new EngineEventAdapter(market);
        final int exitCode = journal.read(spec, ReplayJournal.Printing.AFTER_READING, ReplayBound.sequence(1), at,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        if (exitCode == 2)
        {
            return exitCode;
        }
        final PrintWriter out = spec.commandLine().getOut();
        for (final InstrumentView view : market.instruments())
        {
            if (instrument == null || instrument.equals(view.symbol()))
            {
                print(out, market, view);
            }
        }
        out.flush();
        return exitCode;
    }

    private void print(final PrintWriter out, final MarketView market, final InstrumentView view)
    {
        out.printf("%s after sequence %d at %s: %d resting orders, last %s%n", view.symbol(), journal.lastSequence(),
            Instant.ofEpochSecond(0, journal.lastTimestampNs()), view.restingOrderCount(),
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
