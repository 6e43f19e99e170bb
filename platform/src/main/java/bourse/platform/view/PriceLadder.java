package bourse.platform.view;

import java.util.Arrays;

/**
 * One side of an instrument's book as rebuilt from order-level events: per price, the visible quantity
 * and the number of orders (L2), and the orders themselves in their queue's time priority (L3), first
 * to last. Prices are kept sorted with the best last, so the touch is one array read and updates near
 * it shift few entries; lookup is a binary search. Each level's queue is a list linked through its
 * orders, so an order joins, shrinks or leaves it in O(1) once its level is found.
 */
public final class PriceLadder
{
    private final boolean highestIsBest;
    private long[] prices = new long[32];
    private long[] quantities = new long[32];
    private int[] orderCounts = new int[32];
    private RestingOrder[] firstOrders = new RestingOrder[32];
    private RestingOrder[] lastOrders = new RestingOrder[32];
    private int size;

    PriceLadder(final boolean highestIsBest)
    {
        this.highestIsBest = highestIsBest;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public int levelCount()
    {
        return size;
    }

    /** The best price; only meaningful when not empty. */
    public long bestPrice()
    {
        return prices[size - 1];
    }

    /** Price of the level at {@code rank} from the best (0 = best). */
    public long priceAt(final int rank)
    {
        return prices[size - 1 - rank];
    }

    /** Visible quantity of the level at {@code rank} from the best. */
    public long quantityAt(final int rank)
    {
        return quantities[size - 1 - rank];
    }

    /** Number of orders in the level at {@code rank} from the best. */
    public int orderCountAt(final int rank)
    {
        return orderCounts[size - 1 - rank];
    }

    /** The first order in the queue of the level at {@code rank} from the best: follow {@link RestingOrder#nextInQueue()}. */
    public RestingOrder firstOrderAt(final int rank)
    {
        return firstOrders[size - 1 - rank];
    }

    /** An order arrived: it joins the back of the queue at its price. */
    void addOrder(final RestingOrder order)
    {
        int index = indexOf(order.price());
        if (index < 0)
        {
            index = insertLevel(-index - 1, order.price());
        }
        quantities[index] += order.visibleQuantity();
        orderCounts[index]++;
        final RestingOrder last = lastOrders[index];
        order.previous = last;
        order.next = null;
        if (last == null)
        {
            firstOrders[index] = order;
        }
        else
        {
            last.next = order;
        }
        lastOrders[index] = order;
    }

    /** An order now shows {@code visibleQuantity}, keeping its place. */
    void changeVisibleQuantity(final RestingOrder order, final long visibleQuantity)
    {
        final int index = existingIndexOf(order.price());
        quantities[index] += visibleQuantity - order.visibleQuantity();
        order.visibleQuantity(visibleQuantity);
    }

    /** An order left its level's queue. */
    void removeOrder(final RestingOrder order)
    {
        final int index = existingIndexOf(order.price());
        quantities[index] -= order.visibleQuantity();
        if (order.previous == null)
        {
            firstOrders[index] = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }
        if (order.next == null)
        {
            lastOrders[index] = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }
        order.previous = null;
        order.next = null;
        if (--orderCounts[index] == 0)
        {
            final int moved = size - index - 1;
            System.arraycopy(prices, index + 1, prices, index, moved);
            System.arraycopy(quantities, index + 1, quantities, index, moved);
            System.arraycopy(orderCounts, index + 1, orderCounts, index, moved);
            System.arraycopy(firstOrders, index + 1, firstOrders, index, moved);
            System.arraycopy(lastOrders, index + 1, lastOrders, index, moved);
            size--;
            firstOrders[size] = null;
            lastOrders[size] = null;
        }
    }

    private int insertLevel(final int index, final long price)
    {
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
            orderCounts = Arrays.copyOf(orderCounts, size * 2);
            firstOrders = Arrays.copyOf(firstOrders, size * 2);
            lastOrders = Arrays.copyOf(lastOrders, size * 2);
        }
        final int moved = size - index;
        System.arraycopy(prices, index, prices, index + 1, moved);
        System.arraycopy(quantities, index, quantities, index + 1, moved);
        System.arraycopy(orderCounts, index, orderCounts, index + 1, moved);
        System.arraycopy(firstOrders, index, firstOrders, index + 1, moved);
        System.arraycopy(lastOrders, index, lastOrders, index + 1, moved);
        prices[index] = price;
        quantities[index] = 0;
        orderCounts[index] = 0;
        firstOrders[index] = null;
        lastOrders[index] = null;
        size++;
        return index;
    }

    private int existingIndexOf(final long price)
    {
        final int index = indexOf(price);
        if (index < 0)
        {
            // The engine only reduces or removes orders it added: a miss means an event was lost.
            throw new IllegalStateException("no level at price " + price);
        }
        return index;
    }

    /** Binary search over worst-to-best order; {@code -(insertionPoint + 1)} when absent. */
    private int indexOf(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price)
            {
                return mid;
            }
            final boolean better = highestIsBest ? price > midPrice : price < midPrice;
            if (better)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
