package bourse.engine.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one layout of an engine's data directory, used by the engine service that writes it and by
 * recovery and {@code bourse replay} that read it: the input journal, the output journal and the
 * snapshots, each in its own sub-directory.
 */
public record DataDirectory(Path root)
{
    public DataDirectory
    {
        Objects.requireNonNull(root, "root");
    }

    /** Every sequenced command, in sequence order. */
    public Path input()
    {
        return root.resolve("input");
    }

    /** The event batch of every command, tagged with the command's sequence. */
    public Path output()
    {
        return root.resolve("output");
    }

    public Path snapshots()
    {
        return root.resolve("snapshots");
    }
}
