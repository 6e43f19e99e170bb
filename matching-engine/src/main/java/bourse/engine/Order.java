package bourse.engine;

/**
 * An open order. Pooled and linked intrusively into three lists: its price level (or stop level),
 * its account's open orders and its instrument's open orders, the latter two in order id order.
 */
final class Order
{
    static final byte STATE_FREE = 0;
    static final byte STATE_RESTING = 1;
    static final byte STATE_PENDING_STOP = 2;
    static final byte STATE_EXECUTING = 3;

    long orderId;
    Account account;
    OrderBook book;
    byte side;
    byte orderType;
    byte timeInForce;
    boolean postOnly;
    byte stpMode;
    byte state;
    long price;
    long stopPrice;
    long quantity;
    long displayQuantity;
    long remaining;
    long visible;
    long filled;
    /** What this order holds now: quote for a buy, base for a sell. */
    long hold;

    final byte[] clientOrderId = new byte[ClientOrderIds.LENGTH];
    boolean hasClientOrderId;
    /** Open: findable by id and client order id, listed under its account and instrument. */
    boolean registered;

    PriceLevel level;
    Order levelPrev;
    Order levelNext;
    Order accountPrev;
    Order accountNext;
    Order bookPrev;
    Order bookNext;
    /** Free-list link while pooled. */
    Order nextFree;

    boolean isBuy()
    {
        return side == Codes.BUY;
    }

    long hiddenQuantity()
    {
        return remaining - visible;
    }

    void reset()
    {
        orderId = 0;
        account = null;
        book = null;
        state = STATE_FREE;
        price = 0;
        stopPrice = 0;
        quantity = 0;
        displayQuantity = 0;
        remaining = 0;
        visible = 0;
        filled = 0;
        hold = 0;
        hasClientOrderId = false;
        registered = false;
        level = null;
        levelPrev = null;
        levelNext = null;
        accountPrev = null;
        accountNext = null;
        bookPrev = null;
        bookNext = null;
    }
}
