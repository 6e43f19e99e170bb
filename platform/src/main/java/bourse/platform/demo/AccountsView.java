package bourse.platform.demo;

import bourse.engine.client.EngineEventListener;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.ApiKeyCreatedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * What the simulated traders know about their own accounts, learned from engine events as a real
 * client learns it from execution reports: which of their orders are open, at what price and with how
 * much left, their available balances, the order id the engine gave an order they sent, and why
 * commands were rejected. The events arrive after the commands that caused them, so what a trader
 * reads here may be a little behind what it has sent.
 */
public final class AccountsView implements EngineEventListener
{
    /** {@link #takeOrderId} of an order whose answer has not arrived yet. */
    static final long AWAITING = 0;
    /** {@link #takeOrderId} of an order the engine rejected. */
    static final long REJECTED = -1;

    private static final int MAX_ASSETS = 256;
    private static final long UNEXPECTED = Long.MIN_VALUE;

    private final int sourceId;
    private final Long2LongHashMap orderIdsByCorrelationId = new Long2LongHashMap(UNEXPECTED);
    private final Long2ObjectHashMap<OpenOrder> openOrders = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<long[]> availableByAccount = new Long2ObjectHashMap<>();
    private final long[] rejectsByReason = new long[256];
    private long rejectCount;
    private long lastSequence;

    /** @param sourceId the source the traders' commands come from: only its rejects and order ids are theirs. */
    AccountsView(final int sourceId)
    {
        this.sourceId = sourceId;
    }

    @Override
    public void onAccountCreated(final AccountCreatedDecoder event)
    {
        lastSequence = event.sequence();
    }

    @Override
    public void onApiKeyCreated(final ApiKeyCreatedDecoder event)
    {
        lastSequence = event.sequence();
    }

    @Override
    public void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        lastSequence = event.sequence();
        if (event.sourceId() != sourceId)
        {
            return;
        }
        if (orderIdsByCorrelationId.get(event.correlationId()) == AWAITING)
        {
            orderIdsByCorrelationId.put(event.correlationId(), event.orderId());
        }
        openOrders.put(event.orderId(), new OpenOrder(event.orderId(), event.price(), event.quantity()));
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        lastSequence = event.sequence();
        if (event.sourceId() != sourceId)
        {
            return;
        }
        if (orderIdsByCorrelationId.get(event.correlationId()) == AWAITING)
        {
            orderIdsByCorrelationId.put(event.correlationId(), REJECTED);
        }
        rejectCount++;
        rejectsByReason[event.reasonRaw()]++;
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        lastSequence = event.sequence();
        openOrders.remove(event.orderId());
    }

    @Override
    public void onOrderReplaced(final OrderReplacedDecoder event)
    {
        lastSequence = event.sequence();
        final OpenOrder order = openOrders.get(event.orderId());
        if (order != null)
        {
            order.price = event.price();
            order.remaining = event.remainingQuantity();
        }
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        lastSequence = event.sequence();
        onFill(event.makerOrderId(), event.makerRemainingQuantity());
        onFill(event.takerOrderId(), event.takerRemainingQuantity());
    }

    @Override
    public void onBalanceChanged(final BalanceChangedDecoder event)
    {
        lastSequence = event.sequence();
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
            final OpenOrder order = openOrders.get(orderId);
            if (order != null)
            {
                order.remaining = remaining;
            }
        }
    }

    /** Asks to learn the order id of the order sent with this correlation id: see {@link #takeOrderId}. */
    void expectOrderId(final long correlationId)
    {
        orderIdsByCorrelationId.put(correlationId, AWAITING);
    }

    /**
     * The id the engine gave the order sent with this (expected) correlation id, {@link #REJECTED} if it
     * refused it, or {@link #AWAITING} until the answer arrives; once answered it is forgotten.
     */
    long takeOrderId(final long correlationId)
    {
        final long orderId = orderIdsByCorrelationId.get(correlationId);
        if (orderId == UNEXPECTED)
        {
            throw new IllegalStateException("no order id expected for correlation id " + correlationId);
        }
        if (orderId != AWAITING)
        {
            orderIdsByCorrelationId.remove(correlationId);
        }
        return orderId;
    }

    /** Sequence of the last command whose events reached this view. */
    public long lastSequence()
    {
        return lastSequence;
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
