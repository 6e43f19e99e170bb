package bourse.marketdata;

import java.util.Arrays;

/**
 * One side of an L2 book: price, visible quantity and order count per level, in parallel arrays sorted
 * worst to best so that the best level is the last element (as the engine's book sides are): the touch
 * is one array read, changes near it shift few entries, lookup is a binary search. Arrays grow by
 * doubling and never shrink, so a book that has reached its depth allocates nothing more.
 */
public final class PriceLevels implements BookLevels
{
    private final boolean highestIsBest;
    private long[] prices;
    private long[] quantities;
    private int[] orderCounts;
    private int size;

    /** Bids: {@code highestIsBest} true; asks: false. */
    public PriceLevels(final boolean highestIsBest, final int initialCapacity)
    {
        this.highestIsBest = highestIsBest;
        final int capacity = Math.max(1, initialCapacity);
        prices = new long[capacity];
        quantities = new long[capacity];
        orderCounts = new int[capacity];
    }

    public boolean highestIsBest()
    {
        return highestIsBest;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public long price(final int rank)
    {
        return prices[size - 1 - rank];
    }

    @Override
    public long quantity(final int rank)
    {
        return quantities[size - 1 - rank];
    }

    @Override
    public int orderCount(final int rank)
    {
        return orderCounts[size - 1 - rank];
    }

    @Override
    public int rankOf(final long price)
    {
        final int index = indexOf(price);
        return index < 0 ? -1 : size - 1 - index;
    }

    /** Visible quantity at {@code price}; 0 when there is no level there. */
    public long quantityAt(final long price)
    {
        final int index = indexOf(price);
        return index < 0 ? 0 : quantities[index];
    }

    /** Orders at {@code price}; 0 when there is no level there. */
    public int orderCountAt(final long price)
    {
        final int index = indexOf(price);
        return index < 0 ? 0 : orderCounts[index];
    }

    /** Whether {@code price} ranks before {@code other} on this side. */
    public boolean isBetter(final long price, final long other)
    {
        return highestIsBest ? price > other : price < other;
    }

    /**
     * Changes the level at {@code price} by the deltas: creates it when absent and an order arrives,
     * removes it when its last order leaves. Returns false, changing nothing, for a change to a level
     * that does not exist that adds no order (the change of an order this book never saw).
     */
    public boolean add(final long price, final long quantityDelta, final int orderCountDelta)
    {
        int index = indexOf(price);
        if (index < 0)
        {
            if (orderCountDelta <= 0)
            {
                return false;
            }
            index = insert(-index - 1, price);
        }
        quantities[index] += quantityDelta;
        orderCounts[index] += orderCountDelta;
        if (orderCounts[index] <= 0)
        {
            remove(index);
        }
        return true;
    }

    /** Sets the level at {@code price}; an order count of 0 removes it. */
    public void set(final long price, final long quantity, final int orderCount)
    {
        int index = indexOf(price);
        if (orderCount <= 0)
        {
            if (index >= 0)
            {
                remove(index);
            }
            return;
        }
        if (index < 0)
        {
            index = insert(-index - 1, price);
        }
        quantities[index] = quantity;
        orderCounts[index] = orderCount;
    }

    /** Keeps the best {@code depth} levels and drops the rest. */
    public void truncate(final int depth)
    {
        if (size > depth)
        {
            final int dropped = size - depth;
            System.arraycopy(prices, dropped, prices, 0, depth);
            System.arraycopy(quantities, dropped, quantities, 0, depth);
            System.arraycopy(orderCounts, dropped, orderCounts, 0, depth);
            size = depth;
        }
    }

    public void clear()
    {
        size = 0;
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder(highestIsBest ? "bids[" : "asks[");
        for (int rank = 0; rank < size; rank++)
        {
            text.append(rank == 0 ? "" : ", ").append(price(rank)).append('x').append(quantity(rank))
                .append('/').append(orderCount(rank));
        }
        return text.append(']').toString();
    }

    private int insert(final int index, final long price)
    {
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
            orderCounts = Arrays.copyOf(orderCounts, size * 2);
        }
        final int moved = size - index;
        System.arraycopy(prices, index, prices, index + 1, moved);
        System.arraycopy(quantities, index, quantities, index + 1, moved);
        System.arraycopy(orderCounts, index, orderCounts, index + 1, moved);
        prices[index] = price;
        quantities[index] = 0;
        orderCounts[index] = 0;
        size++;
        return index;
    }

    private void remove(final int index)
    {
        final int moved = size - index - 1;
        System.arraycopy(prices, index + 1, prices, index, moved);
        System.arraycopy(quantities, index + 1, quantities, index, moved);
        System.arraycopy(orderCounts, index + 1, orderCounts, index, moved);
        size--;
    }

    /** Binary search over the worst-to-best order; {@code -(insertionPoint + 1)} when absent. */
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
            if (isBetter(price, midPrice))
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
