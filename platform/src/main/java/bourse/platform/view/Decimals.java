package bourse.platform.view;

/**
 * Integer amounts in minor units written as decimal strings for people: {@code 6401250} at scale 2 is
 * {@code "64,012.50"}. Pure integer arithmetic: money never passes through a {@code double}.
 */
public final class Decimals
{
    private Decimals()
    {
    }

    /** The amount {@code units × 10^-scale} with thousands separators and exactly {@code scale} decimals. */
    public static String format(final long units, final int scale)
    {
        if (scale < 0 || scale > 18)
        {
            throw new IllegalArgumentException("scale must be in [0, 18]: " + scale);
        }
        // Work on the magnitude as a digit string so that Long.MIN_VALUE needs no special case.
        final String digits = Long.toString(units).replace("-", "");
        final String padded = digits.length() <= scale ? "0".repeat(scale - digits.length() + 1) + digits : digits;
        final int integerLength = padded.length() - scale;

        final StringBuilder text = new StringBuilder(padded.length() + padded.length() / 3 + 2);
        if (units < 0)
        {
            text.append('-');
        }
        for (int i = 0; i < integerLength; i++)
        {
            if (i > 0 && (integerLength - i) % 3 == 0)
            {
                text.append(',');
            }
            text.append(padded.charAt(i));
        }
        if (scale > 0)
        {
            text.append('.').append(padded, integerLength, padded.length());
        }
        return text.toString();
    }

    /** As {@link #format} without trailing zero decimals: {@code 120939100000} at scale 8 is {@code "1,209.391"}. */
    public static String formatTrimmed(final long units, final int scale)
    {
        final String text = format(units, scale);
        if (scale == 0)
        {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0')
        {
            end--;
        }
        return text.charAt(end - 1) == '.' ? text.substring(0, end - 1) : text.substring(0, end);
    }

    /** A count with thousands separators: {@code 50012} is {@code "50,012"}. */
    public static String count(final long count)
    {
        return format(count, 0);
    }
}
