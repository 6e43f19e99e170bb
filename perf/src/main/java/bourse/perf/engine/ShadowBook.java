package bourse.perf.engine;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The workload generator's picture of the live book, kept only from the engine's own {@code BookChanged}
 * events, so it is exact: which orders rest (for cancels and amends to target), how many orders and how
 * much quantity sit on each tick (for aggressive orders to aim at the touch), and how many price levels
 * are occupied. Prices are held as tick indexes around the fixed mid: bids below {@code halfRangeTicks},
 * asks above it.
 */
final class ShadowBook
{
    private static final long NO_SLOT = -1;

    private final int halfRangeTicks;
    private final int[] ordersAtTick;
    private final long[] quantityAtTick;
    private final Long2LongHashMap slotByOrderId = new Long2LongHashMap(NO_SLOT);
    private long[] orderIds = new long[2048];
    private long[] accountIds = new long[2048];
    private int[] ticks = new int[2048];
    private long[] remaining = new long[2048];
    private int size;
    private int levels;

    ShadowBook(final int halfRangeTicks)
    {
        this.halfRangeTicks = halfRangeTicks;
        ordersAtTick = new int[2 * halfRangeTicks + 1];
        quantityAtTick = new long[2 * halfRangeTicks + 1];
    }

    /** Resting orders. */
    int size()
    {
        return size;
    }

    /** Occupied price levels, both sides. */
    int levels()
    {
        return levels;
    }

    long orderId(final int slot)
    {
        return orderIds[slot];
    }

    long accountId(final int slot)
    {
        return accountIds[slot];
    }

    long remaining(final int slot)
    {
        return remaining[slot];
    }

    /** Ticks away from the mid, 1 to halfRangeTicks, on the order's own side. */
    int distanceFromMid(final int slot)
    {
        return Math.abs(ticks[slot] - halfRangeTicks);
    }

    boolean isBid(final int slot)
    {
        return ticks[slot] < halfRangeTicks;
    }

    /** The best opposite level's distance from the mid for a taker on that side, or 0 when that side is empty. */
    int bestOppositeDistance(final boolean takerBuys)
    {
        if (takerBuys)
        {
            for (int tick = halfRangeTicks + 1; tick < ordersAtTick.length; tick++)
            {
                if (ordersAtTick[tick] > 0)
                {
                    return tick - halfRangeTicks;
                }
            }
        }
        else
        {
            for (int tick = halfRangeTicks - 1; tick >= 0; tick--)
            {
                if (ordersAtTick[tick] > 0)
                {
                    return halfRangeTicks - tick;
                }
            }
        }
        return 0;
    }

    /** Total remaining quantity at a distance from the mid on the ask (buy taker's opposite) or bid side. */
    long oppositeQuantity(final boolean takerBuys, final int distance)
    {
        return quantityAtTick[takerBuys ? halfRangeTicks + distance : halfRangeTicks - distance];
    }

    void onAdded(final long orderId, final long accountId, final long price, final long quantity)
    {
        if (size == orderIds.length)
        {
            grow();
        }
        final int tick = tickOf(price);
        orderIds[size] = orderId;
        accountIds[size] = accountId;
        ticks[size] = tick;
        remaining[size] = quantity;
        slotByOrderId.put(orderId, size);
        size++;
        if (ordersAtTick[tick]++ == 0)
        {
            levels++;
        }
        quantityAtTick[tick] += quantity;
    }

    void onReduced(final long orderId, final long quantity)
    {
        final int slot = slotOf(orderId);
        quantityAtTick[ticks[slot]] -= remaining[slot] - quantity;
        remaining[slot] = quantity;
    }

    void onRemoved(final long orderId)
    {
        final int slot = slotOf(orderId);
        final int tick = ticks[slot];
        quantityAtTick[tick] -= remaining[slot];
        if (--ordersAtTick[tick] == 0)
        {
            levels--;
        }
        slotByOrderId.remove(orderId);
        final int last = --size;
        if (slot != last)
        {
            orderIds[slot] = orderIds[last];
            accountIds[slot] = accountIds[last];
            ticks[slot] = ticks[last];
            remaining[slot] = remaining[last];
            slotByOrderId.put(orderIds[slot], slot);
        }
    }

    private int slotOf(final long orderId)
    {
        final long slot = slotByOrderId.get(orderId);
        if (slot == NO_SLOT)
        {
            throw new IllegalStateException("the engine changed an order the workload never saw rest: " + orderId);
        }
        return (int)slot;
    }

    private int tickOf(final long price)
    {
        final long offset = price - WorkloadInstrument.MID_PRICE;
        final long tick = offset / WorkloadInstrument.TICK_SIZE + halfRangeTicks;
        if (offset % WorkloadInstrument.TICK_SIZE != 0 || offset == 0 || tick < 0 || tick >= ordersAtTick.length)
        {
            throw new IllegalStateException("an order rests outside the workload's price range: " + price);
        }
        return (int)tick;
    }

    private void grow()
    {
        final int capacity = orderIds.length * 2;
        orderIds = Arrays.copyOf(orderIds, capacity);
        accountIds = Arrays.copyOf(accountIds, capacity);
        ticks = Arrays.copyOf(ticks, capacity);
        remaining = Arrays.copyOf(remaining, capacity);
    }
}
