package bourse.marketdata.feed;

import bourse.marketdata.PriceLevels;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

import java.util.Arrays;

/**
 * One instrument's book as the feed rebuilds it from {@code BookChanged} events: every resting order's
 * visible part (L3) in its price level's queue, in the engine's time priority, and the aggregated
 * levels (L2) kept in step with it. Orders and queues are pooled, and the levels changed since the last
 * {@link #clearChanges()} are remembered once each, in the order first changed, for the next
 * {@code BookUpdate}.
 */
final class OrderBook
{
    private static final int INITIAL_LEVELS = 64;

    /** An order's visible part, linked into its price level's queue. */
    static final class RestingOrder
    {
        long orderId;
        boolean bid;
        long price;
        long visibleQuantity;
        RestingOrder previous;
        RestingOrder next;
    }

    /** The orders resting at one price, oldest first. */
    static final class OrderQueue
    {
        RestingOrder head;
        RestingOrder tail;
        OrderQueue nextFree;
    }

    private final PriceLevels bids;
    private final PriceLevels asks;
    private final Long2ObjectHashMap<RestingOrder> orders = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<OrderQueue> bidQueues = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<OrderQueue> askQueues = new Long2ObjectHashMap<>();
    private final LongHashSet changedBidPrices = new LongHashSet();
    private final LongHashSet changedAskPrices = new LongHashSet();
    private long[] changedPrices = new long[INITIAL_LEVELS];
    private boolean[] changedSides = new boolean[INITIAL_LEVELS];
    private int changedCount;
    private RestingOrder freeOrders;
    private OrderQueue freeQueues;

    /** A book that keeps its levels in {@code bids} and {@code asks}. */
    OrderBook(final PriceLevels bids, final PriceLevels asks)
    {
        this.bids = bids;
        this.asks = asks;
    }

    int orderCount()
    {
        return orders.size();
    }

    /** An order joined the back of the queue at its price. False if the book already holds it. */
    boolean onAdded(final long orderId, final boolean bid, final long price, final long visibleQuantity)
    {
        if (orders.containsKey(orderId))
        {
            return false;
        }
        final RestingOrder order = newOrder();
        order.orderId = orderId;
        order.bid = bid;
        order.price = price;
        order.visibleQuantity = visibleQuantity;
        orders.put(orderId, order);
        final Long2ObjectHashMap<OrderQueue> queues = bid ? bidQueues : askQueues;
        OrderQueue queue = queues.get(price);
        if (queue == null)
        {
            queue = newQueue();
            queues.put(price, queue);
        }
        if (queue.tail == null)
        {
            queue.head = order;
        }
        else
        {
            queue.tail.next = order;
            order.previous = queue.tail;
        }
        queue.tail = order;
        side(bid).add(price, visibleQuantity, 1);
        markChanged(bid, price);
        return true;
    }

    /** The order's visible quantity is now {@code visibleQuantity}. False if the book does not hold it. */
    boolean onReduced(final long orderId, final long visibleQuantity)
    {
        final RestingOrder order = orders.get(orderId);
        if (order == null)
        {
            return false;
        }
        side(order.bid).add(order.price, visibleQuantity - order.visibleQuantity, 0);
        order.visibleQuantity = visibleQuantity;
        markChanged(order.bid, order.price);
        return true;
    }

    /** The order left the book. False if the book does not hold it. */
    boolean onRemoved(final long orderId)
    {
        final RestingOrder order = orders.remove(orderId);
        if (order == null)
        {
            return false;
        }
        final Long2ObjectHashMap<OrderQueue> queues = order.bid ? bidQueues : askQueues;
        final OrderQueue queue = queues.get(order.price);
        if (order.previous == null)
        {
            queue.head = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }
        if (order.next == null)
        {
            queue.tail = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }
        if (queue.head == null)
        {
            queues.remove(order.price);
            queue.nextFree = freeQueues;
            freeQueues = queue;
        }
        side(order.bid).add(order.price, -order.visibleQuantity, -1);
        markChanged(order.bid, order.price);
        order.previous = null;
        order.next = freeOrders;
        freeOrders = order;
        return true;
    }

    /** The oldest order at {@code price} on a side, or null; follow {@link RestingOrder#next} for the rest. */
    RestingOrder queueHead(final boolean bid, final long price)
    {
        final OrderQueue queue = (bid ? bidQueues : askQueues).get(price);
        return queue == null ? null : queue.head;
    }

    /** How many levels changed since {@link #clearChanges()}. */
    int changedCount()
    {
        return changedCount;
    }

    long changedPrice(final int index)
    {
        return changedPrices[index];
    }

    boolean changedIsBid(final int index)
    {
        return changedSides[index];
    }

    void clearChanges()
    {
        // Removing each price is O(changes); clearing the sets would cost their whole capacity every time.
        for (int i = 0; i < changedCount; i++)
        {
            (changedSides[i] ? changedBidPrices : changedAskPrices).remove(changedPrices[i]);
        }
        changedCount = 0;
    }

    PriceLevels side(final boolean bid)
    {
        return bid ? bids : asks;
    }

    private void markChanged(final boolean bid, final long price)
    {
        if ((bid ? changedBidPrices : changedAskPrices).add(price))
        {
            if (changedCount == changedPrices.length)
            {
                changedPrices = Arrays.copyOf(changedPrices, changedCount * 2);
                changedSides = Arrays.copyOf(changedSides, changedCount * 2);
            }
            changedPrices[changedCount] = price;
            changedSides[changedCount] = bid;
            changedCount++;
        }
    }

    private RestingOrder newOrder()
    {
        final RestingOrder order = freeOrders;
        if (order == null)
        {
            return new RestingOrder();
        }
        freeOrders = order.next;
        order.next = null;
        return order;
    }

    private OrderQueue newQueue()
    {
        final OrderQueue queue = freeQueues;
        if (queue == null)
        {
            return new OrderQueue();
        }
        freeQueues = queue.nextFree;
        queue.nextFree = null;
        return queue;
    }
}
