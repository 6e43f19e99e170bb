package bourse.engine;

import java.util.Arrays;

/**
 * Price levels of one side kept in a sorted array with the best level last, so that the busy end of
 * the book (near the touch) is where inserts and removals shift the fewest entries, and the best
 * price is one array read. Lookup by price is a binary search.
 * <p>
 * Also used for pending stops: buy stops trigger lowest stop first, sell stops highest first.
 */
final class BookSide
{
    private static final int NEAR_SCAN_LIMIT = 16;

    private final boolean highestIsBest;
    private final LevelPool pool;
    private PriceLevel[] levels = new PriceLevel[64];
    private int size;

    BookSide(final boolean highestIsBest, final LevelPool pool)
    {
        this.highestIsBest = highestIsBest;
        this.pool = pool;
    }

    PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    int size()
    {
        return size;
    }

    /** Level at the given rank from the best (0 = best). */
    PriceLevel levelFromBest(final int rank)
    {
        return levels[size - 1 - rank];
    }

    /** True when price a is better than (ahead of) price b on this side. */
    boolean isBetter(final long a, final long b)
    {
        return highestIsBest ? a > b : a < b;
    }

    PriceLevel find(final long price)
    {
        final int index = indexOf(price);
        return index >= 0 ? levels[index] : null;
    }

    PriceLevel findOrCreate(final long price)
    {
        int index = indexOf(price);
        if (index >= 0)
        {
            return levels[index];
        }
        index = -index - 1;
        if (size == levels.length)
        {
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(levels, index, levels, index + 1, size - index);
        final PriceLevel level = pool.acquire(price);
        levels[index] = level;
        size++;
        return level;
    }

    /**
     * Gives an empty level a new price and returns the level now at that price: the existing one if
     * there is one (the empty level goes back to the pool), else the same level moved to its new
     * place. An amend moves an order a few ticks, so only the few levels in between shift, rather
     * than half the side once to remove the old level and again to insert the new one.
     */
    PriceLevel reprice(final PriceLevel emptyLevel, final long newPrice)
    {
        final int existing = indexOf(newPrice);
        if (existing >= 0)
        {
            final PriceLevel level = levels[existing];
            if (level != emptyLevel)
            {
                removeLevel(emptyLevel);
            }
            return level;
        }
        final int insertionPoint = -existing - 1;
        final int from = indexNear(emptyLevel, insertionPoint);
        if (insertionPoint > from)
        {
            System.arraycopy(levels, from + 1, levels, from, insertionPoint - 1 - from);
            levels[insertionPoint - 1] = emptyLevel;
        }
        else
        {
            System.arraycopy(levels, insertionPoint, levels, insertionPoint + 1, from - insertionPoint);
            levels[insertionPoint] = emptyLevel;
        }
        emptyLevel.price = newPrice;
        return emptyLevel;
    }

    /**
     * Index of a level known to be near an index: an amend moves a few ticks, so the old level is a
     * few slots from the new price's insertion point, and a short predictable scan beats a second
     * binary search (whose branches the CPU cannot predict).
     */
    private int indexNear(final PriceLevel level, final int near)
    {
        for (int distance = 0; distance < NEAR_SCAN_LIMIT; distance++)
        {
            final int below = near - 1 - distance;
            if (below >= 0 && levels[below] == level)
            {
                return below;
            }
            final int above = near + distance;
            if (above < size && levels[above] == level)
            {
                return above;
            }
        }
        return indexOf(level.price);
    }

    /** Removes an empty level and returns it to the pool. */
    void removeLevel(final PriceLevel level)
    {
        final int index = indexOf(level.price);
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        levels[--size] = null;
        pool.release(level);
    }

    /**
     * Array order is worst to best: ascending prices for a bid side (highest best), descending for an
     * ask side.
     */
    private int indexOf(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = levels[mid].price;
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
