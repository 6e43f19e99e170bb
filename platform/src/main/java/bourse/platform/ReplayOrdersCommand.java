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
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.TradeDecoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay orders DATA_DIR}: each order's life from the output journal, one row per step:
 * accepted, triggered, filled (as maker or taker), replaced, cancelled (with the reason), and
 * {@code done} when nothing of it remains.
 */
@Command(
    name = "orders",
    mixinStandardHelpOptions = true,
    description = "Prints each order's life (accepted, fills, amendments, end) from the output journal.")
final class ReplayOrdersCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the rows are printed. */
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

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only orders of this instrument, e.g. BTC-USD.")
    private String instrument;

    @Option(names = "--account", paramLabel = "ID", description = "Only orders of this account.")
    private Long account;

    @Option(names = "--order", paramLabel = "ID", description = "Only this order.")
    private Long order;

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
            spec.commandLine().getErr().println("bourse replay orders: " + dataDirectory + " has no output/ journal");
            return 2;
        }
        final PrintWriter out = spec.commandLine().getOut();
        final OrderLives lives = new OrderLives(out);
        lives.header();
        final EngineEventAdapter events = new EngineEventAdapter(lives);
        final JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            // From the start, whatever --from says: instruments, assets and orders begin there.
            result = reader.read(1, toSequence + 1, (sequence, timestampNs, buffer, offset, length) ->
                events.onEvents(buffer, offset, length));
        }
        out.flush();
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println("bourse replay orders: the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }

    /** Follows every order and prints the steps of the selected ones. */
    private final class OrderLives implements EngineEventListener
    {
        private final PrintWriter out;
        private final Int2IntHashMap assetScales = new Int2IntHashMap(-1);
        private final Int2ObjectHashMap<InstrumentInfo> instruments = new Int2ObjectHashMap<>();
        private final Long2ObjectHashMap<OrderInfo> orders = new Long2ObjectHashMap<>();

        OrderLives(final PrintWriter out)
        {
            this.out = out;
        }

        void header()
        {
            if (format == Format.table)
            {
                out.printf("%10s  %10s  %8s  %-9s  %-10s  %s%n", "sequence", "order", "account", "symbol", "step", "detail");
            }
            else if (format == Format.csv)
            {
                out.println("sequence,orderId,accountId,symbol,step,detail");
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
                assetScales.get(event.baseAssetId())));
        }

        @Override
        public void onOrderAccepted(final OrderAcceptedDecoder event)
        {
            final InstrumentInfo info = instruments.get(event.instrumentId());
            final OrderInfo accepted = new OrderInfo(event.orderId(), event.accountId(), info);
            orders.put(event.orderId(), accepted);
            row(event.sequence(), accepted, "accepted", event.side() + " " + event.orderType() + " " + event.timeInForce() +
                " " + quantity(info, event.quantity()) + (event.price() == 0 ? "" : " @ " + price(info, event.price())) +
                (event.stopPrice() == 0 ? "" : " stop " + price(info, event.stopPrice())) +
                (event.displayQuantity() == 0 ? "" : " display " + quantity(info, event.displayQuantity())) +
                (event.clientOrderId().isBlank() ? "" : " client " + event.clientOrderId().trim()));
        }

        @Override
        public void onOrderTriggered(final OrderTriggeredDecoder event)
        {
            final OrderInfo info = orders.get(event.orderId());
            row(event.sequence(), info, "triggered", "last trade " + price(info.instrument(), event.lastTradePrice()));
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            fill(event, orders.get(event.makerOrderId()), "maker", event.makerRemainingQuantity());
            fill(event, orders.get(event.takerOrderId()), "taker", event.takerRemainingQuantity());
        }

        @Override
        public void onOrderReplaced(final OrderReplacedDecoder event)
        {
            final OrderInfo info = orders.get(event.orderId());
            row(event.sequence(), info, "replaced", quantity(info.instrument(), event.remainingQuantity()) + " @ " +
                price(info.instrument(), event.price()) + (event.priorityKept() == bourse.sbe.BooleanType.TRUE ?
                    ", place kept" : ", to the back of the queue"));
        }

        @Override
        public void onOrderCancelled(final OrderCancelledDecoder event)
        {
            final OrderInfo info = orders.remove(event.orderId());
            row(event.sequence(), info, "cancelled", event.reason() + ": " +
                quantity(info.instrument(), event.cancelledQuantity()) + " cancelled, " +
                quantity(info.instrument(), event.filledQuantity()) + " filled");
        }

        private void fill(final TradeDecoder event, final OrderInfo info, final String liquidity, final long remaining)
        {
            if (info == null)
            {
                return;
            }
            row(event.sequence(), info, "filled", quantity(info.instrument(), event.quantity()) + " @ " +
                price(info.instrument(), event.price()) + " as " + liquidity + ", trade " + event.tradeId() + ", " +
                quantity(info.instrument(), remaining) + " left");
            if (remaining == 0)
            {
                orders.remove(info.orderId());
                row(event.sequence(), info, "done", "filled");
            }
        }

        private void row(final long sequence, final OrderInfo info, final String step, final String detail)
        {
            if (info == null || sequence < fromSequence ||
                (order != null && order != info.orderId()) ||
                (account != null && account != info.accountId()) ||
                (instrument != null && (info.instrument() == null || !instrument.equals(info.instrument().symbol()))))
            {
                return;
            }
            final String symbol = info.instrument() == null ? "?" : info.instrument().symbol();
            switch (format)
            {
                case table -> out.printf("%10d  %10d  %8d  %-9s  %-10s  %s%n", sequence, info.orderId(), info.accountId(),
                    symbol, step, detail);
                case csv -> out.println(sequence + "," + info.orderId() + "," + info.accountId() + "," + symbol + "," + step +
                    ",\"" + detail.replace("\"", "\"\"") + "\"");
                case json ->
                {
                    final Map<String, Object> row = new LinkedHashMap<>();
                    row.put("sequence", sequence);
                    row.put("orderId", info.orderId());
                    row.put("accountId", info.accountId());
                    row.put("symbol", symbol);
                    row.put("step", step);
                    row.put("detail", detail);
                    out.println(json(row));
                }
                default -> throw new IllegalStateException("format " + format);
            }
        }
    }

    private static String price(final InstrumentInfo info, final long price)
    {
        return info == null ? Long.toString(price) : BigDecimal.valueOf(price, info.priceScale()).toPlainString();
    }

    private static String quantity(final InstrumentInfo info, final long quantity)
    {
        return info == null ? Long.toString(quantity) : BigDecimal.valueOf(quantity, info.baseScale()).toPlainString();
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

    private record InstrumentInfo(String symbol, int priceScale, int baseScale)
    {
    }

    private record OrderInfo(long orderId, long accountId, InstrumentInfo instrument)
    {
    }
}
