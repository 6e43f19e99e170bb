package bourse.perf.journal;

import bourse.perf.BenchmarkResult;
import bourse.perf.MachineInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** The outcome of a {@link JournalBenchmark} run: append, read and recovery rates, and where it ran. */
public final class JournalBenchmarkResult extends BenchmarkResult
{
    private final long seed;
    private final int batchSize;
    private final int entries;
    private final long journalBytes;
    private final double appendOpsPerSec;
    private final double readOpsPerSec;
    private final double recoverySeconds;
    private final double recoverySecondsFor10M;

    JournalBenchmarkResult(
        final long seed,
        final int batchSize,
        final int entries,
        final long journalBytes,
        final double appendOpsPerSec,
        final double readOpsPerSec,
        final double recoverySeconds,
        final double recoverySecondsFor10M,
        final MachineInfo machine)
    {
        super("journal", machine);
        this.seed = seed;
        this.batchSize = batchSize;
        this.entries = entries;
        this.journalBytes = journalBytes;
        this.appendOpsPerSec = appendOpsPerSec;
        this.readOpsPerSec = readOpsPerSec;
        this.recoverySeconds = recoverySeconds;
        this.recoverySecondsFor10M = recoverySecondsFor10M;
    }

    /** Commands appended per second, batch commits included. */
    public double appendOpsPerSec()
    {
        return appendOpsPerSec;
    }

    /** Entries read, checked and handed over per second. */
    public double readOpsPerSec()
    {
        return readOpsPerSec;
    }

    /** Wall time of recovering from the whole journal, scaled to 10 million commands if it held another number. */
    public double recoverySecondsFor10M()
    {
        return recoverySecondsFor10M;
    }

    @Override
    protected void putFields(final ObjectNode root)
    {
        root.put("appendOpsPerSec", Math.round(appendOpsPerSec));
        root.put("readOpsPerSec", Math.round(readOpsPerSec));
        root.put("recoverySecondsFor10M", Math.round(recoverySecondsFor10M * 1000) / 1000.0);
        root.put("recoverySeconds", Math.round(recoverySeconds * 1000) / 1000.0);
        root.put("entries", entries);
        root.put("batchSize", batchSize);
        root.put("journalBytes", journalBytes);
        root.put("syncPolicy", "NONE");
        root.put("seed", seed);
    }

    @Override
    protected String title()
    {
        return "Bourse journal benchmark (Chronicle Queue input journal, exchange-core mix, sync policy NONE)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT, "journal     %,d commands, seed %d, %d per batch, %,d bytes on disk%n",
            entries, seed, batchSize, journalBytes));
        text.append(String.format(Locale.ROOT, "append      %,.0f commands/s (target 5,000,000)%n", appendOpsPerSec));
        text.append(String.format(Locale.ROOT, "read        %,.0f entries/s, every batch checked (target 5,000,000)%n", readOpsPerSec));
        text.append(String.format(Locale.ROOT, "recovery    %.2f s for these %,d commands: %.2f s for 10M (target 10 s)%n",
            recoverySeconds, entries, recoverySecondsFor10M));
    }
}
