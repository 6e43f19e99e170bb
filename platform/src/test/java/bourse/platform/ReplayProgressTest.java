package bourse.platform;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar: late to start, at most ten redraws a second, redrawn in place, and gone at the end. */
class ReplayProgressTest
{
    private final StringWriter err = new StringWriter();
    private long nowNs = 1_000;
    private final ReplayProgress progress = new ReplayProgress(new PrintWriter(err), "bourse replay stats", () -> nowNs);

    @Test
    void shouldDrawNothingForAShortRead()
    {
        progress.update(500_000, 1_000_000);
        advanceMs(200);
        progress.update(1_000_000, 1_000_000);
        progress.clear();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldRedrawInPlaceAtMostTenTimesASecondAndEraseItself()
    {
        advanceMs(500);
        progress.update(2_000_000, 4_000_000);

        assertThat(err.toString()).isEqualTo(
            "\rbourse replay stats [############            ]  50%  2,000,000 of 4,000,000  4.0M entries/s");

        advanceMs(50);
        progress.update(2_100_000, 4_000_000);
        assertThat(err.toString()).as("too soon to redraw").doesNotContain("2,100,000");

        advanceMs(50);
        progress.update(4_000_000, 4_000_000);
        progress.clear();

        assertThat(err.toString()).doesNotContain("\n")
            .contains("\rbourse replay stats [########################] 100%  4,000,000 of 4,000,000  ")
            .as("erased: blanks over the whole line").matches("(?s).* entries/s\r {80,}\r");
    }

    private void advanceMs(final long ms)
    {
        nowNs += TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
