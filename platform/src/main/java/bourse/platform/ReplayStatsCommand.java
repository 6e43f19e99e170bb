package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
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
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay stats DATA_DIR}: per instrument, volume, VWAP, open/high/low/close, trades,
 * order-to-trade and cancel ratios; per account and instrument, filled volume, fees, position and
 * realised P&L (average cost, before fees) — all from the output journal, in decimals.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Prints per-instrument and per-account statistics from the output journal.")
final class ReplayStatsCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext MATH = MathContext.DECIMAL128;

    /** How the statistics are printed. */
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

    @Option(names = "--account", paramLabel = "ID", description = "Only this account in the per-account part.")
    private Long account;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv or json (default: ${DEFAULT-VALUE}).")
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
            spec.commandLine().getErr().println("bourse replay stats: " + dataDirectory + " has no output/ journal");
            return 2;
        }
        final Statistics statistics = new Statistics();
        final EngineEventAdapter events = new EngineEventAdapter(statistics);
        final JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            result = reader.read(1, toSequence + 1, (sequence, timestampNs, buffer, offset, length) ->
                events.onEvents(buffer, offset, length));
        }
        print(spec.commandLine().getOut(), statistics);
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println("bourse replay stats: the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }

    private void print(final PrintWriter out, final Statistics statistics)
    {
        final List<Map<String, Object>> instrumentRows = new ArrayList<>();
        statistics.instruments.values().stream()
            .filter(stats -> instrument == null || instrument.equals(stats.symbol))
            .forEach(stats -> instrumentRows.add(stats.row()));
        final List<Map<String, Object>> accountRows = new ArrayList<>();
        statistics.positions.forEach((key, position) ->
        {
            if ((account == null || account == position.accountId) && (instrument == null || instrument.equals(position.symbol)))
            {
                accountRows.add(position.row());
            }
        });
        switch (format)
        {
            case json ->
            {
                final Map<String, Object> all = new LinkedHashMap<>();
                all.put("instruments", instrumentRows);
                all.put("accounts", accountRows);
                out.println(json(all));
            }
            case csv ->
            {
                printCsv(out, instrumentRows);
                out.println();
                printCsv(out, accountRows);
            }
            case table ->
            {
                printTable(out, instrumentRows);
                out.println();
                printTable(out, accountRows);
            }
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
    }

    private static void printCsv(final PrintWriter out, final List<Map<String, Object>> rows)
    {
        if (!rows.isEmpty())
        {
            out.println(String.join(",", rows.get(0).keySet()));
            rows.forEach(row -> out.println(String.join(",", row.values().stream().map(String::valueOf).toList())));
        }
    }

    private static void printTable(final PrintWriter out, final List<Map<String, Object>> rows)
    {
        if (rows.isEmpty())
        {
            return;
        }
        final List<String> columns = new ArrayList<>(rows.get(0).keySet());
        final int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (final Map<String, Object> row : rows)
        {
            for (int c = 0; c < columns.size(); c++)
            {
                widths[c] = Math.max(widths[c], String.valueOf(row.get(columns.get(c))).length());
            }
        }
        final StringBuilder header = new StringBuilder();
        for (int c = 0; c < columns.size(); c++)
        {
            header.append(String.format("%" + widths[c] + "s  ", columns.get(c)));
        }
        out.println(header.toString().stripTrailing());
        for (final Map<String, Object> row : rows)
        {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns.size(); c++)
            {
                line.append(String.format("%" + widths[c] + "s  ", row.get(columns.get(c))));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Accumulates the statistics of the selected sequence range; learns instruments from the start. */
    private final class Statistics implements EngineEventListener
    {
        private final Int2IntHashMap assetScales = new Int2IntHashMap(-1);
        private final Int2ObjectHashMap<InstrumentStats> byId = new Int2ObjectHashMap<>();
        private final Map<Integer, InstrumentStats> instruments = new TreeMap<>();
        private final Map<String, Position> positions = new TreeMap<>();

        @Override
        public void onAssetAdded(final AssetAddedDecoder event)
        {
            assetScales.put(event.assetId(), event.scale());
        }

        @Override
        public void onInstrumentAdded(final InstrumentAddedDecoder event)
        {
            final InstrumentStats stats = new InstrumentStats(event.symbol().trim(), event.priceScale(),
                assetScales.get(event.baseAssetId()), assetScales.get(event.quoteAssetId()));
            byId.put(event.instrumentId(), stats);
            instruments.put(event.instrumentId(), stats);
        }

        @Override
        public void onOrderAccepted(final OrderAcceptedDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (event.sequence() >= fromSequence && stats != null)
            {
                stats.orders++;
            }
        }

        @Override
        public void onOrderCancelled(final OrderCancelledDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (event.sequence() >= fromSequence && stats != null)
            {
                stats.cancels++;
            }
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (event.sequence() < fromSequence || stats == null)
            {
                return;
            }
            final BigDecimal price = BigDecimal.valueOf(event.price(), stats.priceScale);
            final BigDecimal quantity = BigDecimal.valueOf(event.quantity(), stats.baseScale);
            stats.onTrade(price, quantity);
            final boolean takerBuys = event.aggressorSide() == bourse.sbe.Side.BUY;
            position(event.takerAccountId(), stats).onFill(takerBuys, price, quantity,
                BigDecimal.valueOf(event.takerFee(), stats.quoteScale));
            position(event.makerAccountId(), stats).onFill(!takerBuys, price, quantity,
                BigDecimal.valueOf(event.makerFee(), stats.quoteScale));
        }

        private Position position(final long accountId, final InstrumentStats stats)
        {
            return positions.computeIfAbsent(String.format("%019d %s", accountId, stats.symbol),
                key -> new Position(accountId, stats.symbol));
        }
    }

    /** One instrument's trading in the range. */
    private static final class InstrumentStats
    {
        final String symbol;
        final int priceScale;
        final int baseScale;
        final int quoteScale;
        long trades;
        long orders;
        long cancels;
        BigDecimal baseVolume = BigDecimal.ZERO;
        BigDecimal quoteVolume = BigDecimal.ZERO;
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;

        InstrumentStats(final String symbol, final int priceScale, final int baseScale, final int quoteScale)
        {
            this.symbol = symbol;
            this.priceScale = priceScale;
            this.baseScale = baseScale;
            this.quoteScale = quoteScale;
        }

        void onTrade(final BigDecimal price, final BigDecimal quantity)
        {
            trades++;
            baseVolume = baseVolume.add(quantity);
            quoteVolume = quoteVolume.add(price.multiply(quantity));
            open = open == null ? price : open;
            high = high == null || price.compareTo(high) > 0 ? price : high;
            low = low == null || price.compareTo(low) < 0 ? price : low;
            close = price;
        }

        Map<String, Object> row()
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", symbol);
            row.put("trades", trades);
            row.put("volume", baseVolume.toPlainString());
            row.put("quoteVolume", quoteVolume.toPlainString());
            row.put("vwap", trades == 0 ? "-" : quoteVolume.divide(baseVolume, MATH).setScale(priceScale + 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            row.put("open", open == null ? "-" : open.toPlainString());
            row.put("high", high == null ? "-" : high.toPlainString());
            row.put("low", low == null ? "-" : low.toPlainString());
            row.put("close", close == null ? "-" : close.toPlainString());
            row.put("orders", orders);
            row.put("cancels", cancels);
            row.put("ordersPerTrade", trades == 0 ? "-" : ratio(orders, trades));
            row.put("cancelRatio", orders == 0 ? "-" : ratio(cancels, orders));
            return row;
        }
    }

    /**
     * One account's position in one instrument, by average cost: a fill that adds to the position moves
     * the average; one that reduces it realises (price − average) × quantity in the position's direction.
     */
    private static final class Position
    {
        final long accountId;
        final String symbol;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averagePrice = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        long fills;

        Position(final long accountId, final String symbol)
        {
            this.accountId = accountId;
            this.symbol = symbol;
        }

        void onFill(final boolean buy, final BigDecimal price, final BigDecimal size, final BigDecimal fee)
        {
            fills++;
            filled = filled.add(size);
            fees = fees.add(fee);
            final BigDecimal signed = buy ? size : size.negate();
            if (quantity.signum() == 0 || quantity.signum() == signed.signum())
            {
                final BigDecimal total = quantity.add(signed);
                averagePrice = averagePrice.multiply(quantity.abs()).add(price.multiply(size)).divide(total.abs(), MATH);
                quantity = total;
                return;
            }
            final BigDecimal closed = size.min(quantity.abs());
            realised = realised.add(price.subtract(averagePrice).multiply(closed).multiply(BigDecimal.valueOf(quantity.signum())));
            quantity = quantity.add(signed);
            if (quantity.signum() == signed.signum())
            {
                averagePrice = price;
            }
            else if (quantity.signum() == 0)
            {
                averagePrice = BigDecimal.ZERO;
            }
        }

        Map<String, Object> row()
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("account", accountId);
            row.put("symbol", symbol);
            row.put("fills", fills);
            row.put("filled", filled.toPlainString());
            row.put("fees", fees.toPlainString());
            row.put("position", quantity.toPlainString());
            row.put("averagePrice", averagePrice.round(new MathContext(12)).stripTrailingZeros().toPlainString());
            row.put("realisedPnl", realised.round(new MathContext(18)).stripTrailingZeros().toPlainString());
            return row;
        }
    }

    private static String ratio(final long numerator, final long denominator)
    {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String json(final Object value)
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
