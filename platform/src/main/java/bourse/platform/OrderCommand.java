package bourse.platform;

import bourse.v1.CancelAllRequest;
import bourse.v1.CancelAllResponse;
import bourse.v1.CancelOrderRequest;
import bourse.v1.CancelOrderResponse;
import bourse.v1.ExecutionReport;
import bourse.v1.GetOrderRequest;
import bourse.v1.Instrument;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrderType;
import bourse.v1.OrdersGrpc;
import bourse.v1.RejectReason;
import bourse.v1.ReplaceOrderRequest;
import bourse.v1.ReplaceOrderResponse;
import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.StreamExecutionsRequest;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import com.google.protobuf.ProtocolMessageEnum;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * {@code bourse order}: a command-line client of the gRPC order gateway (docs/gateway.md), one
 * sub-command per thing to do, each printing the execution reports it gets, one line each. The account is
 * the API key's: {@code --key} or the environment variable {@code BOURSE_API_KEY}. A refusal of the gateway
 * (a gRPC status) goes to stderr with exit code 1; the engine's refusal of an order is a report like any
 * other.
 */
@Command(
    name = "order",
    mixinStandardHelpOptions = true,
    description = {
        "Trades through the gRPC order gateway (bourse run starts one and prints a key).",
        ""},
    subcommands = {OrderCommand.Submit.class, OrderCommand.Cancel.class, OrderCommand.Replace.class,
        OrderCommand.CancelAll.class, OrderCommand.Get.class, OrderCommand.ListOpen.class, OrderCommand.Stream.class,
        OrderCommand.Instruments.class})
final class OrderCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** One execution report on one line: what happened, the order, where it stands, the fill, the reason. */
    static String describe(final ExecutionReport report)
    {
        final StringBuilder line = new StringBuilder(160)
            .append(shortName(report.getExecutionType(), "EXECUTION_TYPE_")).append(' ')
            .append("order ").append(report.getOrderId());
        if (!report.getClientOrderId().isEmpty())
        {
            line.append(" (").append(report.getClientOrderId()).append(')');
        }
        line.append(' ').append(report.getInstrument())
            .append(' ').append(shortName(report.getSide(), "SIDE_"))
            .append(' ').append(shortName(report.getType(), "ORDER_TYPE_"));
        if (!report.getPrice().isEmpty())
        {
            line.append(' ').append(report.getPrice());
        }
        if (!report.getStopPrice().isEmpty())
        {
            line.append(" stop ").append(report.getStopPrice());
        }
        line.append(" qty ").append(report.getQuantity())
            .append(": ").append(shortName(report.getState(), "ORDER_STATE_"))
            .append(", filled ").append(report.getCumulativeQuantity())
            .append(", open ").append(report.getRemainingQuantity());
        if (!report.getAveragePrice().isEmpty())
        {
            line.append(", average ").append(report.getAveragePrice());
        }
        if (report.hasLastFill() && report.getExecutionType() == bourse.v1.ExecutionType.EXECUTION_TYPE_TRADE)
        {
            line.append(" | fill ").append(report.getLastFill().getQuantity()).append(" at ")
                .append(report.getLastFill().getPrice()).append(", fee ").append(report.getLastFill().getFee())
                .append(' ').append(report.getLastFill().getFeeAsset())
                .append(" (").append(shortName(report.getLastFill().getLiquidity(), "LIQUIDITY_")).append(')');
        }
        if (report.getRejectReason() != RejectReason.REJECT_REASON_UNSPECIFIED)
        {
            line.append(" | ").append(shortName(report.getRejectReason(), "REJECT_REASON_"));
        }
        if (report.getCancelReason() != bourse.v1.CancelReason.CANCEL_REASON_UNSPECIFIED)
        {
            line.append(" | ").append(shortName(report.getCancelReason(), "CANCEL_REASON_"));
        }
        return line.append(" [seq ").append(report.getEngineSequence()).append(']').toString();
    }

    /** An enum value without its type's prefix: {@code SIDE_BUY} is {@code BUY}. */
    static String shortName(final ProtocolMessageEnum value, final String prefix)
    {
        final String name = value.getValueDescriptor().getName();
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /** What every sub-command does around its calls: a channel, and a gateway's refusal on stderr. */
    abstract static class GatewayCall implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        GatewayClientOptions gateway;

        @Override
        public final Integer call() throws Exception
        {
            final ManagedChannel channel = gateway.channel(spec);
            try
            {
                call(channel, spec.commandLine().getOut());
                return 0;
            }
            catch (final StatusRuntimeException ex)
            {
                final PrintWriter err = spec.commandLine().getErr();
                err.println(ex.getStatus().getCode() + ": " + ex.getStatus().getDescription());
                err.flush();
                return 1;
            }
            finally
            {
                spec.commandLine().getOut().flush();
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }

        abstract void call(ManagedChannel channel, PrintWriter out) throws Exception;
    }

    /** An order named by order id or client order id. */
    static final class OrderRef
    {
        @Option(names = "--order-id", paramLabel = "ID", required = true, description = "The order's id.")
        long orderId;

        @Option(names = "--client-order-id", paramLabel = "ID", required = true, description = "The order's client order id.")
        String clientOrderId;

        /** Names the order in a request, with whichever of the two was given. */
        void nameIn(final Consumer<String> byClientOrderId, final LongConsumer byOrderId)
        {
            if (clientOrderId != null)
            {
                byClientOrderId.accept(clientOrderId);
            }
            else
            {
                byOrderId.accept(orderId);
            }
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Places an order.")
    static final class Submit extends GatewayCall
    {
        private static final Map<String, Side> SIDES = Map.of("buy", Side.SIDE_BUY, "sell", Side.SIDE_SELL);
        private static final Map<String, OrderType> TYPES = Map.of("limit", OrderType.ORDER_TYPE_LIMIT,
            "market", OrderType.ORDER_TYPE_MARKET, "stop", OrderType.ORDER_TYPE_STOP,
            "stop-limit", OrderType.ORDER_TYPE_STOP_LIMIT);
        private static final Map<String, TimeInForce> TIMES_IN_FORCE = Map.of("gtc", TimeInForce.TIME_IN_FORCE_GTC,
            "ioc", TimeInForce.TIME_IN_FORCE_IOC, "fok", TimeInForce.TIME_IN_FORCE_FOK);
        private static final Map<String, StpMode> STP_MODES = Map.of("account-default", StpMode.STP_MODE_ACCOUNT_DEFAULT,
            "cancel-newest", StpMode.STP_MODE_CANCEL_NEWEST, "cancel-oldest", StpMode.STP_MODE_CANCEL_OLDEST,
            "cancel-both", StpMode.STP_MODE_CANCEL_BOTH);

        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "BTC-USD, ...")
        String instrument;

        @Option(names = "--side", paramLabel = "buy|sell", required = true, description = "buy or sell.")
        String side;

        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "limit",
            description = "limit, market, stop or stop-limit (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--price", paramLabel = "DECIMAL", description = "Limit price (limit and stop-limit).")
        String price = "";

        @Option(names = "--qty", paramLabel = "DECIMAL", required = true, description = "Quantity, in the base asset.")
        String quantity;

        @Option(names = "--stop-price", paramLabel = "DECIMAL", description = "Trigger price (stop and stop-limit).")
        String stopPrice = "";

        @Option(names = "--tif", paramLabel = "gtc|ioc|fok",
            description = "Time in force (default: gtc for limit orders, ioc for market and stop orders).")
        String timeInForce;

        @Option(names = "--post-only", description = "Rest or be refused: never take liquidity.")
        boolean postOnly;

        @Option(names = "--display", paramLabel = "DECIMAL", description = "Iceberg: the quantity shown.")
        String displayQuantity = "";

        @Option(names = "--stp", paramLabel = "MODE",
            description = "Self-trade prevention: account-default, cancel-newest, cancel-oldest or cancel-both.")
        String stpMode = "account-default";

        @Option(names = "--client-order-id", paramLabel = "ID",
            description = "Your id for the order, the key of idempotent retries (default: a new one).")
        String clientOrderId;

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final SubmitOrderRequest.Builder order = SubmitOrderRequest.newBuilder()
                .setClientOrderId(clientOrderId != null ? clientOrderId : "cli-" + UUID.randomUUID().toString().substring(0, 13))
                .setInstrument(instrument)
                .setSide(choice(side, "--side", SIDES))
                .setType(choice(type, "--type", TYPES))
                .setPrice(price)
                .setQuantity(quantity)
                .setStopPrice(stopPrice)
                .setPostOnly(postOnly)
                .setDisplayQuantity(displayQuantity)
                .setStpMode(choice(stpMode, "--stp", STP_MODES));
            if (timeInForce != null)
            {
                order.setTimeInForce(choice(timeInForce, "--tif", TIMES_IN_FORCE));
            }
            out.println(describe(gateway.orders(channel).submitOrder(order.build()).getReport()));
        }

        private <T> T choice(final String value, final String option, final Map<String, T> choices)
        {
            final T chosen = choices.get(value.toLowerCase(Locale.ROOT));
            if (chosen == null)
            {
                throw new ParameterException(spec.commandLine(),
                    option + " must be one of " + new java.util.TreeSet<>(choices.keySet()) + ": " + value);
            }
            return chosen;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels an open order.")
    static final class Cancel extends GatewayCall
    {
        @ArgGroup(multiplicity = "1")
        OrderRef order;

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final CancelOrderRequest.Builder request = CancelOrderRequest.newBuilder();
            order.nameIn(request::setClientOrderId, request::setOrderId);
            final CancelOrderResponse response = gateway.orders(channel).cancelOrder(request.build());
            out.println(answer(response.getReport(), response.getRejectReason()));
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
        description = "Changes the price and the open quantity of a resting order.")
    static final class Replace extends GatewayCall
    {
        @ArgGroup(multiplicity = "1")
        OrderRef order;

        @Option(names = "--price", paramLabel = "DECIMAL", required = true, description = "The new limit price.")
        String price;

        @Option(names = "--qty", paramLabel = "DECIMAL", required = true,
            description = "The new open quantity, not counting what has filled.")
        String quantity;

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final ReplaceOrderRequest.Builder request = ReplaceOrderRequest.newBuilder().setPrice(price).setQuantity(quantity);
            order.nameIn(request::setClientOrderId, request::setOrderId);
            final ReplaceOrderResponse response = gateway.orders(channel).replaceOrder(request.build());
            out.println(answer(response.getReport(), response.getRejectReason()));
        }
    }

    @Command(name = "cancel-all", mixinStandardHelpOptions = true, description = "Cancels every open order.")
    static final class CancelAll extends GatewayCall
    {
        @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument's orders.")
        String instrument = "";

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final CancelAllResponse response =
                gateway.orders(channel).cancelAll(CancelAllRequest.newBuilder().setInstrument(instrument).build());
            out.println(response.getRejectReason() != RejectReason.REJECT_REASON_UNSPECIFIED ?
                "refused: " + shortName(response.getRejectReason(), "REJECT_REASON_") :
                "cancelled " + response.getCancelledCount() + " orders [seq " + response.getEngineSequence() + "]");
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one order.")
    static final class Get extends GatewayCall
    {
        @ArgGroup(multiplicity = "1")
        OrderRef order;

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final GetOrderRequest.Builder request = GetOrderRequest.newBuilder();
            order.nameIn(request::setClientOrderId, request::setOrderId);
            out.println(describe(gateway.orders(channel).getOrder(request.build()).getReport()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the open orders.")
    static final class ListOpen extends GatewayCall
    {
        @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument's orders.")
        String instrument = "";

        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final java.util.List<ExecutionReport> orders = gateway.orders(channel)
                .listOpenOrders(ListOpenOrdersRequest.newBuilder().setInstrument(instrument).build()).getOrdersList();
            orders.forEach(order -> out.println(describe(order)));
            out.println(orders.size() + " open orders");
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Prints the account's execution reports as they happen, until Ctrl-C.")
    static final class Stream extends GatewayCall
    {
        @Option(names = "--open", description = "Start with the open orders.")
        boolean withOpenOrders;

        @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
        long durationSeconds;

        @Override
        void call(final ManagedChannel channel, final PrintWriter out) throws InterruptedException
        {
            final OrdersGrpc.OrdersBlockingStub orders = durationSeconds > 0 ?
                gateway.ordersStream(channel).withDeadlineAfter(durationSeconds, TimeUnit.SECONDS) :
                gateway.ordersStream(channel);
            final Iterator<ExecutionReport> reports = orders.streamExecutions(
                StreamExecutionsRequest.newBuilder().setIncludeOpenOrders(withOpenOrders).build());
            try (UntilStopped untilStopped = new UntilStopped("bourse-order-stream"))
            {
                final Thread stopper = new Thread(() -> stopOnCtrlC(untilStopped, channel), "bourse-order-stream-stop");
                stopper.setDaemon(true);
                stopper.start();
                try
                {
                    while (reports.hasNext())
                    {
                        out.println(describe(reports.next()));
                        out.flush();
                    }
                }
                catch (final StatusRuntimeException ex)
                {
                    // The end of the duration, or Ctrl-C: the stream was meant to end.
                    if (ex.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED && !channel.isShutdown())
                    {
                        throw ex;
                    }
                }
                finally
                {
                    stopper.interrupt();
                }
            }
        }

        private static void stopOnCtrlC(final UntilStopped untilStopped, final ManagedChannel channel)
        {
            try
            {
                untilStopped.await(0);
                channel.shutdownNow();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Command(name = "instruments", mixinStandardHelpOptions = true, description = "Lists the instruments.")
    static final class Instruments extends GatewayCall
    {
        @Override
        void call(final ManagedChannel channel, final PrintWriter out)
        {
            final Function<Instrument, String> line = instrument -> instrument.getSymbol() +
                "  tick " + instrument.getTickSize() + "  lot " + instrument.getLotSize() +
                "  size " + instrument.getMinQuantity() + " to " + instrument.getMaxQuantity() +
                "  band " + instrument.getPriceBandBps() + " bp  fees " + instrument.getMakerFeePpm() + "/" +
                instrument.getTakerFeePpm() + " ppm  " + shortName(instrument.getStatus(), "INSTRUMENT_STATUS_");
            gateway.orders(channel).listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsList()
                .forEach(instrument -> out.println(line.apply(instrument)));
        }
    }

    /** The order after a cancel or replace, or the engine's refusal and the order unchanged. */
    private static String answer(final ExecutionReport order, final RejectReason rejectReason)
    {
        return rejectReason == RejectReason.REJECT_REASON_UNSPECIFIED ? describe(order) :
            "refused: " + shortName(rejectReason, "REJECT_REASON_") + " | " + describe(order);
    }
}
