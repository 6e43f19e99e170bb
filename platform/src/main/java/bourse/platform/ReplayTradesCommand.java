package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.TradeDecoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the trades are printed. */
    enum Format
    {
        table, csv, json
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with output/).")
    private Path dataDirectory;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1", description = "First command sequence (default: ${DEFAULT-VALUE}).")
    private long fromSequence;

    @Option(names = "--to", paramLabel = "SEQ", defaultValue = "9223372036854775806",
        description = "Last command sequence, inclusive (default: the end).")
    private long toSequence;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    private String instrument;

    @Option(names = "--account", paramLabel = "ID", description = "Only trades where this account is maker or taker.")
    private Long account;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call()
    {
        if (fromSequence < 1 || toSequence < fromSequence)
        {
            throw new ParameterException(spec.commandLine(), "--from must be at least 1 and --to at least --from");
        }
        final Path output = new DataDirectory(dataDirectory).output();
        if (!Files.isDirectory(output))
        {
            spec.commandLine().getErr().println("bourse replay trades: " + dataDirectory + " has no output/ journal");
            return 2;
        }
        final PrintWriter out = spec.commandLine().getOut();
        final TradePrinter printer = new TradePrinter(out);
        printer.header();
        final EngineEventAdapter events = new EngineEventAdapter(printer);
        final JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            // From the start, whatever --from says: the instruments and assets are defined there.
            result = reader.read(1, toSequence + 1, (sequence, timestampNs, buffer, offset, length) ->
                events.onEvents(buffer, offset, length));
        }
        out.flush();
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println("bourse replay trades: the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }

    /** Learns instruments and assets, prints each selected trade. */
    private final class TradePrinter implements EngineEventListener
    {
        private final PrintWriter out;
        private final Int2IntHashMap assetScales = new Int2IntHashMap(-1);
        private final Int2ObjectHashMap<InstrumentInfo> instruments = new Int2ObjectHashMap<>();

        TradePrinter(final PrintWriter out)
        {
            this.out = out;
        }

        void header()
        {
            if (format == Format.table)
            {
                out.printf("%10s  %-27s  %-9s  %8s  %14s  %14s  %-4s  %10s  %8s  %10s  %8s%n", "sequence", "time (UTC)",
                    "symbol", "trade", "price", "quantity", "side", "maker", "account", "taker", "account");
            }
            else if (format == Format.csv)
            {
                out.println("sequence,time,symbol,tradeId,price,quantity,aggressorSide,makerOrderId,makerAccountId,makerFee," +
                    "takerOrderId,takerAccountId,takerFee");
            }
        }

        @Override
        public void onAssetAdded(final AssetAddedDecoder event)
        {
            assetScales.put(event.assetId(), event.scale());
        }

        @Override
        public void onInstrumentAdded(final InstrumentAddedDecoder event)
        {
            instruments.put(event.instrumentId(), new InstrumentInfo(event.symbol().trim(), event.priceScale(),
                assetScales.get(event.baseAssetId()), assetScales.get(event.quoteAssetId())));
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final InstrumentInfo info = instruments.get(event.instrumentId());
            if (event.sequence() < fromSequence || info == null ||
                (instrument != null && !instrument.equals(info.symbol())) ||
                (account != null && account != event.makerAccountId() && account != event.takerAccountId()))
            {
                return;
            }
            final String time = Instant.ofEpochSecond(0, event.timestampNs()).toString();
            final String price = BigDecimal.valueOf(event.price(), info.priceScale()).toPlainString();
            final String quantity = BigDecimal.valueOf(event.quantity(), info.baseScale()).toPlainString();
            final String makerFee = BigDecimal.valueOf(event.makerFee(), info.quoteScale()).toPlainString();
            final String takerFee = BigDecimal.valueOf(event.takerFee(), info.quoteScale()).toPlainString();
            switch (format)
            {
                case table -> out.printf("%10d  %-27s  %-9s  %8d  %14s  %14s  %-4s  %10d  %8d  %10d  %8d%n",
                    event.sequence(), time, info.symbol(), event.tradeId(), price, quantity, event.aggressorSide(),
                    event.makerOrderId(), event.makerAccountId(), event.takerOrderId(), event.takerAccountId());
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
                    out.println(json(trade));
                }
                default -> throw new IllegalStateException("format " + format);
            }
        }
    }

    private static String json(final Map<String, Object> value)
    {
        try
        {
            return JSON.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private record InstrumentInfo(String symbol, int priceScale, int baseScale, int quoteScale)
    {
    }
}
