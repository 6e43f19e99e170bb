package bourse.gateway;

import bourse.v1.ExecutionType;
import bourse.v1.Liquidity;
import bourse.v1.OrderState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One order as the gateway knows it: what was asked, and what the engine's events did to it. Owned by the
 * gateway's agent thread. A record exists from the moment the gateway sends a submit (pending: no order
 * id, no state yet), or from the engine's {@code OrderAccepted} for an order another gateway placed.
 * Enum fields hold the engine's codes.
 */
final class OrderRecord
{
    final long accountId;
    final String clientOrderId;
    final int instrumentId;
    final int side;
    final int orderType;
    final int timeInForce;
    final boolean postOnly;
    int stpMode;
    long orderId;
    long price;
    final long stopPrice;
    long quantity;
    final long displayQuantity;

    OrderState state = OrderState.ORDER_STATE_UNSPECIFIED;
    ExecutionType lastExecutionType = ExecutionType.EXECUTION_TYPE_UNSPECIFIED;
    int rejectReason;
    int cancelReason = -1;
    long filled;
    long remaining;
    /** Sum of price × quantity over the fills, in the engine's units: the average price's numerator. */
    BigInteger filledNotional = BigInteger.ZERO;
    long lastTradeId;
    long lastFillPrice;
    long lastFillQuantity;
    long lastFillFee;
    Liquidity lastFillLiquidity = Liquidity.LIQUIDITY_UNSPECIFIED;
    long lastSequence;
    long lastTimestampNs;

    /** The session that placed the order, if one did: it receives the order's reports. */
    SessionCall owner;
    /** Calls waiting for a pending submit's outcome: the submit itself and any retry of it. */
    List<Outcome<SubmitResult>> waiters;

    OrderRecord(
        final long accountId,
        final String clientOrderId,
        final int instrumentId,
        final int side,
        final int orderType,
        final int timeInForce,
        final boolean postOnly,
        final int stpMode,
        final long price,
        final long quantity,
        final long stopPrice,
        final long displayQuantity)
    {
        this.accountId = accountId;
        this.clientOrderId = clientOrderId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.stpMode = stpMode;
        this.price = price;
        this.quantity = quantity;
        this.stopPrice = stopPrice;
        this.displayQuantity = displayQuantity;
        this.remaining = quantity;
    }

    /** Sent, and no outcome from the engine yet. */
    boolean isPending()
    {
        return state == OrderState.ORDER_STATE_UNSPECIFIED;
    }

    /** Resting in the book or a stop waiting for its trigger. */
    boolean isOpen()
    {
        return state == OrderState.ORDER_STATE_NEW || state == OrderState.ORDER_STATE_PARTIALLY_FILLED ||
            state == OrderState.ORDER_STATE_REPLACED;
    }

    void addWaiter(final Outcome<SubmitResult> waiter)
    {
        if (waiters == null)
        {
            waiters = new ArrayList<>(1);
        }
        waiters.add(waiter);
    }

    /** Hands the waiting calls over, leaving none. */
    List<Outcome<SubmitResult>> takeWaiters()
    {
        final List<Outcome<SubmitResult>> taken = waiters == null ? List.of() : waiters;
        waiters = null;
        return taken;
    }

    void stamp(final ExecutionType executionType, final long sequence, final long timestampNs)
    {
        lastExecutionType = executionType;
        lastSequence = sequence;
        lastTimestampNs = timestampNs;
    }

    void fill(final long tradeId, final long fillPrice, final long fillQuantity, final long fee,
        final Liquidity liquidity, final long remainingAfter)
    {
        filled += fillQuantity;
        remaining = remainingAfter;
        filledNotional = filledNotional.add(BigInteger.valueOf(fillPrice).multiply(BigInteger.valueOf(fillQuantity)));
        lastTradeId = tradeId;
        lastFillPrice = fillPrice;
        lastFillQuantity = fillQuantity;
        lastFillFee = fee;
        lastFillLiquidity = liquidity;
        state = remainingAfter == 0 ? OrderState.ORDER_STATE_FILLED : OrderState.ORDER_STATE_PARTIALLY_FILLED;
    }
}
