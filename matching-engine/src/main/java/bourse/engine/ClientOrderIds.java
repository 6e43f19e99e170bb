package bourse.engine;

/**
 * Client order ids: validation of the fixed 36-byte field, and the index of the ids that are live
 * (used by an open order) per account. Open addressing with linear probing and backward-shift
 * deletion: no tombstones, no allocation once sized, and lookups never depend on iteration order.
 */
final class ClientOrderIds
{
    static final int LENGTH = 36;

    private Order[] slots = new Order[1024];
    private int mask = slots.length - 1;
    private int size;

    /**
     * @return the length of the id (0 for blank), or -1 when it is not printable ASCII followed only
     * by NUL padding.
     */
    static int validLength(final byte[] id)
    {
        int length = 0;
        while (length < LENGTH && id[length] != 0)
        {
            final byte b = id[length];
            if (b < 0x21 || b > 0x7E)
            {
                return -1;
            }
            length++;
        }
        for (int i = length; i < LENGTH; i++)
        {
            if (id[i] != 0)
            {
                return -1;
            }
        }
        return length;
    }

    Order find(final long accountId, final byte[] id)
    {
        int index = hash(accountId, id) & mask;
        Order candidate;
        while ((candidate = slots[index]) != null)
        {
            if (matches(candidate, accountId, id))
            {
                return candidate;
            }
            index = (index + 1) & mask;
        }
        return null;
    }

    void add(final Order order)
    {
        if ((size + 1) * 2 > slots.length)
        {
            grow();
        }
        insert(order);
        size++;
    }

    void remove(final Order order)
    {
        int index = hash(order.account.accountId, order.clientOrderId) & mask;
        while (slots[index] != order)
        {
            index = (index + 1) & mask;
        }
        slots[index] = null;
        size--;

        int next = (index + 1) & mask;
        Order moving;
        while ((moving = slots[next]) != null)
        {
            final int home = hash(moving.account.accountId, moving.clientOrderId) & mask;
            // Move the entry back into the hole unless its home lies cyclically in (hole, next].
            final boolean homeBetween = index <= next ? (home > index && home <= next) : (home > index || home <= next);
            if (!homeBetween)
            {
                slots[index] = moving;
                slots[next] = null;
                index = next;
            }
            next = (next + 1) & mask;
        }
    }

    private void insert(final Order order)
    {
        int index = hash(order.account.accountId, order.clientOrderId) & mask;
        while (slots[index] != null)
        {
            index = (index + 1) & mask;
        }
        slots[index] = order;
    }

    private void grow()
    {
        final Order[] old = slots;
        slots = new Order[old.length * 2];
        mask = slots.length - 1;
        for (final Order order : old)
        {
            if (order != null)
            {
                insert(order);
            }
        }
    }

    private static boolean matches(final Order order, final long accountId, final byte[] id)
    {
        if (order.account.accountId != accountId)
        {
            return false;
        }
        final byte[] own = order.clientOrderId;
        for (int i = 0; i < LENGTH; i++)
        {
            if (own[i] != id[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final long accountId, final byte[] id)
    {
        long h = accountId * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < LENGTH; i++)
        {
            final byte b = id[i];
            if (b == 0)
            {
                break;
            }
            h = (h ^ b) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int)(h ^ (h >>> 32));
    }
}
