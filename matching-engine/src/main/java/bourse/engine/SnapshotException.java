package bourse.engine;

/** A snapshot that cannot be loaded: not a snapshot, an unknown version, truncated, corrupt or inconsistent. */
public final class SnapshotException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public SnapshotException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
