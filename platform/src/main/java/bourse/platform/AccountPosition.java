package bourse.platform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account's position in one instrument, by average cost: a fill that adds to the position moves
 * the average; one that reduces it realises (price − average) × quantity in the position's direction.
 * Summed over every fill, what is realised equals the cash the fills paid and received plus the open
 * position valued at its average price, so only the average needs a division. Even that waits: while
 * every fill since the position opened added to it, the average is its exact cost over its size; only
 * a fill that adds after one that reduced turns it into a decimal, until the position closes or flips.
 */
final class AccountPosition
{
    final long accountId;
    final InstrumentCatalog.Instrument instrument;
    /** Quote paid (negative) and received for the fills, in ticks × lots. */
    private final ExactSum cash = new ExactSum();
    private final ExactSum filled = new ExactSum();
    private final ExactSum fees = new ExactSum();
    /** While {@code averagePrice} is null: what the open position cost, in ticks × lots, over {@code costLots}. */
    private final ExactSum cost = new ExactSum();
    private long costLots;
    private BigDecimal averagePrice;
    private long quantity;
    private long fills;

    AccountPosition(final long accountId, final InstrumentCatalog.Instrument instrument)
    {
        this.accountId = accountId;
        this.instrument = instrument;
    }

    void onFill(final boolean buy, final long price, final long size, final long fee)
    {
        fills++;
        filled.add(size);
        fees.add(fee);
        final long signed = buy ? size : -size;
        if (buy)
        {
            cash.subtractProduct(price, size);
        }
        else
        {
            cash.addProduct(price, size);
        }
        final long total = quantity + signed;
        if (quantity != 0 && Long.signum(quantity) == Long.signum(signed))
        {
            addTo(price, size, total);
        }
        else if (Long.signum(total) != Long.signum(quantity))
        {
            // Opened, closed or flipped: the average starts again at this price.
            averagePrice = null;
            cost.clear();
            cost.addProduct(price, Math.abs(total));
            costLots = Math.abs(total);
        }
        quantity = total;
    }

    private void addTo(final long price, final long size, final long total)
    {
        if (averagePrice == null && Math.abs(quantity) == costLots)
        {
            cost.addProduct(price, size);
            costLots = Math.abs(total);
            return;
        }
        averagePrice = averagePrice().multiply(BigDecimal.valueOf(Math.abs(quantity)))
            .add(instrument.price(price).multiply(BigDecimal.valueOf(size)))
            .divide(BigDecimal.valueOf(Math.abs(total)), MathContext.DECIMAL128);
    }

    /** The average price of the open position; zero when there is none. */
    BigDecimal averagePrice()
    {
        if (quantity == 0)
        {
            return BigDecimal.ZERO;
        }
        return averagePrice != null ? averagePrice :
            cost.decimal(instrument.priceScale()).divide(BigDecimal.valueOf(costLots), MathContext.DECIMAL128);
    }

    /** What the fills realised, before fees: the cash they moved plus the open position at its average price. */
    BigDecimal realisedPnl()
    {
        return cash.decimal(instrument.priceScale() + instrument.baseScale()).add(instrument.quantity(quantity).multiply(averagePrice()));
    }

    Map<String, Object> row()
    {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", accountId);
        row.put("symbol", instrument.symbol());
        row.put("fills", fills);
        row.put("filled", filled.decimal(instrument.baseScale()).toPlainString());
        row.put("fees", fees.decimal(instrument.quoteScale()).toPlainString());
        row.put("position", instrument.quantity(quantity).toPlainString());
        row.put("averagePrice", averagePrice().round(new MathContext(12)).stripTrailingZeros().toPlainString());
        row.put("realisedPnl", realisedPnl().round(new MathContext(18)).stripTrailingZeros().toPlainString());
        return row;
    }
}
