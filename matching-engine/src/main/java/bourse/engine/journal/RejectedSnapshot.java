package bourse.engine.journal;

import java.nio.file.Path;

/** A snapshot file recovery passed over, and why it would not load. */
public record RejectedSnapshot(Path file, String reason)
{
}
