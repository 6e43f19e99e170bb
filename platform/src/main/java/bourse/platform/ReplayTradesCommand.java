package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.sbe.TradeDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay trades DATA_DIR}: every trade in the output journal, read without re-running the
 * engine, as a table, CSV or JSON lines. Instruments and assets are learned from the journal itself,
 * so prices and quantities print as decimals.
 */
@Command(
    name = "trades",
    mixinStandardHelpOptions = true,
    description = "Prints the trades recorded in an engine data directory's output journal.")
final class ReplayTradesCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReplayOptions options;

    @Option(names = "--account", paramLabel = "ID", description = "Only trades where this account is maker or taker.")
    private Long account;

    @Override
    public Integer call()
    {
        final PrintWriter out = ReplayOptions.out(spec);
        final TradePrinter printer = new TradePrinter(out);
        printer.header();
        final EngineEventAdapter events = new EngineEventAdapter(printer);
        final int exitCode = options.readOutputJournal(spec, ReplayJournal.Printing.WHILE_READING,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        out.flush();
        return exitCode;
    }

    /** Prints each selected trade. */
    private final class TradePrinter extends InstrumentCatalog
    {
        private final PrintWriter out;
        private final TableRow row = new TableRow();

        TradePrinter(final PrintWriter out)
        {
            this.out = out;
        }

        void header()
        {
            if (options.format == ReplayOptions.Format.table)
            {
                out.printf("%10s  %-27s  %-9s  %8s  %14s  %14s  %-4s  %10s  %8s  %10s  %8s%n", "sequence", "time (UTC)",
                    "symbol", "trade", "price", "quantity", "side", "maker", "account", "taker", "account");
            }
            else if (options.format == ReplayOptions.Format.csv)
            {
                out.println("sequence,time,symbol,tradeId,price,quantity,aggressorSide,makerOrderId,makerAccountId,makerFee," +
                    "takerOrderId,takerAccountId,takerFee");
            }
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final Instrument info = instrument(event.instrumentId());
            if (info == null || !options.selects(info.symbol()) ||
                (account != null && account != event.makerAccountId() && account != event.takerAccountId()))
            {
                return;
            }
            final String time = Instant.ofEpochSecond(0, event.timestampNs()).toString();
            final String price = info.price(event.price()).toPlainString();
            final String quantity = info.quantity(event.quantity()).toPlainString();
            final String makerFee = info.quote(event.makerFee()).toPlainString();
            final String takerFee = info.quote(event.takerFee()).toPlainString();
            switch (options.format)
            {
                case table -> row.right(event.sequence(), 10).left(time, 27).left(info.symbol(), 9).right(event.tradeId(), 8)
                    .right(price, 14).right(quantity, 14).left(event.aggressorSide().name(), 4).right(event.makerOrderId(), 10)
                    .right(event.makerAccountId(), 8).right(event.takerOrderId(), 10).right(event.takerAccountId(), 8).println(out);
                case csv -> out.println(String.join(",", Long.toString(event.sequence()), time, info.symbol(),
                    Long.toString(event.tradeId()), price, quantity, event.aggressorSide().name(),
                    Long.toString(event.makerOrderId()), Long.toString(event.makerAccountId()), makerFee,
                    Long.toString(event.takerOrderId()), Long.toString(event.takerAccountId()), takerFee));
                case json ->
                {
                    final Map<String, Object> trade = new LinkedHashMap<>();
                    trade.put("sequence", event.sequence());
                    trade.put("time", time);
                    trade.put("symbol", info.symbol());
                    trade.put("tradeId", event.tradeId());
                    trade.put("price", price);
                    trade.put("quantity", quantity);
                    trade.put("aggressorSide", event.aggressorSide().name());
                    trade.put("makerOrderId", event.makerOrderId());
                    trade.put("makerAccountId", event.makerAccountId());
                    trade.put("makerFee", makerFee);
                    trade.put("takerOrderId", event.takerOrderId());
                    trade.put("takerAccountId", event.takerAccountId());
                    trade.put("takerFee", takerFee);
                    out.println(JsonLines.of(trade));
                }
                default -> throw new IllegalStateException("format " + options.format);
            }
        }
    }
}
