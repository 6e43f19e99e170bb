package bourse.platform.demo;

import bourse.platform.view.EngineEventListener;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * What the simulated traders know about their own accounts, learned from engine events as a real
 * client learns it from execution reports: which of their orders are open, at what price and with how
 * much left, their available balances, and why commands were rejected.
 */
public final class AccountsView implements EngineEventListener
{
    private static final int MAX_ASSETS = 256;

    private final Long2ObjectHashMap<OpenOrder> openOrders = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<long[]> availableByAccount = new Long2ObjectHashMap<>();
    private final long[] rejectsByReason = new long[256];
    private long rejectCount;
    private long lastAcceptedSequence;
    private long lastAcceptedOrderId;

    @Override
    public void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        lastAcceptedSequence = event.sequence();
        lastAcceptedOrderId = event.orderId();
        openOrders.put(event.orderId(), new OpenOrder(event.orderId(), event.price(), event.quantity()));
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        rejectCount++;
        rejectsByReason[event.reasonRaw()]++;
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        openOrders.remove(event.orderId());
    }

    @Override
    public void onOrderReplaced(final OrderReplacedDecoder event)
    {
        final OpenOrder order = openOrders.get(event.orderId());
        order.price = event.price();
        order.remaining = event.remainingQuantity();
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        onFill(event.makerOrderId(), event.makerRemainingQuantity());
        onFill(event.takerOrderId(), event.takerRemainingQuantity());
    }

    @Override
    public void onBalanceChanged(final BalanceChangedDecoder event)
    {
        long[] available = availableByAccount.get(event.accountId());
        if (available == null)
        {
            available = new long[MAX_ASSETS];
            availableByAccount.put(event.accountId(), available);
        }
        available[event.assetId()] = event.total() - event.held();
    }

    private void onFill(final long orderId, final long remaining)
    {
        if (remaining == 0)
        {
            openOrders.remove(orderId);
        }
        else
        {
            openOrders.get(orderId).remaining = remaining;
        }
    }

    /** The id the engine gave the order sent as command {@code sequence}, or 0 when it was rejected. */
    long acceptedOrderId(final long sequence)
    {
        return lastAcceptedSequence == sequence ? lastAcceptedOrderId : 0;
    }

    /** The open order (resting, or a stop waiting for its trigger), or null once it is filled or cancelled. */
    OpenOrder openOrder(final long orderId)
    {
        return openOrders.get(orderId);
    }

    long available(final long accountId, final int assetId)
    {
        final long[] available = availableByAccount.get(accountId);
        return available == null ? 0 : available[assetId];
    }

    /** Commands the engine rejected, all reasons together. */
    public long rejectCount()
    {
        return rejectCount;
    }

    public long rejectCount(final RejectReason reason)
    {
        return rejectsByReason[reason.value()];
    }

    /** One of the traders' open orders: what an amend needs to know. */
    static final class OpenOrder
    {
        final long orderId;
        long price;
        long remaining;

        OpenOrder(final long orderId, final long price, final long remaining)
        {
            this.orderId = orderId;
            this.price = price;
            this.remaining = remaining;
        }
    }
}
