package bourse.engine.reference;

import bourse.engine.testing.Commands;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import java.util.List;

/**
 * One generated step of a command stream. Most are a fixed command; the rest aim a cancel or an amend at
 * whichever order is open when the step runs, or place a stop just beyond the last price, reading the
 * reference engine (which has just been checked against the real one): a stream written in advance rarely
 * guesses a live order id or where the price will be.
 */
sealed interface Step
{
    Commands.Builder<?> command(ReferenceEngine venue);

    record Fixed(Commands.Builder<?> command) implements Step
    {
        @Override
        public Commands.Builder<?> command(final ReferenceEngine venue)
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
        public Commands.Builder<?> command(final ReferenceEngine venue)
        {
            final CommandStreams.Spec spec = CommandStreams.spec(instrumentId);
            final long stopPrice = venue.lastPrice(instrumentId) + (side == Side.BUY ? stopTicks : -stopTicks) * spec.tickSize();
            return CommandStreams.stopOrder(spec, flavour, stopPrice, stopPrice + limitTicks * spec.tickSize())
                .account(account).side(side).quantity(spec.lots(lots)).stp(stpMode).clientOrderId(clientOrderId);
        }
    }

    /** What to do to the open order a step picks. */
    enum Aim
    {
        CANCEL, CANCEL_BY_CLIENT_ORDER_ID, CANCEL_SOMEONE_ELSES,
        AMEND_KEEPING_PLACE, AMEND_GROWING, AMEND_REPRICING, AMEND_BY_CLIENT_ORDER_ID, AMEND_SOMEONE_ELSES
    }

    /**
     * Picks the open order {@code pick} places from the newest (wrapping round) and aims at it, moving its price
     * by {@code ticks} and its remaining quantity by {@code lots} where the aim changes them.
     */
    record AtOpenOrder(int pick, Aim aim, int ticks, int lots) implements Step
    {
        /** A long way past any order id a stream gets to. */
        private static final long NO_SUCH_ORDER = 1_000_000_000L;

        @Override
        public Commands.Builder<?> command(final ReferenceEngine venue)
        {
            final List<ReferenceEngine.OpenOrder> open = venue.openOrders();
            if (open.isEmpty())
            {
                return Commands.cancelOrder().account(1).orderId(NO_SUCH_ORDER);
            }
            final ReferenceEngine.OpenOrder order = open.get(open.size() - 1 - pick % open.size());
            final CommandStreams.Spec spec = CommandStreams.spec(order.instrumentId());
            final long owner = order.accountId();
            final long stranger = owner % 8 + 1;
            final long movedPrice = order.price() + ticks * spec.tickSize();
            final long movedQuantity = order.remaining() + lots * spec.lotSize();
            return switch (aim)
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
}
