package bourse.platform;

/**
 * Open, high, low and close price (ticks), base volume (lots) and trade count of a run of trades in
 * one instrument: integers while trades arrive, decimals when printed.
 */
final class Ohlcv
{
    final InstrumentCatalog.Instrument instrument;
    final ExactSum volume = new ExactSum();
    long open;
    long high;
    long low;
    long close;
    long trades;

    Ohlcv(final InstrumentCatalog.Instrument instrument)
    {
        this.instrument = instrument;
    }

    void add(final long price, final long quantity)
    {
        if (trades == 0)
        {
            open = price;
            high = price;
            low = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume.add(quantity);
        trades++;
    }

    String open()
    {
        return plain(open);
    }

    String high()
    {
        return plain(high);
    }

    String low()
    {
        return plain(low);
    }

    String close()
    {
        return plain(close);
    }

    /** The base volume as a plain decimal. */
    String volume()
    {
        return volume.decimal(instrument.baseScale()).toPlainString();
    }

    /** A price as printed: plain decimal, or "-" before the first trade. */
    private String plain(final long price)
    {
        return trades == 0 ? "-" : instrument.price(price).toPlainString();
    }
}
