package bourse.gateway;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every order the gateway knows, by order id and, per account, by client order id, with each account's
 * open orders in order id order. Open and pending orders are kept as long as they live; finished ones
 * (filled, cancelled, rejected) are kept for idempotent retries and GetOrder until
 * {@code retainFinishedOrders} newer ones have finished. Owned by the gateway's agent thread.
 */
final class OrderStore
{
    private final int retainFinishedOrders;
    private final Long2ObjectHashMap<OrderRecord> byId = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<AccountOrders> accounts = new Long2ObjectHashMap<>();
    private final ArrayDeque<OrderRecord> finished = new ArrayDeque<>();

    OrderStore(final int retainFinishedOrders)
    {
        this.retainFinishedOrders = retainFinishedOrders;
    }

    /** One account's orders. */
    private static final class AccountOrders
    {
        final Map<String, OrderRecord> byClientOrderId = new HashMap<>();
        final TreeMap<Long, OrderRecord> open = new TreeMap<>();
    }

    /** The order with that id, whoever's it is, or null. */
    OrderRecord byId(final long orderId)
    {
        return byId.get(orderId);
    }

    /** The account's order with that client order id, or null. */
    OrderRecord byClientOrderId(final long accountId, final String clientOrderId)
    {
        final AccountOrders orders = accounts.get(accountId);
        return orders == null ? null : orders.byClientOrderId.get(clientOrderId);
    }

    /**
     * The account's order named by id or, when {@code orderId} is 0, by client order id; null when the
     * account has no such order: another account's order is not found either.
     */
    OrderRecord find(final long accountId, final long orderId, final String clientOrderId)
    {
        final OrderRecord order = orderId != 0 ? byId.get(orderId) : byClientOrderId(accountId, clientOrderId);
        return order != null && order.accountId == accountId ? order : null;
    }

    /**
     * Makes the order findable by its client order id, unless an order that is still pending or open holds
     * that id (another gateway's order can collide with this one's submit in flight: the engine rejects
     * whichever comes second).
     */
    void indexClientOrderId(final OrderRecord order)
    {
        if (order.clientOrderId.isEmpty())
        {
            return;
        }
        final Map<String, OrderRecord> index = account(order.accountId).byClientOrderId;
        final OrderRecord holder = index.get(order.clientOrderId);
        if (holder == null || (!holder.isPending() && !holder.isOpen()))
        {
            index.put(order.clientOrderId, order);
        }
    }

    /** A pending submit the engine never received: its client order id is free again. */
    void forgetPending(final OrderRecord order)
    {
        final AccountOrders orders = accounts.get(order.accountId);
        if (orders != null)
        {
            orders.byClientOrderId.remove(order.clientOrderId, order);
        }
    }

    /** The engine accepted the order: findable by id and listed as open. */
    void accepted(final OrderRecord order)
    {
        byId.put(order.orderId, order);
        account(order.accountId).open.put(order.orderId, order);
    }

    /** The order is filled, cancelled or rejected: off the open list, and forgotten in due course. */
    void finished(final OrderRecord order)
    {
        if (order.orderId != 0)
        {
            account(order.accountId).open.remove(order.orderId);
        }
        finished.addLast(order);
        while (finished.size() > retainFinishedOrders)
        {
            forget(finished.removeFirst());
        }
    }

    /** The account's open orders by ascending order id, of one instrument or, when 0, of all. */
    List<OrderRecord> openOrders(final long accountId, final int instrumentId)
    {
        final AccountOrders orders = accounts.get(accountId);
        final List<OrderRecord> open = new ArrayList<>();
        if (orders != null)
        {
            for (final OrderRecord order : orders.open.values())
            {
                if (instrumentId == 0 || order.instrumentId == instrumentId)
                {
                    open.add(order);
                }
            }
        }
        return open;
    }

    private void forget(final OrderRecord order)
    {
        if (order.orderId != 0)
        {
            byId.remove(order.orderId, order);
        }
        forgetPending(order);
    }

    private AccountOrders account(final long accountId)
    {
        AccountOrders orders = accounts.get(accountId);
        if (orders == null)
        {
            orders = new AccountOrders();
            accounts.put(accountId, orders);
        }
        return orders;
    }
}
