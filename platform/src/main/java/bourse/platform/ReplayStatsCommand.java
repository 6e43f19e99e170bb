package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Int2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
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
    private static final MathContext MATH = MathContext.DECIMAL128;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ReplayOptions options;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account in the per-account part.")
    private Long account;

    @Override
    public Integer call()
    {
        final Statistics statistics = new Statistics();
        final EngineEventAdapter events = new EngineEventAdapter(statistics);
        final int exitCode = options.readOutputJournal(spec, (sequence, timestampNs, buffer, offset, length) ->
            events.onEvents(buffer, offset, length));
        if (exitCode != 2)
        {
            print(spec.commandLine().getOut(), statistics);
        }
        return exitCode;
    }

    private void print(final PrintWriter out, final Statistics statistics)
    {
        final List<Map<String, Object>> instrumentRows = new ArrayList<>();
        statistics.instruments.values().stream()
            .filter(stats -> options.instrument == null || options.instrument.equals(stats.instrument.symbol()))
            .forEach(stats -> instrumentRows.add(stats.row()));
        final List<Map<String, Object>> accountRows = new ArrayList<>();
        statistics.positions.forEach((key, position) ->
        {
            if ((account == null || account == position.accountId) && (options.instrument == null || options.instrument.equals(position.symbol)))
            {
                accountRows.add(position.row());
            }
        });
        switch (options.format)
        {
            case json ->
            {
                final Map<String, Object> all = new LinkedHashMap<>();
                all.put("instruments", instrumentRows);
                all.put("accounts", accountRows);
                out.println(JsonLines.of(all));
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
            default -> throw new IllegalStateException("format " + options.format);
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
    private final class Statistics extends InstrumentCatalog
    {
        private final Int2ObjectHashMap<InstrumentStats> byId = new Int2ObjectHashMap<>();
        private final Map<Integer, InstrumentStats> instruments = new TreeMap<>();
        private final Map<String, Position> positions = new TreeMap<>();

        @Override
        void onInstrument(final int instrumentId, final Instrument instrument)
        {
            final InstrumentStats stats = new InstrumentStats(instrument);
            byId.put(instrumentId, stats);
            instruments.put(instrumentId, stats);
        }

        @Override
        public void onOrderAccepted(final OrderAcceptedDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (options.inRange() && stats != null)
            {
                stats.orders++;
            }
        }

        @Override
        public void onOrderCancelled(final OrderCancelledDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (options.inRange() && stats != null)
            {
                stats.cancels++;
            }
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            final InstrumentStats stats = byId.get(event.instrumentId());
            if (!options.inRange() || stats == null)
            {
                return;
            }
            final Instrument instrument = stats.instrument;
            final BigDecimal price = instrument.price(event.price());
            final BigDecimal quantity = instrument.quantity(event.quantity());
            stats.onTrade(price, quantity);
            final boolean takerBuys = event.aggressorSide() == bourse.sbe.Side.BUY;
            position(event.takerAccountId(), instrument).onFill(takerBuys, price, quantity, instrument.quote(event.takerFee()));
            position(event.makerAccountId(), instrument).onFill(!takerBuys, price, quantity, instrument.quote(event.makerFee()));
        }

        private Position position(final long accountId, final Instrument instrument)
        {
            return positions.computeIfAbsent(String.format("%019d %s", accountId, instrument.symbol()),
                key -> new Position(accountId, instrument.symbol()));
        }
    }

    /** One instrument's trading in the range. */
    private static final class InstrumentStats
    {
        final InstrumentCatalog.Instrument instrument;
        final Ohlcv ohlcv = new Ohlcv();
        long orders;
        long cancels;
        BigDecimal quoteVolume = BigDecimal.ZERO;

        InstrumentStats(final InstrumentCatalog.Instrument instrument)
        {
            this.instrument = instrument;
        }

        void onTrade(final BigDecimal price, final BigDecimal quantity)
        {
            ohlcv.add(price, quantity);
            quoteVolume = quoteVolume.add(price.multiply(quantity));
        }

        Map<String, Object> row()
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            final long trades = ohlcv.trades;
            row.put("symbol", instrument.symbol());
            row.put("trades", trades);
            row.put("volume", ohlcv.volume.toPlainString());
            row.put("quoteVolume", quoteVolume.toPlainString());
            row.put("vwap", trades == 0 ? "-" : quoteVolume.divide(ohlcv.volume, MATH)
                .setScale(instrument.priceScale() + 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            row.put("open", Ohlcv.plain(ohlcv.open));
            row.put("high", Ohlcv.plain(ohlcv.high));
            row.put("low", Ohlcv.plain(ohlcv.low));
            row.put("close", Ohlcv.plain(ohlcv.close));
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
}
