package bourse.engine.journal;

import bourse.engine.EngineSnapshot;
import bourse.engine.MatchingEngine;
import bourse.engine.SnapshotException;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link EngineSnapshot} images as files in one directory, named {@code snapshot-<last sequence, 20
 * digits>.bsnp} so that names sort by sequence. A snapshot appears whole or not at all: it is written
 * to a temporary file, forced to disk, renamed atomically into place, and the directory is forced so
 * the rename itself survives a power loss. The newest {@link Context#retain()} are kept.
 * Not for the engine thread's hot path: writing walks the whole state and does disk I/O.
 */
public final class SnapshotStore
{
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.bsnp");
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;
    private final int retain;
    private final ExpandableDirectByteBuffer image = new ExpandableDirectByteBuffer(1 << 16);

    public SnapshotStore(final Context context)
    {
        context.conclude();
        this.directory = context.directory();
        this.retain = context.retain();
    }

    /**
     * Writes a snapshot of the engine's current state, then deletes all but the newest snapshots.
     *
     * @return the snapshot's file.
     */
    public Path write(final MatchingEngine engine)
    {
        final int length = EngineSnapshot.write(engine, image, 0);
        final Path target = directory.resolve(fileName(engine.lastSequence()));
        final Path temporary = directory.resolve(target.getFileName() + TEMPORARY_SUFFIX);
        try
        {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final ByteBuffer bytes = image.byteBuffer().duplicate();
                bytes.limit(length).position(0);
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            deleteAllButNewest();
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write snapshot " + target, ex);
        }
    }

    /**
     * Loads the newest snapshot that loads, trying older ones when newer ones are damaged; each one
     * passed over is reported with its reason. Empty when there is none that loads.
     */
    public SnapshotLoad loadLatestValid(final MatchingEngine.Context engineContext)
    {
        final List<RejectedSnapshot> rejected = new ArrayList<>();
        for (final Path file : snapshots())
        {
            try
            {
                final byte[] bytes = Files.readAllBytes(file);
                final MatchingEngine engine = EngineSnapshot.load(engineContext, new UnsafeBuffer(bytes), 0, bytes.length);
                if (engine.lastSequence() != sequenceOf(file))
                {
                    rejected.add(new RejectedSnapshot(file, "holds sequence " + engine.lastSequence() + ", not the one its name says"));
                    continue;
                }
                return new SnapshotLoad(engine, file, rejected);
            }
            catch (final SnapshotException | IOException ex)
            {
                rejected.add(new RejectedSnapshot(file, ex.getMessage()));
            }
        }
        return new SnapshotLoad(null, null, rejected);
    }

    /** Snapshot files in the directory, newest first. */
    public List<Path> snapshots()
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory))
        {
            for (final Path entry : entries)
            {
                if (NAME.matcher(entry.getFileName().toString()).matches())
                {
                    files.add(entry);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list snapshots in " + directory, ex);
        }
        files.sort(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed());
        return files;
    }

    /** The last applied sequence a snapshot file's name records. */
    public static long sequenceOf(final Path file)
    {
        final Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches())
        {
            throw new IllegalArgumentException("not a snapshot file name: " + file);
        }
        return Long.parseLong(matcher.group(1));
    }

    static String fileName(final long lastSequence)
    {
        return String.format(Locale.ROOT, "snapshot-%020d.bsnp", lastSequence);
    }

    private void deleteAllButNewest() throws IOException
    {
        final List<Path> files = snapshots();
        for (int i = retain; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    /** Where snapshots live and how many to keep. */
    public static final class Context
    {
        private Path directory;
        private int retain = 3;

        /** Checks the configuration; the store's constructor calls it. */
        public Context conclude()
        {
            Objects.requireNonNull(directory, "directory");
            if (retain < 1)
            {
                throw new IllegalArgumentException("retain must be at least 1: " + retain);
            }
            return this;
        }

        public Context directory(final Path directory)
        {
            this.directory = directory;
            return this;
        }

        public Path directory()
        {
            return directory;
        }

        /** How many of the newest snapshots to keep; older ones are deleted after each write. */
        public Context retain(final int retain)
        {
            this.retain = retain;
            return this;
        }

        public int retain()
        {
            return retain;
        }
    }
}
