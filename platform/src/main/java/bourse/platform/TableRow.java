package bourse.platform;

import java.io.PrintWriter;

/**
 * One line of fixed-width columns two spaces apart, as {@code printf("%10d  %-27s  %s%n", ...)} prints
 * it, built without parsing a format string per row: a replay listing prints millions of rows.
 * One instance is reused for every row.
 */
final class TableRow
{
    private final StringBuilder line = new StringBuilder(256);
    private int columns;

    /** {@code %Nd}. */
    TableRow right(final long value, final int width)
    {
        final int start = separate();
        line.append(value);
        return padAt(start, width);
    }

    /** {@code %Ns}. */
    TableRow right(final String value, final int width)
    {
        final int start = separate();
        line.append(value);
        return padAt(start, width);
    }

    /** {@code %-Ns}. */
    TableRow left(final String value, final int width)
    {
        separate();
        line.append(value);
        for (int pad = width - value.length(); pad > 0; pad--)
        {
            line.append(' ');
        }
        return this;
    }

    /** {@code %s}. */
    TableRow text(final String value)
    {
        separate();
        line.append(value);
        return this;
    }

    /** Prints the line and starts the next one. */
    void println(final PrintWriter out)
    {
        out.println(line);
        line.setLength(0);
        columns = 0;
    }

    private int separate()
    {
        if (columns++ > 0)
        {
            line.append("  ");
        }
        return line.length();
    }

    private TableRow padAt(final int start, final int width)
    {
        for (int pad = width - (line.length() - start); pad > 0; pad--)
        {
            line.insert(start, ' ');
        }
        return this;
    }
}
