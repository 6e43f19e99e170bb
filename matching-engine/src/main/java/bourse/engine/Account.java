package bourse.engine;

/** An account: balances per asset and its open orders in order id order. */
final class Account
{
    final long accountId;
    final byte stpMode;
    final long[] total = new long[Assets.MAX_ASSETS];
    final long[] held = new long[Assets.MAX_ASSETS];
    Order openHead;
    Order openTail;
    int openOrderCount;

    Account(final long accountId, final byte stpMode)
    {
        this.accountId = accountId;
        this.stpMode = stpMode;
    }

    long available(final int assetId)
    {
        return total[assetId] - held[assetId];
    }

    void addOpenOrder(final Order order)
    {
        order.accountNext = null;
        order.accountPrev = openTail;
        if (openTail == null)
        {
            openHead = order;
        }
        else
        {
            openTail.accountNext = order;
        }
        openTail = order;
        openOrderCount++;
    }

    void removeOpenOrder(final Order order)
    {
        final Order prev = order.accountPrev;
        final Order next = order.accountNext;
        if (prev == null)
        {
            openHead = next;
        }
        else
        {
            prev.accountNext = next;
        }
        if (next == null)
        {
            openTail = prev;
        }
        else
        {
            next.accountPrev = prev;
        }
        order.accountPrev = null;
        order.accountNext = null;
        openOrderCount--;
    }
}
