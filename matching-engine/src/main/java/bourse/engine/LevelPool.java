package bourse.engine;

/** Recycles price levels so that a busy book allocates nothing in steady state. */
final class LevelPool
{
    private PriceLevel free;

    PriceLevel acquire(final long price)
    {
        PriceLevel level = free;
        if (level == null)
        {
            level = new PriceLevel();
        }
        else
        {
            free = level.nextFree;
            level.nextFree = null;
        }
        level.price = price;
        return level;
    }

    void release(final PriceLevel level)
    {
        level.head = null;
        level.tail = null;
        level.orderCount = 0;
        level.nextFree = free;
        free = level;
    }
}
