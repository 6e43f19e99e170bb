package bourse.marketdata;

/**
 * One side of an aggregated (L2) book, read only: its price levels ranked from the best (rank 0), each
 * with the visible quantity resting at the price and the number of orders.
 */
public interface BookLevels
{
    /** Number of price levels. */
    int size();

    default boolean isEmpty()
    {
        return size() == 0;
    }

    /** Price of the level at {@code rank} from the best; rank must be below {@link #size()}. */
    long price(int rank);

    /** Visible quantity of the level at {@code rank} from the best. */
    long quantity(int rank);

    /** Orders in the level at {@code rank} from the best. */
    int orderCount(int rank);

    /** The rank of the level at {@code price}, or -1 when there is none. */
    int rankOf(long price);
}
