package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Int2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)([smh])");

    @Spec
    private CommandSpec spec;

    @Mixin
    private ReplayOptions options;

    @Option(names = "--interval", paramLabel = "N{s|m|h}", defaultValue = "1m",
        description = "Candle length, e.g. 1s, 1m, 5m, 1h (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Override
    public Integer call()
    {
        final long intervalNs = intervalNs();
        final PrintWriter out = ReplayOptions.out(spec);
        final Candles candles = new Candles(out, intervalNs);
        if (options.format == ReplayOptions.Format.table)
        {
            out.printf("%-9s  %-27s  %14s  %14s  %14s  %14s  %16s  %7s%n", "symbol", "start (UTC)", "open", "high", "low", "close",
                "volume", "trades");
        }
        else if (options.format == ReplayOptions.Format.csv)
        {
            out.println("symbol,start,open,high,low,close,volume,trades");
        }
        final EngineEventAdapter events = new EngineEventAdapter(candles);
        final int exitCode = options.readOutputJournal(spec, ReplayJournal.Printing.WHILE_READING,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        candles.flushAll();
        out.flush();
        return exitCode;
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
    private final class Candles extends InstrumentCatalog
    {
        private final PrintWriter out;
        private final long intervalNs;
        private final Int2ObjectHashMap<Candle> open = new Int2ObjectHashMap<>();

        Candles(final PrintWriter out, final long intervalNs)
        {
            this.out = out;
            this.intervalNs = intervalNs;
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final Instrument instrument = instrument(event.instrumentId());
            if (instrument == null || !options.selects(instrument.symbol()))
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
                candle = new Candle(startNs, new Ohlcv(instrument));
                open.put(event.instrumentId(), candle);
            }
            candle.ohlcv.add(event.price(), event.quantity());
        }

        void flushAll()
        {
            open.values().stream().sorted((a, b) -> a.symbol().compareTo(b.symbol())).forEach(this::print);
            open.clear();
        }

        private void print(final Candle candle)
        {
            final String start = Instant.ofEpochSecond(0, candle.startNs).toString();
            final Ohlcv ohlcv = candle.ohlcv;
            switch (options.format)
            {
                case table -> out.printf("%-9s  %-27s  %14s  %14s  %14s  %14s  %16s  %7d%n", candle.symbol(), start,
                    ohlcv.open(), ohlcv.high(), ohlcv.low(), ohlcv.close(), ohlcv.volume(), ohlcv.trades);
                case csv -> out.println(String.join(",", candle.symbol(), start, ohlcv.open(), ohlcv.high(), ohlcv.low(),
                    ohlcv.close(), ohlcv.volume(), Long.toString(ohlcv.trades)));
                case json ->
                {
                    final Map<String, Object> row = new LinkedHashMap<>();
                    row.put("symbol", candle.symbol());
                    row.put("start", start);
                    row.put("open", ohlcv.open());
                    row.put("high", ohlcv.high());
                    row.put("low", ohlcv.low());
                    row.put("close", ohlcv.close());
                    row.put("volume", ohlcv.volume());
                    row.put("trades", ohlcv.trades);
                    out.println(JsonLines.of(row));
                }
                default -> throw new IllegalStateException("format " + options.format);
            }
        }
    }

    /** One instrument's trades in one interval. */
    private record Candle(long startNs, Ohlcv ohlcv)
    {
        String symbol()
        {
            return ohlcv.instrument.symbol();
        }
    }
}
