package bourse.platform.view;

import bourse.sbe.Side;

/**
 * One order resting in a book as an order-level (L3) feed shows it: its id, side, price and visible
 * quantity (an iceberg's hidden part is never published), linked into its price level's queue in
 * time priority. Read it; only the book it rests in changes it.
 */
public final class RestingOrder
{
    private final long orderId;
    private final Side side;
    private final long price;
    private long visibleQuantity;
    RestingOrder previous;
    RestingOrder next;

    RestingOrder(final long orderId, final Side side, final long price, final long visibleQuantity)
    {
        this.orderId = orderId;
        this.side = side;
        this.price = price;
        this.visibleQuantity = visibleQuantity;
    }

    public long orderId()
    {
        return orderId;
    }

    public Side side()
    {
        return side;
    }

    public long price()
    {
        return price;
    }

    /** What the book shows of it: for an iceberg, the current slice only. */
    public long visibleQuantity()
    {
        return visibleQuantity;
    }

    /** The order queued right behind it at the same price, or null when it is the last. */
    public RestingOrder nextInQueue()
    {
        return next;
    }

    void visibleQuantity(final long visibleQuantity)
    {
        this.visibleQuantity = visibleQuantity;
    }
}
