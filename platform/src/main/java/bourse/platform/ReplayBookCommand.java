package bourse.platform;

import bourse.engine.client.EngineEventAdapter;
import bourse.platform.view.InstrumentView;
import bourse.platform.view.MarketView;
import bourse.platform.view.PriceLadder;
import bourse.platform.view.RestingOrder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Long2LongHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay book DATA_DIR --at SEQ|TIME}: each instrument's book as it was right after
 * command {@code SEQ}, or after the last command stamped at or before {@code TIME}: its price levels
 * (L2: price, visible quantity, order count) and, with {@code --orders}, every order resting in those
 * levels in queue (time-priority) order (L3: order id, account, visible quantity). The book is rebuilt
 * from the output journal's order-level book changes alone, exactly as any downstream consumer
 * rebuilds it, so an iceberg shows only its visible slice, as on the venue; the accounts come from the
 * orders' acceptances.
 */
@Command(
    name = "book",
    mixinStandardHelpOptions = true,
    description = "Prints each instrument's price levels (and with --orders every resting order in queue order) after a " +
        "given command, from the output journal.")
final class ReplayBookCommand implements Callable<Integer>
{
    private static final String ORDER_HEADER = "  %-4s  %5s  %14s  %5s  %10s  %8s  %16s%n";
    private static final String ORDER_ROW = "  %-4s  %5d  %14s  %5d  %10d  %8d  %16s%n";

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

    @Option(names = "--orders", description = "Also every order resting in those levels, in queue (time-priority) order, " +
        "first to fill first: order id, account and visible quantity (an iceberg's hidden quantity is never shown).")
    private boolean orders;

    @Option(names = "--account", paramLabel = "ID",
        description = "With --orders: only this account's orders (their queue positions still count every order).")
    private Long account;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv (a row per level, or per order with --orders) or json (an object per instrument) " +
            "(default: ${DEFAULT-VALUE}).")
    private ReplayOptions.Format format;

    @Override
    public Integer call()
    {
        if (depth < 1)
        {
            throw new ParameterException(spec.commandLine(), "--depth must be at least 1");
        }
        if (account != null && !orders)
        {
            throw new ParameterException(spec.commandLine(), "--account selects orders: add --orders");
        }
        final MarketWithAccounts market = new MarketWithAccounts();
        final EngineEventAdapter events = new EngineEventAdapter(market);
        final int exitCode = journal.read(spec, ReplayJournal.Printing.AFTER_READING, ReplayBound.sequence(1), at,
            (sequence, timestampNs, buffer, offset, length) -> events.onEvents(buffer, offset, length));
        if (exitCode == 2)
        {
            return exitCode;
        }
        final PrintWriter out = ReplayOptions.out(spec);
        final BookPrinter printer = new BookPrinter(out, market);
        printer.header();
        for (final InstrumentView view : market.instruments())
        {
            if (instrument == null || instrument.equals(view.symbol()))
            {
                printer.print(view);
            }
        }
        out.flush();
        return exitCode;
    }

    /** Prints the books in the chosen format. */
    private final class BookPrinter
    {
        private final PrintWriter out;
        private final MarketWithAccounts market;
        private final String time;

        BookPrinter(final PrintWriter out, final MarketWithAccounts market)
        {
            this.out = out;
            this.market = market;
            time = Instant.ofEpochSecond(0, journal.lastTimestampNs()).toString();
        }

        void header()
        {
            if (format == ReplayOptions.Format.csv)
            {
                out.println(orders ?
                    "sequence,time,symbol,side,level,price,queuePosition,orderId,accountId,visibleQuantity" :
                    "sequence,time,symbol,side,level,price,quantity,orders");
            }
        }

        void print(final InstrumentView view)
        {
            switch (format)
            {
                case table -> table(view);
                case csv ->
                {
                    csv(view, "bid", view.bids());
                    csv(view, "ask", view.asks());
                }
                case json -> json(view);
                default -> throw new IllegalStateException("format " + format);
            }
        }

        private void table(final InstrumentView view)
        {
            out.printf("%s after sequence %d at %s: %d resting orders, last %s%n", view.symbol(), journal.lastSequence(), time,
                view.restingOrderCount(), view.hasTraded() ? view.formatPrice(view.lastPrice()) : "-");
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
            if (orders)
            {
                out.printf(ORDER_HEADER, "side", "level", "price", "queue", "order", "account", "visible");
                tableQueues(view, "bid", view.bids());
                tableQueues(view, "ask", view.asks());
            }
        }

        private void tableQueues(final InstrumentView view, final String side, final PriceLadder ladder)
        {
            for (int rank = 0; rank < levels(ladder); rank++)
            {
                final int level = rank + 1;
                final String price = view.formatPrice(ladder.priceAt(rank));
                forEachSelectedOrder(ladder, rank, (position, order, accountId) -> out.printf(ORDER_ROW, side, level, price,
                    position, order.orderId(), accountId, market.formatAmount(view.baseAssetId(), order.visibleQuantity())));
            }
        }

        private void csv(final InstrumentView view, final String side, final PriceLadder ladder)
        {
            for (int rank = 0; rank < levels(ladder); rank++)
            {
                final String level = journal.lastSequence() + "," + time + "," + view.symbol() + "," + side + "," + (rank + 1) + "," +
                    price(view, ladder.priceAt(rank)) + ",";
                if (!orders)
                {
                    out.println(level + quantity(view, ladder.quantityAt(rank)) + "," + ladder.orderCountAt(rank));
                    continue;
                }
                forEachSelectedOrder(ladder, rank, (position, order, accountId) -> out.println(level + position + "," +
                    order.orderId() + "," + accountId + "," + quantity(view, order.visibleQuantity())));
            }
        }

        private void json(final InstrumentView view)
        {
            final Map<String, Object> book = new LinkedHashMap<>();
            book.put("sequence", journal.lastSequence());
            book.put("time", time);
            book.put("symbol", view.symbol());
            book.put("restingOrders", view.restingOrderCount());
            book.put("last", view.hasTraded() ? price(view, view.lastPrice()) : null);
            book.put("bids", jsonLevels(view, view.bids()));
            book.put("asks", jsonLevels(view, view.asks()));
            out.println(JsonLines.of(book));
        }

        private List<Map<String, Object>> jsonLevels(final InstrumentView view, final PriceLadder ladder)
        {
            final List<Map<String, Object>> levels = new ArrayList<>();
            for (int rank = 0; rank < levels(ladder); rank++)
            {
                final Map<String, Object> level = new LinkedHashMap<>();
                level.put("price", price(view, ladder.priceAt(rank)));
                level.put("quantity", quantity(view, ladder.quantityAt(rank)));
                level.put("orders", ladder.orderCountAt(rank));
                if (orders)
                {
                    final List<Map<String, Object>> queue = new ArrayList<>();
                    forEachSelectedOrder(ladder, rank, (position, order, accountId) ->
                    {
                        final Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("queuePosition", position);
                        entry.put("orderId", order.orderId());
                        entry.put("accountId", accountId);
                        entry.put("visibleQuantity", quantity(view, order.visibleQuantity()));
                        queue.add(entry);
                    });
                    level.put("queue", queue);
                }
                levels.add(level);
            }
            return levels;
        }

        /** The orders of the level at {@code rank} in queue order, numbered from 1, of the selected account if any. */
        private void forEachSelectedOrder(final PriceLadder ladder, final int rank, final QueuedOrderHandler handler)
        {
            int position = 1;
            for (RestingOrder order = ladder.firstOrderAt(rank); order != null; order = order.nextInQueue(), position++)
            {
                final long accountId = market.accountOf(order);
                if (account == null || account == accountId)
                {
                    handler.onOrder(position, order, accountId);
                }
            }
        }

        private int levels(final PriceLadder ladder)
        {
            return Math.min(depth, ladder.levelCount());
        }

        private String price(final InstrumentView view, final long price)
        {
            return BigDecimal.valueOf(price, view.priceScale()).toPlainString();
        }

        private String quantity(final InstrumentView view, final long quantity)
        {
            return BigDecimal.valueOf(quantity, market.assetScale(view.baseAssetId())).toPlainString();
        }
    }

    /** One order of a level's queue. */
    @FunctionalInterface
    private interface QueuedOrderHandler
    {
        void onOrder(int queuePosition, RestingOrder order, long accountId);
    }

    /**
     * The market, and the account of every open order: book changes name only the order, its acceptance
     * names the account. An order is open from its acceptance until it is cancelled or nothing of it
     * remains, so every order resting in the book has its account here.
     */
    private static final class MarketWithAccounts extends MarketView
    {
        private static final long UNKNOWN = Long.MIN_VALUE;

        private final Long2LongHashMap accountsByOrderId = new Long2LongHashMap(UNKNOWN);

        long accountOf(final RestingOrder order)
        {
            final long accountId = accountsByOrderId.get(order.orderId());
            if (accountId == UNKNOWN)
            {
                throw new IllegalStateException("order " + order.orderId() + " rests in the book but was never accepted");
            }
            return accountId;
        }

        @Override
        public void onOrderAccepted(final OrderAcceptedDecoder event)
        {
            accountsByOrderId.put(event.orderId(), event.accountId());
        }

        @Override
        public void onTrade(final TradeDecoder event)
        {
            super.onTrade(event);
            if (event.makerRemainingQuantity() == 0)
            {
                accountsByOrderId.remove(event.makerOrderId());
            }
            if (event.takerRemainingQuantity() == 0)
            {
                accountsByOrderId.remove(event.takerOrderId());
            }
        }

        @Override
        public void onOrderCancelled(final OrderCancelledDecoder event)
        {
            accountsByOrderId.remove(event.orderId());
        }
    }
}
