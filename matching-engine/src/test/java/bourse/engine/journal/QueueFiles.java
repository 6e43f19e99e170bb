package bourse.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Finds and damages documents in a closed queue's files, as a crash or a bad disk would. */
public final class QueueFiles
{
    private QueueFiles()
    {
    }

    /** Where the last document's body is: its file, byte position, length and Chronicle index. */
    public record Document(Path file, long position, int length, long index)
    {
    }

    public static Document lastDocument(final Path directory)
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
            ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
            DocumentContext document = tailer.readingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            return new Document(tailer.currentFile().toPath(), bytes.readPosition(), (int)bytes.readRemaining(), document.index());
        }
    }

    public static void flipByte(final Path file, final long position)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(position);
            final int value = raf.read();
            raf.seek(position);
            raf.write(value ^ 0x5A);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Zeros the bytes from {@code position} on, as a torn write leaves a body that never reached the disk. */
    public static void zeroFrom(final Path file, final long position, final int length)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(position);
            raf.write(new byte[length]);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    public static void putIntAt(final Path file, final long position, final int value)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(position);
            raf.writeInt(Integer.reverseBytes(value));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
