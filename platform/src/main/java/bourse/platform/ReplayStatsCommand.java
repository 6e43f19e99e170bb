package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
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
        final int exitCode = options.readOutputJournal(spec, ReplayJournal.Printing.AFTER_READING,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        if (exitCode != 2)
        {
            print(ReplayOptions.out(spec), statistics);
        }
        return exitCode;
    }

    private void print(final PrintWriter out, final Statistics statistics)
    {
        final List<Map<String, Object>> instrumentRows = new ArrayList<>();
        statistics.instruments.values().stream()
            .filter(stats -> options.instrument == null || options.instrument.equals(stats.instrument.symbol()))
            .forEach(stats -> instrumentRows.add(stats.row()));
        final List<Map<String, Object>> accountRows = statistics.instruments.values().stream()
            .filter(stats -> options.instrument == null || options.instrument.equals(stats.instrument.symbol()))
            .flatMap(stats -> stats.positions.values().stream())
            .sorted(Comparator.comparingLong((AccountPosition position) -> position.accountId)
                .thenComparing(position -> position.instrument.symbol()))
            .map(AccountPosition::row)
            .toList();
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

    /**
     * Accumulates the statistics of the selected range; learns instruments from the start. Integers
     * (ticks, lots, exact 128-bit sums) per trade; decimals only when printed.
     */
    private final class Statistics extends InstrumentCatalog
    {
        private final Int2ObjectHashMap<InstrumentStats> byId = new Int2ObjectHashMap<>();
        private final Map<Integer, InstrumentStats> instruments = new TreeMap<>();

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
            final long price = event.price();
            final long quantity = event.quantity();
            stats.ohlcv.add(price, quantity);
            stats.quoteVolume.addProduct(price, quantity);
            final boolean takerBuys = event.aggressorSide() == bourse.sbe.Side.BUY;
            if (account == null || account == event.takerAccountId())
            {
                stats.position(event.takerAccountId()).onFill(takerBuys, price, quantity, event.takerFee());
            }
            if (account == null || account == event.makerAccountId())
            {
                stats.position(event.makerAccountId()).onFill(!takerBuys, price, quantity, event.makerFee());
            }
        }
    }

    /** One instrument's trading in the range, and each account's position in it. */
    private static final class InstrumentStats
    {
        final InstrumentCatalog.Instrument instrument;
        final Ohlcv ohlcv;
        final ExactSum quoteVolume = new ExactSum();
        final Long2ObjectHashMap<AccountPosition> positions = new Long2ObjectHashMap<>();
        long orders;
        long cancels;

        InstrumentStats(final InstrumentCatalog.Instrument instrument)
        {
            this.instrument = instrument;
            this.ohlcv = new Ohlcv(instrument);
        }

        AccountPosition position(final long accountId)
        {
            AccountPosition position = positions.get(accountId);
            if (position == null)
            {
                position = new AccountPosition(accountId, instrument);
                positions.put(accountId, position);
            }
            return position;
        }

        Map<String, Object> row()
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            final long trades = ohlcv.trades;
            final BigDecimal quote = quoteVolume.decimal(instrument.priceScale() + instrument.baseScale());
            row.put("symbol", instrument.symbol());
            row.put("trades", trades);
            row.put("volume", ohlcv.volume());
            row.put("quoteVolume", quote.toPlainString());
            row.put("vwap", trades == 0 ? "-" : quote.divide(ohlcv.volume.decimal(instrument.baseScale()), MATH)
                .setScale(instrument.priceScale() + 2, RoundingMode.HALF_EVEN).toPlainString());
            row.put("open", ohlcv.open());
            row.put("high", ohlcv.high());
            row.put("low", ohlcv.low());
            row.put("close", ohlcv.close());
            row.put("orders", orders);
            row.put("cancels", cancels);
            row.put("ordersPerTrade", trades == 0 ? "-" : ratio(orders, trades));
            row.put("cancelRatio", orders == 0 ? "-" : ratio(cancels, orders));
            return row;
        }
    }

    private static String ratio(final long numerator, final long denominator)
    {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
