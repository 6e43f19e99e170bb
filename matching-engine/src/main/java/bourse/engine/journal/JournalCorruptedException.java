package bourse.engine.journal;

/**
 * A journal cannot be appended to because its tail failed a check; recovery reads up to the damage, and
 * the damaged tail must be moved aside before the journal is written again.
 */
public final class JournalCorruptedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient JournalCorruption corruption;

    public JournalCorruptedException(final JournalCorruption corruption)
    {
        super(corruption.toString());
        this.corruption = corruption;
    }

    public JournalCorruption corruption()
    {
        return corruption;
    }
}
