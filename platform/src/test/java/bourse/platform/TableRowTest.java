package bourse.platform;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A table row prints what printf prints for the same columns, values wider than their column included. */
class TableRowTest
{
    @Test
    void shouldPrintAsPrintfDoes()
    {
        final StringWriter printed = new StringWriter();
        final PrintWriter out = new PrintWriter(printed);
        final TableRow row = new TableRow();

        row.right(42, 6).left("BTC-USD", 9).right("64030.50", 10).left("BUY", 4).text("filled, 0 left").println(out);
        row.right(-12_345_678_901L, 6).left("A-VERY-LONG-SYMBOL", 9).right("1", 1).left("", 4).text("").println(out);
        out.flush();

        final StringWriter expected = new StringWriter();
        final PrintWriter printf = new PrintWriter(expected);
        printf.printf("%6d  %-9s  %10s  %-4s  %s%n", 42, "BTC-USD", "64030.50", "BUY", "filled, 0 left");
        printf.printf("%6d  %-9s  %1s  %-4s  %s%n", -12_345_678_901L, "A-VERY-LONG-SYMBOL", "1", "", "");
        printf.flush();
        assertThat(printed.toString()).isEqualTo(expected.toString());
    }
}
