package bourse.engine.journal;

/**
 * When a journal forces what it appended from the page cache to the disk. Chronicle Queue appends into
 * memory-mapped files, so a committed batch is in the operating system's page cache at once, whatever
 * the policy; the policies differ only in what survives a machine failing, not a process failing.
 */
public enum SyncPolicy
{
    /**
     * Never msync: the kernel writes dirty pages back on its own schedule (about 30 s on Linux by
     * default). Survives the process crashing or being killed ({@code kill -9}) at any point: every
     * committed batch is readable afterwards. A power loss or kernel crash can lose the batches of the
     * last writeback interval, and can leave a batch whose Chronicle header reached the disk but whose
     * body did not, which the batch checksum detects. The fastest policy.
     */
    NONE,
    /**
     * msync (blocking, {@code MS_SYNC}) after a commit once {@link JournalContext#syncIntervalNs()} has
     * passed since the last one. Survives a process crash like {@link #NONE}; after a power loss at most
     * the batches committed in the last interval (plus any committed after it with no later commit to
     * trigger the sync) are lost. Costs one msync per interval on the appending thread.
     */
    PERIODIC,
    /**
     * msync (blocking, {@code MS_SYNC}) at every commit: when {@code commitBatch()} returns, the batch
     * is on the disk and survives a power loss. Costs one msync per batch, so batch generously.
     */
    SYNC
}
