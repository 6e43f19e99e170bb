package bourse.engine.reference;

import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;

/** An accepted order, from acceptance until it is filled or cancelled. */
final class Order
{
    enum State
    {
        PENDING_STOP, EXECUTING, RESTING
    }

    final long orderId;
    final Account account;
    final Instrument instrument;
    final byte[] clientOrderId;
    final Side side;
    final OrderType orderType;
    final TimeInForce timeInForce;
    final boolean postOnly;
    /** Resolved: never ACCOUNT_DEFAULT. */
    final StpMode stpMode;
    final long stopPrice;
    final long quantity;
    final long displayQuantity;

    long price;
    long remaining;
    long visible;
    long filled;
    State state;
    /** Place in the queue of its price level: lower came first. Given anew each time it joins the back. */
    long queueTicket;

    Order(
        final long orderId,
        final Account account,
        final Instrument instrument,
        final byte[] clientOrderId,
        final Side side,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final boolean postOnly,
        final StpMode stpMode,
        final long price,
        final long stopPrice,
        final long quantity,
        final long displayQuantity)
    {
        this.orderId = orderId;
        this.account = account;
        this.instrument = instrument;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.stpMode = stpMode;
        this.price = price;
        this.stopPrice = stopPrice;
        this.quantity = quantity;
        this.displayQuantity = displayQuantity;
        this.remaining = quantity;
    }

    boolean isBuy()
    {
        return side == Side.BUY;
    }

    /** A MARKET order or a triggered STOP: bounded by the band instead of a limit price. */
    boolean isMarket()
    {
        return orderType == OrderType.MARKET || orderType == OrderType.STOP;
    }

    boolean isStop()
    {
        return orderType == OrderType.STOP || orderType == OrderType.STOP_LIMIT;
    }

    /** The asset its hold is in: quote for a buy, base for a sell. */
    int holdAssetId()
    {
        return isBuy() ? instrument.quoteAssetId : instrument.baseAssetId;
    }

    /** What the rulebook says this order holds in its current state ("Account state"). */
    long hold()
    {
        switch (state)
        {
            case RESTING:
                return isBuy() ? Amounts.buyHold(instrument, price, remaining).longValueExact() : remaining;
            case PENDING_STOP:
                if (!isBuy())
                {
                    return remaining;
                }
                return orderType == OrderType.STOP_LIMIT ?
                    Amounts.buyHold(instrument, price, quantity).longValueExact() : 0;
            default:
                return 0;
        }
    }
}
