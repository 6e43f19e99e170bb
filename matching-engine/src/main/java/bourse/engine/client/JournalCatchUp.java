package bourse.engine.client;

import bourse.engine.EventSink;
import bourse.engine.journal.JournalEntryHandler;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets a consumer of the engine's events (gateway, feed, admin tool) start after the engine has
 * published: it reads what the engine's output journal holds, then takes the live event stream through
 * this filter, which drops the events it already has and fills any gap from the journal.
 * <p>
 * Why this is exact: the engine publishes a command's events only after they are in the output journal
 * (group commit, docs/engine-service.md). So whatever the live stream carries is in the journal by the
 * time it arrives, and an event missing between the last one delivered and a live one, because the
 * subscription joined the stream late, can always be read from the journal. Every event carries its
 * command's sequence; the service's own rejects of unsequenced frames carry 0, are never journaled, and
 * pass straight through.
 * <pre>{@code
 * JournalCatchUp catchUp = new JournalCatchUp(new DataDirectory(dataDir).output(), adapter);
 * catchUp.catchUp(adapter);                                        // history, before the first poll
 * subscription.poll(new FragmentAssembler((b, o, l, h) -> catchUp.onEvents(b, o, l)), 64);
 * }</pre>
 * One thread at a time: the one that polls, after {@link #releaseThread()} when another caught up. The
 * journal is opened on the first read, and only once its directory exists (an engine started later
 * creates it). Allocation-free per event.
 */
public final class JournalCatchUp implements EventSink, AutoCloseable
{
    private static final long NOT_SEQUENCED = 0;

    private final Path outputJournal;
    private final EventSink live;
    private final JournalEntryHandler deliver = this::deliver;
    private JournalReader reader;
    private EventSink target;
    private long lastSequence;
    /** Whether all of the last command's events were delivered: always from the journal, unknown live. */
    private boolean lastCommandWhole = true;
    private long eventsFromJournal;
    private long duplicatesDropped;

    /**
     * @param outputJournal the engine's output journal directory ({@code DataDirectory.output()}).
     * @param live          where the live stream's new events go, and the events that fill a gap in it.
     */
    public JournalCatchUp(final Path outputJournal, final EventSink live)
    {
        this.outputJournal = outputJournal;
        this.live = live;
    }

    /** {@link #catchUp(EventSink)} into the live sink. */
    public long catchUp()
    {
        return catchUp(live);
    }

    /**
     * Delivers to {@code sink} every command's events the journal holds beyond the last one delivered,
     * in sequence order, then returns how many commands' events it delivered (0 when the journal does
     * not exist yet). A consumer calls it once before it polls the live stream; {@code sink} may differ
     * from the live one, to take history without acting on it (the feed does not publish history).
     *
     * @throws IllegalStateException when the journal is damaged: nothing from the damaged batch on is
     *                               delivered, and the consumer should not carry on as if up to date.
     */
    public long catchUp(final EventSink sink)
    {
        if (reader == null)
        {
            if (!Files.isDirectory(outputJournal))
            {
                return 0;
            }
            reader = new JournalReader(outputJournal);
        }
        target = sink;
        final JournalReadResult result = reader.read(lastSequence + 1, Long.MAX_VALUE, deliver);
        target = null;
        eventsFromJournal += result.entriesRead();
        if (result.isCorrupt())
        {
            throw new IllegalStateException("cannot catch up from the engine's output journal: " + result.corruption());
        }
        return result.entriesRead();
    }

    /**
     * Takes one message of the live stream: drops the events of commands already delivered, fills a gap
     * before the first new one from the journal, and hands the rest to the live sink in one call. When the
     * journal cannot fill a gap (it is not this engine's, or it is gone), the new events go on regardless.
     */
    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        while (end - position >= EventFrames.SEQUENCED_LENGTH)
        {
            final long sequence = EventFrames.sequence(buffer, position);
            if (sequence > lastSequence + 1)
            {
                catchUp(live);
            }
            if (!isDelivered(sequence))
            {
                break;
            }
            duplicatesDropped++;
            position += EventFrames.length(buffer, position);
        }
        if (position < end)
        {
            final long last = lastSequenceIn(buffer, position, end);
            if (last != NOT_SEQUENCED)
            {
                lastSequence = last;
                lastCommandWhole = false;
            }
            live.onEvents(buffer, position, end - position);
        }
    }

    /**
     * Lets another thread take over: call it on the thread that caught up (while starting, say) before
     * the polling thread takes the live stream.
     */
    public void releaseThread()
    {
        if (reader != null)
        {
            reader.releaseThread();
        }
    }

    /** The sequence of the last command whose events were delivered, from the journal or live; 0 before any. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** Commands whose events came from the journal rather than the live stream. */
    public long eventsFromJournal()
    {
        return eventsFromJournal;
    }

    /** Live events dropped because the journal had delivered them already. */
    public long duplicatesDropped()
    {
        return duplicatesDropped;
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(reader);
        reader = null;
    }

    /**
     * Whether an event of this command was delivered already. A command's events are split over several
     * live messages only when they exceed a message, so a live event of the last command delivered is a
     * duplicate only if that command came whole, from the journal.
     */
    private boolean isDelivered(final long sequence)
    {
        return sequence != NOT_SEQUENCED && (sequence < lastSequence || sequence == lastSequence && lastCommandWhole);
    }

    private void deliver(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        lastSequence = sequence;
        lastCommandWhole = true;
        target.onEvents(buffer, offset, length);
    }

    private static long lastSequenceIn(final DirectBuffer buffer, final int offset, final int end)
    {
        long last = NOT_SEQUENCED;
        for (int position = offset; end - position >= EventFrames.SEQUENCED_LENGTH; position += EventFrames.length(buffer, position))
        {
            final long sequence = EventFrames.sequence(buffer, position);
            if (sequence != NOT_SEQUENCED)
            {
                last = sequence;
            }
        }
        return last;
    }
}
