package bourse.engine;

/** All orders at one price on one side, first in first out. Pooled. */
final class PriceLevel
{
    long price;
    Order head;
    Order tail;
    int orderCount;
    PriceLevel nextFree;

    boolean isEmpty()
    {
        return head == null;
    }

    void append(final Order order)
    {
        order.level = this;
        order.levelNext = null;
        order.levelPrev = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.levelNext = order;
        }
        tail = order;
        orderCount++;
    }

    void remove(final Order order)
    {
        final Order prev = order.levelPrev;
        final Order next = order.levelNext;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.levelNext = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.levelPrev = prev;
        }
        order.level = null;
        order.levelPrev = null;
        order.levelNext = null;
        orderCount--;
    }
}
