package bourse.engine.journal;

import bourse.engine.EngineSnapshot;
import bourse.engine.MatchingEngine;
import bourse.engine.SnapshotException;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.zip.CRC32C;

/**
 * Snapshots as files in one directory, named {@code snapshot-<last sequence, 20 digits>.bsnp} so that
 * names sort by sequence. A snapshot appears whole or not at all: it is written to a temporary file,
 * forced to disk, renamed atomically into place, and the directory is forced so the rename itself
 * survives a power loss. The newest {@link Context#retain()} are kept.
 * <p>
 * File format 2 (little-endian) holds the engine's {@link EngineSnapshot} image and the sequencer's
 * state ({@link SequencerState}, the engine service's resend table) of the same moment:
 * <pre>
 *   0  int32  magic "BSNF"
 *   4  int16  file format version, 2
 *   6  int16  0
 *   8  int32  engine image length E
 *  12  int32  sequencer state length S; 0 when none was recorded
 *  16  E bytes: the engine image (with its own magic, version and checksum)
 *  16 + E      S bytes: the sequencer state
 *  16 + E + S  int64  CRC32C of every byte before it
 * </pre>
 * File format 1 was the bare engine image, recognised by the image's own magic; such files still load,
 * with no sequencer state, which recovery then rebuilds from the journal's start. Any other version is
 * refused with a reason that names it.
 * <p>
 * Not for the engine thread's hot path: writing walks the whole state and does disk I/O.
 */
public final class SnapshotStore
{
    /** "BSNF" read as a little-endian int. */
    public static final int FILE_MAGIC = 0x464E5342;
    /** The format this store writes; it reads it and format 1, the bare engine image. */
    public static final short FILE_FORMAT_VERSION = 2;

    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.bsnp");
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int ENGINE_LENGTH_OFFSET = 8;
    private static final int STATE_LENGTH_OFFSET = 12;
    private static final int HEADER_LENGTH = 16;
    private static final int CHECKSUM_LENGTH = 8;

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
     * Writes a snapshot of the engine's current state with no sequencer state, then deletes all but the
     * newest snapshots.
     *
     * @return the snapshot's file.
     */
    public Path write(final MatchingEngine engine)
    {
        return write(engine, null);
    }

    /**
     * Writes a snapshot of the engine's current state and the sequencer's state of the same moment, then
     * deletes all but the newest snapshots.
     *
     * @param sequencerState the sequencer's state, or null to record none.
     * @return the snapshot's file.
     */
    public Path write(final MatchingEngine engine, final SequencerState sequencerState)
    {
        final int engineLength = EngineSnapshot.write(engine, image, HEADER_LENGTH);
        final int stateLength = sequencerState == null ? 0 : sequencerState.write(image, HEADER_LENGTH + engineLength);
        final int checksumOffset = HEADER_LENGTH + engineLength + stateLength;
        image.putInt(MAGIC_OFFSET, FILE_MAGIC, ORDER);
        image.putShort(VERSION_OFFSET, FILE_FORMAT_VERSION, ORDER);
        image.putShort(VERSION_OFFSET + 2, (short)0, ORDER);
        image.putInt(ENGINE_LENGTH_OFFSET, engineLength, ORDER);
        image.putInt(STATE_LENGTH_OFFSET, stateLength, ORDER);
        image.putLong(checksumOffset, checksum(image.byteBuffer(), checksumOffset), ORDER);
        final int length = checksumOffset + CHECKSUM_LENGTH;
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

    /** {@link #loadLatestValid(MatchingEngine.Context, SequencerState)} of the engine alone. */
    public SnapshotLoad loadLatestValid(final MatchingEngine.Context engineContext)
    {
        return loadLatestValid(engineContext, null);
    }

    /**
     * Loads the newest snapshot that loads, trying older ones when newer ones are damaged; each one
     * passed over is reported with its reason. Empty when there is none that loads.
     *
     * @param sequencerState loaded from the same snapshot as the engine when it recorded one (the load
     *                       says whether it did); null to load the engine alone.
     */
    public SnapshotLoad loadLatestValid(final MatchingEngine.Context engineContext, final SequencerState sequencerState)
    {
        final List<RejectedSnapshot> rejected = new ArrayList<>();
        for (final Path file : snapshots())
        {
            try
            {
                final Loaded loaded = read(file, engineContext);
                final MatchingEngine engine = loaded.engine();
                if (engine.lastSequence() != sequenceOf(file))
                {
                    rejected.add(new RejectedSnapshot(file, "holds sequence " + engine.lastSequence() + ", not the one its name says"));
                    continue;
                }
                final boolean loadState = sequencerState != null && loaded.stateLength() > 0;
                if (loadState)
                {
                    sequencerState.load(loaded.bytes(), loaded.stateOffset(), loaded.stateLength());
                }
                return new SnapshotLoad(engine, file, rejected, loadState);
            }
            catch (final SnapshotException | IOException ex)
            {
                rejected.add(new RejectedSnapshot(file, ex.getMessage()));
            }
            catch (final IllegalArgumentException ex)
            {
                rejected.add(new RejectedSnapshot(file, "its sequencer state does not load: " + ex.getMessage()));
            }
        }
        return new SnapshotLoad(null, null, rejected, false);
    }

    /**
     * Loads the engine of one snapshot file, of either format, checking it whole.
     *
     * @throws SnapshotException when the file is not an intact snapshot of a format this store reads.
     */
    public static MatchingEngine load(final Path file, final MatchingEngine.Context engineContext) throws IOException
    {
        return read(file, engineContext).engine();
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

    private static Loaded read(final Path file, final MatchingEngine.Context engineContext) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        if (bytes.length >= HEADER_LENGTH && buffer.getInt(MAGIC_OFFSET, ORDER) == EngineSnapshot.MAGIC)
        {
            return new Loaded(EngineSnapshot.load(engineContext, buffer, 0, bytes.length), buffer, 0, 0);
        }
        if (bytes.length < HEADER_LENGTH + CHECKSUM_LENGTH)
        {
            throw new SnapshotException("snapshot file too short: " + bytes.length + " bytes", null);
        }
        final int magic = buffer.getInt(MAGIC_OFFSET, ORDER);
        if (magic != FILE_MAGIC)
        {
            throw new SnapshotException(String.format("not a Bourse snapshot file (magic %08x)", magic), null);
        }
        final short version = buffer.getShort(VERSION_OFFSET, ORDER);
        if (version != FILE_FORMAT_VERSION)
        {
            throw new SnapshotException("snapshot file format version " + version + " is not supported (this store reads 1 and " +
                FILE_FORMAT_VERSION + ")", null);
        }
        final int engineLength = buffer.getInt(ENGINE_LENGTH_OFFSET, ORDER);
        final int stateLength = buffer.getInt(STATE_LENGTH_OFFSET, ORDER);
        final long recordedLength = (long)HEADER_LENGTH + engineLength + stateLength + CHECKSUM_LENGTH;
        if (engineLength < 0 || stateLength < 0 || recordedLength != bytes.length)
        {
            throw new SnapshotException("snapshot file is " + bytes.length + " bytes but records " + recordedLength + ": truncated?", null);
        }
        final int checksumOffset = HEADER_LENGTH + engineLength + stateLength;
        if (buffer.getLong(checksumOffset, ORDER) != checksum(ByteBuffer.wrap(bytes), checksumOffset))
        {
            throw new SnapshotException("snapshot file checksum mismatch: the bytes are corrupt", null);
        }
        final MatchingEngine engine = EngineSnapshot.load(engineContext, buffer, HEADER_LENGTH, engineLength);
        return new Loaded(engine, buffer, HEADER_LENGTH + engineLength, stateLength);
    }

    /** CRC32C of the first {@code length} bytes. */
    private static long checksum(final ByteBuffer bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().limit(length).position(0));
        return crc.getValue();
    }

    /** A snapshot file's engine, and where in the file's bytes its sequencer state is (length 0: none). */
    private record Loaded(MatchingEngine engine, DirectBuffer bytes, int stateOffset, int stateLength)
    {
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
