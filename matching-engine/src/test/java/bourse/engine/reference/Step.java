package bourse.engine.reference;

import bourse.engine.testing.Commands;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated step of a command stream. Most are a fixed command; the rest aim a cancel or an amend at an
 * order that is open when the step runs, or place a stop just beyond the last price, reading the reference
 * engine (which has just been checked against the real one): a stream written in advance rarely guesses a
 * live order id or where the price will be.
 */
sealed interface Step
{
    Commands.Builder<?> command(Context context);

    /** What a step may look at to become a command: the venue now, and which step placed which order. */
    record Context(ReferenceEngine venue, Map<Step, Long> orderIdsByPlacingStep)
    {
        Context(final ReferenceEngine venue)
        {
            this(venue, new IdentityHashMap<>());
        }
    }

    record Fixed(Commands.Builder<?> command) implements Step
    {
        @Override
        public Commands.Builder<?> command(final Context context)
        {
            return command;
        }

        @Override
        public String toString()
        {
            return command.toString();
        }
    }

    enum StopFlavour
    {
        STOP, STOP_LIMIT_GTC, STOP_LIMIT_IOC, STOP_LIMIT_FOK, STOP_LIMIT_ICEBERG
    }

    /**
     * A stop order {@code stopTicks} beyond the instrument's last price when the step runs (above it for a buy,
     * below for a sell; zero or less has already triggered), a STOP_LIMIT's limit {@code limitTicks} from its
     * stop.
     */
    record StopNearLast(
        long account, int instrumentId, Side side, StopFlavour flavour, StpMode stpMode, int stopTicks, int limitTicks,
        long lots, String clientOrderId) implements Step
    {
        @Override
        public Commands.Builder<?> command(final Context context)
        {
            final CommandStreams.Spec spec = CommandStreams.spec(instrumentId);
            final long last = context.venue().lastPrice(instrumentId);
            final long stopPrice = last + (side == Side.BUY ? stopTicks : -stopTicks) * spec.tickSize();
            return CommandStreams.stopOrder(spec, flavour, stopPrice, stopPrice + limitTicks * spec.tickSize())
                .account(account).side(side).quantity(spec.lots(lots)).stp(stpMode).clientOrderId(clientOrderId);
        }
    }

    /** What to do to the open order a step aims at. */
    enum Aim
    {
        CANCEL, CANCEL_BY_CLIENT_ORDER_ID, CANCEL_SOMEONE_ELSES,
        AMEND_KEEPING_PLACE, AMEND_GROWING, AMEND_REPRICING, AMEND_BY_CLIENT_ORDER_ID, AMEND_SOMEONE_ELSES;

        /** A long way past any order id a stream gets to: what a step aims at when its order is gone. */
        private static final long NO_SUCH_ORDER = 1_000_000_000L;

        /** The command, moving the order's price by {@code ticks} and its quantity by {@code lots} where it says. */
        Commands.Builder<?> at(final ReferenceEngine.OpenOrder order, final int ticks, final int lots)
        {
            if (order == null)
            {
                return Commands.cancelOrder().account(1).orderId(NO_SUCH_ORDER);
            }
            final CommandStreams.Spec spec = CommandStreams.spec(order.instrumentId());
            final long owner = order.accountId();
            final long stranger = owner % 8 + 1;
            final long movedPrice = order.price() + ticks * spec.tickSize();
            final long movedQuantity = order.remaining() + lots * spec.lotSize();
            return switch (this)
            {
                case CANCEL -> Commands.cancelOrder().account(owner).orderId(order.orderId());
                case CANCEL_BY_CLIENT_ORDER_ID ->
                    Commands.cancelOrder().account(owner).clientOrderId(order.clientOrderId());
                case CANCEL_SOMEONE_ELSES -> Commands.cancelOrder().account(stranger).orderId(order.orderId());
                case AMEND_KEEPING_PLACE -> Commands.replaceOrder().account(owner).orderId(order.orderId())
                    .price(order.price()).quantity(order.remaining() - Math.abs(lots) * spec.lotSize());
                case AMEND_GROWING -> Commands.replaceOrder().account(owner).orderId(order.orderId())
                    .price(order.price()).quantity(order.remaining() + (1 + Math.abs(lots)) * spec.lotSize());
                case AMEND_REPRICING -> Commands.replaceOrder().account(owner).orderId(order.orderId())
                    .price(movedPrice).quantity(movedQuantity);
                case AMEND_BY_CLIENT_ORDER_ID -> Commands.replaceOrder().account(owner)
                    .clientOrderId(order.clientOrderId()).price(movedPrice).quantity(movedQuantity);
                case AMEND_SOMEONE_ELSES -> Commands.replaceOrder().account(stranger).orderId(order.orderId())
                    .price(movedPrice).quantity(movedQuantity);
            };
        }
    }

    /** Aims at the open order {@code pick} places from the newest, wrapping round; at nothing when none is open. */
    record AtOpenOrder(int pick, Aim aim, int ticks, int lots) implements Step
    {
        @Override
        public Commands.Builder<?> command(final Context context)
        {
            return aim.at(target(context.venue()), ticks, lots);
        }

        ReferenceEngine.OpenOrder target(final ReferenceEngine venue)
        {
            final List<ReferenceEngine.OpenOrder> open = venue.openOrders();
            return open.isEmpty() ? null : open.get(open.size() - 1 - pick % open.size());
        }
    }

    /**
     * Aims at the order that step {@code placer} placed, while it is open. The shrinker turns an
     * {@link AtOpenOrder} into one of these, so that taking other steps out of the stream does not re-aim it.
     */
    record AtOrderPlacedBy(Step placer, Aim aim, int ticks, int lots) implements Step
    {
        @Override
        public Commands.Builder<?> command(final Context context)
        {
            final Long orderId = context.orderIdsByPlacingStep().get(placer);
            final ReferenceEngine.OpenOrder target = context.venue().openOrders().stream()
                .filter(order -> orderId != null && order.orderId() == orderId)
                .findFirst()
                .orElse(null);
            return aim.at(target, ticks, lots);
        }
    }
}
