package bourse.engine.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Configuration of one journal (input or output): where its Chronicle Queue lives, how it rolls files,
 * when it syncs to disk, and how large a batch may grow. Fluent setters; defaults and checks in
 * {@link #conclude()}.
 */
public final class JournalContext
{
    /** Default ceiling of one batch: far below Chronicle's document limit, far above any poll's worth. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 1 << 20;

    private Path directory;
    private RollCycle rollCycle = RollCycles.FAST_DAILY;
    private SyncPolicy syncPolicy = SyncPolicy.NONE;
    private long syncIntervalNs = TimeUnit.MILLISECONDS.toNanos(100);
    private int maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;

    /** Checks the configuration; the journal's constructor calls it. */
    public JournalContext conclude()
    {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rollCycle, "rollCycle");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (syncIntervalNs <= 0)
        {
            throw new IllegalArgumentException("syncIntervalNs must be positive: " + syncIntervalNs);
        }
        if (maxBatchBytes < BatchFormat.HEADER_LENGTH + BatchFormat.ENTRY_HEADER_LENGTH + BatchFormat.MIN_ENTRY_LENGTH ||
            maxBatchBytes > 64 << 20)
        {
            throw new IllegalArgumentException("maxBatchBytes must hold one entry and be at most 64 MiB: " + maxBatchBytes);
        }
        return this;
    }

    /** The journal's own directory: one Chronicle Queue, nothing else in it. */
    public JournalContext directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    public Path directory()
    {
        return directory;
    }

    /** How often Chronicle starts a new file; {@code FAST_DAILY} by default. */
    public JournalContext rollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    public JournalContext syncPolicy(final SyncPolicy syncPolicy)
    {
        this.syncPolicy = syncPolicy;
        return this;
    }

    public SyncPolicy syncPolicy()
    {
        return syncPolicy;
    }

    /** The longest time between two syncs under {@link SyncPolicy#PERIODIC}. */
    public JournalContext syncIntervalNs(final long syncIntervalNs)
    {
        this.syncIntervalNs = syncIntervalNs;
        return this;
    }

    public long syncIntervalNs()
    {
        return syncIntervalNs;
    }

    /** A batch that would grow past this many bytes is committed first, and the entry starts the next one. */
    public JournalContext maxBatchBytes(final int maxBatchBytes)
    {
        this.maxBatchBytes = maxBatchBytes;
        return this;
    }

    public int maxBatchBytes()
    {
        return maxBatchBytes;
    }

    /** The clock {@link SyncPolicy#PERIODIC} measures its interval with. */
    public JournalContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock()
    {
        return nanoClock;
    }
}
