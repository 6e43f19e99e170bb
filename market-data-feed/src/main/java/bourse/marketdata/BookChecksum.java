package bourse.marketdata;

import java.util.zip.CRC32;

/**
 * The book checksum, Kraken style: CRC32 (IEEE 802.3, as {@code java.util.zip.CRC32}, zlib's
 * {@code crc32} and Python's {@code zlib.crc32}) of one ASCII string built from the top levels:
 * <ol>
 *   <li>the best {@code depth} asks, lowest price first, then the best {@code depth} bids, highest
 *       price first (fewer when a side has fewer levels);</li>
 *   <li>for each level, its price and then its visible quantity, each written as the decimal digits of
 *       the integer on the wire (price units and base minor units: no decimal point, no leading zeros,
 *       a {@code -} only for a negative number), with nothing between the numbers.</li>
 * </ol>
 * The checksum is that CRC32 as an unsigned 32-bit number. Order counts are not part of it. For example,
 * asks 101.00×2 and 102.00×1 and a bid 100.00×3, with prices in cents and quantities in whole units,
 * give {@code "10100" "2" "10200" "1" "10000" "3"}, the string {@code "101002102001100003"}.
 *
 * <p>One instance computes checksums without allocating; not thread safe.
 */
public final class BookChecksum
{
    /** Levels per side a checksum covers unless configured otherwise: Kraken's 10. */
    public static final int DEFAULT_DEPTH = 10;

    private static final int MAX_DIGITS = 20;

    private final CRC32 crc = new CRC32();
    private final byte[] digits = new byte[MAX_DIGITS];

    /** The checksum of the best {@code depth} levels of each side. */
    public long compute(final BookLevels bids, final BookLevels asks, final int depth)
    {
        crc.reset();
        addSide(asks, depth);
        addSide(bids, depth);
        return crc.getValue();
    }

    private void addSide(final BookLevels side, final int depth)
    {
        final int levels = Math.min(depth, side.size());
        for (int rank = 0; rank < levels; rank++)
        {
            addNumber(side.price(rank));
            addNumber(side.quantity(rank));
        }
    }

    private void addNumber(final long value)
    {
        int start = MAX_DIGITS;
        long remaining = value;
        do
        {
            // Negative remainders for negative values: their digits are the magnitude's.
            digits[--start] = (byte)('0' + Math.abs(remaining % 10));
            remaining /= 10;
        }
        while (remaining != 0);
        if (value < 0)
        {
            crc.update('-');
        }
        crc.update(digits, start, MAX_DIGITS - start);
    }
}
