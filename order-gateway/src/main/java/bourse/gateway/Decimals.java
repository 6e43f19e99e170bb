package bourse.gateway;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Decimal strings at the gateway's edge and the engine's integers: {@code "64000.50"} at scale 2 is
 * {@code 6400050}. Exact both ways; never a {@code double}.
 */
final class Decimals
{
    /** Decimals an average price carries beyond the instrument's price scale. */
    static final int AVERAGE_PRICE_EXTRA_DECIMALS = 6;
    private static final int MAX_LENGTH = 40;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Decimals()
    {
    }

    /**
     * {@code units × 10^-scale} with exactly {@code scale} decimals: {@code format(100000, 8)} is "0.00100000".
     * Written digit by digit rather than through {@link BigDecimal}, which took an eighth of the agent thread's
     * time when it wrote every number of every execution report.
     */
    static String format(final long units, final int scale)
    {
        if (units == Long.MIN_VALUE || scale < 0)
        {
            // The one long whose magnitude is no long, and scales no instrument has: the general way.
            return BigDecimal.valueOf(units, scale).toPlainString();
        }
        final String digits = Long.toString(Math.abs(units));
        final int whole = digits.length() - scale;
        final StringBuilder text = new StringBuilder(Math.max(digits.length(), scale + 1) + 2);
        if (units < 0)
        {
            text.append('-');
        }
        if (whole > 0)
        {
            text.append(digits, 0, whole);
        }
        else
        {
            text.append('0');
        }
        if (scale > 0)
        {
            text.append('.');
            for (int i = whole; i < 0; i++)
            {
                text.append('0');
            }
            text.append(digits, Math.max(0, whole), digits.length());
        }
        return text.toString();
    }

    /**
     * A positive decimal with at most {@code scale} decimals (trailing zeros aside), in units of
     * {@code 10^-scale}.
     *
     * @throws RequestException INVALID_ARGUMENT naming {@code field} and the rule the text breaks.
     */
    static long parsePositive(final String text, final int scale, final String field)
    {
        if (text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches())
        {
            throw RequestException.invalid(field, "'" + abbreviate(text) + "' is not a decimal number such as 101.25");
        }
        final BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0)
        {
            throw RequestException.invalid(field, "must be positive, not " + text);
        }
        if (value.stripTrailingZeros().scale() > scale)
        {
            throw RequestException.invalid(field, "at most " + scale + " decimals, not " + text);
        }
        try
        {
            return value.movePointRight(scale).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw RequestException.invalid(field, text + " is too large");
        }
    }

    /**
     * The average of prices weighted by quantities, {@code notional / quantity} where the notional is the
     * sum of price × quantity in the engine's units, as a decimal of at least {@code priceScale} decimals
     * and at most {@link #AVERAGE_PRICE_EXTRA_DECIMALS} more, rounded half even.
     */
    static String averagePrice(final BigInteger notional, final long quantity, final int priceScale)
    {
        final BigDecimal average = new BigDecimal(notional)
            .divide(BigDecimal.valueOf(quantity), AVERAGE_PRICE_EXTRA_DECIMALS, RoundingMode.HALF_EVEN)
            .movePointLeft(priceScale)
            .stripTrailingZeros();
        return average.setScale(Math.max(priceScale, average.scale())).toPlainString();
    }

    private static String abbreviate(final String text)
    {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
