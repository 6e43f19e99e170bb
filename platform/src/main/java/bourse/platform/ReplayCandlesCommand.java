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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bourse replay candles DATA_DIR --interval 1m}: open, high, low, close, volume and trade count
 * per instrument and interval of trade time (the sequencer's timestamps), from the output journal.
 * Intervals with no trade print no candle.
 */
@Command(
    name = "candles",
    mixinStandardHelpOptions = true,
    description = "Prints OHLCV candles per instrument from the output journal's trades.")
final class ReplayCandlesCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)([smh])");

    /** How the candles are printed. */
    enum Format
    {
        table, csv, json
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with output/).")
    private Path dataDirectory;

    @Option(names = "--interval", paramLabel = "N{s|m|h}", defaultValue = "1m",
        description = "Candle length, e.g. 1s, 1m, 5m, 1h (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1", description = "First command sequence (default: ${DEFAULT-VALUE}).")
    private long fromSequence;

    @Option(names = "--to", paramLabel = "SEQ", defaultValue = "9223372036854775806",
        description = "Last command sequence, inclusive (default: the end).")
    private long toSequence;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    private String instrument;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call()
    {
        final long intervalNs = intervalNs();
        if (fromSequence < 1 || toSequence < fromSequence)
        {
            throw new ParameterException(spec.commandLine(), "--from must be at least 1 and --to at least --from");
        }
        final Path output = new DataDirectory(dataDirectory).output();
        if (!Files.isDirectory(output))
        {
            spec.commandLine().getErr().println("bourse replay candles: " + dataDirectory + " has no output/ journal");
            return 2;
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Candles candles = new Candles(out, intervalNs);
        if (format == Format.table)
        {
            out.printf("%-9s  %-27s  %14s  %14s  %14s  %14s  %16s  %7s%n", "symbol", "start (UTC)", "open", "high", "low", "close",
                "volume", "trades");
        }
        else if (format == Format.csv)
        {
            out.println("symbol,start,open,high,low,close,volume,trades");
        }
        final EngineEventAdapter events = new EngineEventAdapter(candles);
        final JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            result = reader.read(1, toSequence + 1, (sequence, timestampNs, buffer, offset, length) ->
                events.onEvents(buffer, offset, length));
        }
        candles.flushAll();
        out.flush();
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println("bourse replay candles: the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }

    private long intervalNs()
    {
        final Matcher matcher = INTERVAL.matcher(interval);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1)
        {
            throw new ParameterException(spec.commandLine(), "--interval must be a positive number of s, m or h, e.g. 1m: " + interval);
        }
        final long count = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2))
        {
            case "s" -> TimeUnit.SECONDS.toNanos(count);
            case "m" -> TimeUnit.MINUTES.toNanos(count);
            default -> TimeUnit.HOURS.toNanos(count);
        };
    }

    /** Builds one open candle per instrument and prints it when a trade falls into a later interval. */
    private final class Candles implements EngineEventListener
    {
        private final PrintWriter out;
        private final long intervalNs;
        private final Int2IntHashMap assetScales = new Int2IntHashMap(-1);
        private final Int2ObjectHashMap<Candle> open = new Int2ObjectHashMap<>();
        private final Int2ObjectHashMap<String> symbols = new Int2ObjectHashMap<>();
        private final Int2IntHashMap priceScales = new Int2IntHashMap(-1);
        private final Int2IntHashMap baseScales = new Int2IntHashMap(-1);

        Candles(final PrintWriter out, final long intervalNs)
        {
            this.out = out;
            this.intervalNs = intervalNs;
        }

        @Override
        public void onAssetAdded(final AssetAddedDecoder event)
        {
            assetScales.put(event.assetId(), event.scale());
        }

        @Override
        public void onInstrumentAdded(final InstrumentAddedDecoder event)
        {
            symbols.put(event.instrumentId(), event.symbol().trim());
            priceScales.put(event.instrumentId(), event.priceScale());
            baseScales.put(event.instrumentId(), assetScales.get(event.baseAssetId()));
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final String symbol = symbols.get(event.instrumentId());
            if (event.sequence() < fromSequence || symbol == null || (instrument != null && !instrument.equals(symbol)))
            {
                return;
            }
            final long startNs = event.timestampNs() - Math.floorMod(event.timestampNs(), intervalNs);
            Candle candle = open.get(event.instrumentId());
            if (candle != null && candle.startNs != startNs)
            {
                print(candle);
                candle = null;
            }
            if (candle == null)
            {
                candle = new Candle(symbol, startNs);
                open.put(event.instrumentId(), candle);
            }
            candle.add(BigDecimal.valueOf(event.price(), priceScales.get(event.instrumentId())),
                BigDecimal.valueOf(event.quantity(), baseScales.get(event.instrumentId())));
        }

        void flushAll()
        {
            open.values().stream().sorted((a, b) -> a.symbol.compareTo(b.symbol)).forEach(this::print);
            open.clear();
        }

        private void print(final Candle candle)
        {
            final String start = Instant.ofEpochSecond(0, candle.startNs).toString();
            switch (format)
            {
                case table -> out.printf("%-9s  %-27s  %14s  %14s  %14s  %14s  %16s  %7d%n", candle.symbol, start,
                    candle.open.toPlainString(), candle.high.toPlainString(), candle.low.toPlainString(),
                    candle.close.toPlainString(), candle.volume.toPlainString(), candle.trades);
                case csv -> out.println(String.join(",", candle.symbol, start, candle.open.toPlainString(),
                    candle.high.toPlainString(), candle.low.toPlainString(), candle.close.toPlainString(),
                    candle.volume.toPlainString(), Long.toString(candle.trades)));
                case json ->
                {
                    final Map<String, Object> row = new LinkedHashMap<>();
                    row.put("symbol", candle.symbol);
                    row.put("start", start);
                    row.put("open", candle.open.toPlainString());
                    row.put("high", candle.high.toPlainString());
                    row.put("low", candle.low.toPlainString());
                    row.put("close", candle.close.toPlainString());
                    row.put("volume", candle.volume.toPlainString());
                    row.put("trades", candle.trades);
                    out.println(json(row));
                }
                default -> throw new IllegalStateException("format " + format);
            }
        }
    }

    /** One instrument's trades in one interval. */
    private static final class Candle
    {
        final String symbol;
        final long startNs;
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal volume = BigDecimal.ZERO;
        long trades;

        Candle(final String symbol, final long startNs)
        {
            this.symbol = symbol;
            this.startNs = startNs;
        }

        void add(final BigDecimal price, final BigDecimal quantity)
        {
            open = open == null ? price : open;
            high = high == null || price.compareTo(high) > 0 ? price : high;
            low = low == null || price.compareTo(low) < 0 ? price : low;
            close = price;
            volume = volume.add(quantity);
            trades++;
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
}
