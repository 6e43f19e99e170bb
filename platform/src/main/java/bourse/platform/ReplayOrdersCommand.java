package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Long2ObjectHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReplayOptions options;

    @Option(names = "--account", paramLabel = "ID", description = "Only orders of this account.")
    private Long account;

    @Option(names = "--order", paramLabel = "ID", description = "Only this order.")
    private Long order;

    @Override
    public Integer call()
    {
        final PrintWriter out = ReplayOptions.out(spec);
        final OrderLives lives = new OrderLives(out);
        lives.header();
        final EngineEventAdapter events = new EngineEventAdapter(lives);
        final int exitCode = options.readOutputJournal(spec, ReplayJournal.Printing.WHILE_READING,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        out.flush();
        return exitCode;
    }

    /** Follows every order and prints the steps of the selected ones. */
    private final class OrderLives extends InstrumentCatalog
    {
        private final PrintWriter out;
        private final Long2ObjectHashMap<OrderInfo> orders = new Long2ObjectHashMap<>();
        private final TableRow tableRow = new TableRow();

        OrderLives(final PrintWriter out)
        {
            this.out = out;
        }

        void header()
        {
            if (options.format == ReplayOptions.Format.table)
            {
                out.printf("%10s  %10s  %8s  %-9s  %-10s  %s%n", "sequence", "order", "account", "symbol", "step", "detail");
            }
            else if (options.format == ReplayOptions.Format.csv)
            {
                out.println("sequence,orderId,accountId,symbol,step,detail");
            }
        }

        @Override
        public void onOrderAccepted(final OrderAcceptedDecoder event)
        {
            final Instrument info = instrument(event.instrumentId());
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
            if (info == null || !options.inRange() ||
                (order != null && order != info.orderId()) ||
                (account != null && account != info.accountId()) ||
                (options.instrument != null && (info.instrument() == null || !options.instrument.equals(info.instrument().symbol()))))
            {
                return;
            }
            final String symbol = info.instrument() == null ? "?" : info.instrument().symbol();
            switch (options.format)
            {
                case table -> tableRow.right(sequence, 10).right(info.orderId(), 10).right(info.accountId(), 8).left(symbol, 9)
                    .left(step, 10).text(detail).println(out);
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
                    out.println(JsonLines.of(row));
                }
                default -> throw new IllegalStateException("format " + options.format);
            }
        }
    }

    private static String price(final InstrumentCatalog.Instrument info, final long price)
    {
        return info == null ? Long.toString(price) : info.price(price).toPlainString();
    }

    private static String quantity(final InstrumentCatalog.Instrument info, final long quantity)
    {
        return info == null ? Long.toString(quantity) : info.quantity(quantity).toPlainString();
    }

    private record OrderInfo(long orderId, long accountId, InstrumentCatalog.Instrument instrument)
    {
    }
}
