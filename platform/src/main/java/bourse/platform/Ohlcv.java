package bourse.platform;

import java.math.BigDecimal;

/** Open, high, low and close price, base volume and trade count of a run of trades, in decimals. */
final class Ohlcv
{
    BigDecimal open;
    BigDecimal high;
    BigDecimal low;
    BigDecimal close;
    BigDecimal volume = BigDecimal.ZERO;
    long trades;

    void add(final BigDecimal price, final BigDecimal quantity)
    {
        open = open == null ? price : open;
        high = high == null || price.compareTo(high) > 0 ? price : high;
        low = low == null || price.compareTo(low) < 0 ? price : low;
        close = price;
        volume = volume.add(quantity);
        trades++;
    }

    /** A price as printed: plain decimal, or "-" before the first trade. */
    static String plain(final BigDecimal price)
    {
        return price == null ? "-" : price.toPlainString();
    }
}
