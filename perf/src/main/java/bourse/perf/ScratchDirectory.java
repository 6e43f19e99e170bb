package bourse.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory a benchmark writes into (journals), deleted with everything in it on close. */
public final class ScratchDirectory implements AutoCloseable
{
    private final Path path;

    /** Creates a fresh directory named {@code prefix...} in {@code parent}, creating the parent if needed. */
    public ScratchDirectory(final Path parent, final String prefix)
    {
        try
        {
            Files.createDirectories(parent);
            path = Files.createTempDirectory(parent, prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a scratch directory in " + parent, ex);
        }
    }

    public Path path()
    {
        return path;
    }

    /** {@code name} inside the scratch directory. */
    public Path resolve(final String name)
    {
        return path.resolve(name);
    }

    @Override
    public void close()
    {
        delete(path);
    }

    /** Deletes {@code directory} and everything in it; nothing happens if it does not exist. */
    public static void delete(final Path directory)
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + directory, ex);
        }
    }
}
