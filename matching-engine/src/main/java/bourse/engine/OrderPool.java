package bourse.engine;

/** Recycles orders so that the engine allocates nothing per command in steady state. */
final class OrderPool
{
    private Order free;

    Order acquire()
    {
        Order order = free;
        if (order == null)
        {
            return new Order();
        }
        free = order.nextFree;
        order.nextFree = null;
        return order;
    }

    void release(final Order order)
    {
        order.reset();
        order.nextFree = free;
        free = order;
    }
}
