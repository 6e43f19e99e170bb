package bourse.platform;

import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar for a replay that reads far: how many of the journal's sequences it has
 * read and how fast, redrawn in place with a carriage return at most ten times a second, and cleared
 * at the end so that nothing of it remains. It writes only to the error stream it is given, and only
 * when asked to: stdout and redirected stderr stay clean.
 */
final class ReplayProgress
{
    /** Reads that end sooner never show a bar. */
    static final long FIRST_DRAW_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** At most ten redraws a second. */
    static final long REDRAW_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR_WIDTH = 24;
    private static final ReplayProgress OFF = new ReplayProgress(null, "", () -> 0);

    private final PrintWriter err;
    private final String label;
    private final NanoClock clock;
    private final long startNs;
    private long lastDrawNs;
    private int drawnLength;

    /**
     * @param err   where the bar goes (stderr).
     * @param label what is reading, e.g. {@code bourse replay stats}.
     * @param clock when to redraw, and the rate.
     */
    ReplayProgress(final PrintWriter err, final String label, final NanoClock clock)
    {
        this.err = err;
        this.label = label;
        this.clock = clock;
        this.startNs = clock.nanoTime();
        this.lastDrawNs = startNs - REDRAW_INTERVAL_NS;
    }

    /** A progress bar that never draws. */
    static ReplayProgress off()
    {
        return OFF;
    }

    /**
     * Whether this process's file descriptor (1 stdout, 2 stderr) is a terminal. Java 17 cannot ask
     * directly, and {@code System.console()} answers for stdin and stdout together, which are often
     * redirected exactly when a bar helps ({@code > trades.csv}): on Linux, look at what the descriptor
     * is; elsewhere fall back to the console.
     */
    static boolean isTerminal(final int fd)
    {
        final Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.isSymbolicLink(link))
        {
            return System.console() != null;
        }
        try
        {
            final String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /** Redraws the bar if it is time: {@code sequence} of {@code lastSequence} read so far. */
    void update(final long sequence, final long lastSequence)
    {
        if (err == null)
        {
            return;
        }
        final long nowNs = clock.nanoTime();
        if (nowNs - startNs < FIRST_DRAW_DELAY_NS || nowNs - lastDrawNs < REDRAW_INTERVAL_NS)
        {
            return;
        }
        lastDrawNs = nowNs;
        final long total = Math.max(Math.max(sequence, lastSequence), 1);
        final int filled = (int)(BAR_WIDTH * sequence / total);
        final double perSecond = sequence * 1e9 / Math.max(nowNs - startNs, 1);
        final String line = String.format("%s [%s%s] %3d%%  %,d of %,d  %s entries/s", label, "#".repeat(filled),
            " ".repeat(BAR_WIDTH - filled), (int)(100.0 * sequence / total), sequence, total, rate(perSecond));
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** Removes the bar, if one was drawn, leaving the cursor at the start of the empty line. */
    void clear()
    {
        if (err != null && drawnLength > 0)
        {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private static String rate(final double perSecond)
    {
        return perSecond >= 1e6 ? String.format("%.1fM", perSecond / 1e6) : String.format("%.0fk", perSecond / 1e3);
    }
}
