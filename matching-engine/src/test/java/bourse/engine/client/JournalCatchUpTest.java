package bourse.engine.client;

import bourse.engine.journal.JournalContext;
import bourse.engine.journal.OutputJournal;
import bourse.engine.journal.QueueFiles;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.TradeEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a late consumer of the engine's events is brought up to date: history from the output journal,
 * then the live stream without the events it already has, gaps filled from the journal. The events here
 * are bare headers and sequences, which is all the catch-up reads; {@code JournalCatchUpServiceTest}
 * runs it against a real engine service.
 */
final class JournalCatchUpTest
{
    private static final long UNSEQUENCED = 0;
    private static final int EVENT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + 16;

    @TempDir
    Path output;

    private final List<Long> delivered = new ArrayList<>();
    private final ExpandableArrayBuffer message = new ExpandableArrayBuffer();

    @Test
    void shouldDeliverTheJournalFirstThenOnlyNewLiveEvents()
    {
        journal(1, 2, 3);
        try (JournalCatchUp catchUp = new JournalCatchUp(output, this::record))
        {
            assertThat(catchUp.catchUp(this::record)).isEqualTo(3);

            live(catchUp, 2, 3, 3, 4);
            live(catchUp, 5);

            assertThat(delivered).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 5L);
            assertThat(catchUp.lastSequence()).isEqualTo(5);
            assertThat(catchUp.duplicatesDropped()).isEqualTo(3);
        }
    }

    @Test
    void shouldFillAGapInTheLiveStreamFromTheJournal()
    {
        journal(1, 2, 3, 4, 5);
        try (JournalCatchUp catchUp = new JournalCatchUp(output, this::record))
        {
            live(catchUp, 4, 5);

            assertThat(delivered).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L);
            assertThat(catchUp.eventsFromJournal()).isEqualTo(5);
        }
    }

    @Test
    void shouldTakeTheRestOfALiveCommandSplitOverTwoMessagesButNotOfAJournaledOne()
    {
        journal(1, 2);
        try (JournalCatchUp catchUp = new JournalCatchUp(output, this::record))
        {
            catchUp.catchUp(this::record);
            live(catchUp, 2, 3, 3);
            live(catchUp, 3, 3, 4);

            assertThat(delivered).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 3L, 3L, 4L);
        }
    }

    @Test
    void shouldPassTheServicesOwnUnsequencedRejectsStraightThrough()
    {
        journal(1);
        try (JournalCatchUp catchUp = new JournalCatchUp(output, this::record))
        {
            catchUp.catchUp(this::record);
            live(catchUp, UNSEQUENCED);
            live(catchUp, 1, UNSEQUENCED, 2);

            assertThat(delivered).containsExactly(1L, 1L, UNSEQUENCED, UNSEQUENCED, 2L);
            assertThat(catchUp.lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void shouldWaitForAJournalThatDoesNotExistYet()
    {
        final Path notYet = output.resolve("not-yet");
        try (JournalCatchUp catchUp = new JournalCatchUp(notYet, this::record))
        {
            assertThat(catchUp.catchUp(this::record)).isZero();
            live(catchUp, 3);

            assertThat(delivered).containsExactly(3L);
            assertThat(notYet).doesNotExist();
        }
    }

    @Test
    void shouldRefuseToCatchUpFromADamagedJournal()
    {
        journal(1, 2, 3);
        final QueueFiles.Document batch = QueueFiles.lastDocument(output);
        QueueFiles.flipByte(batch.file(), batch.position() + batch.length() / 2);

        try (JournalCatchUp catchUp = new JournalCatchUp(output, this::record))
        {
            assertThatThrownBy(() -> catchUp.catchUp(this::record))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot catch up from the engine's output journal");
        }
    }

    private void record(final DirectBuffer buffer, final int offset, final int length)
    {
        assertThat(length % EVENT_LENGTH).isZero();
        for (int position = offset; position < offset + length; position += EVENT_LENGTH)
        {
            delivered.add(buffer.getLong(position + MessageHeaderEncoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN));
        }
    }

    /** One journal entry per sequence, each of two events of that command, as most commands have several. */
    private void journal(final long... sequences)
    {
        try (OutputJournal journal = new OutputJournal(new JournalContext().directory(output).conclude(), (b, o, l) -> { }))
        {
            for (final long sequence : sequences)
            {
                final int length = encode(0, sequence) + encode(EVENT_LENGTH, sequence);
                journal.onEvents(message, 0, length);
            }
            journal.commitBatch();
        }
        delivered.clear();
    }

    private void live(final JournalCatchUp catchUp, final long... sequences)
    {
        int length = 0;
        for (final long sequence : sequences)
        {
            length += encode(length, sequence);
        }
        catchUp.onEvents(message, 0, length);
    }

    private int encode(final int offset, final long sequence)
    {
        new MessageHeaderEncoder().wrap(message, offset)
            .blockLength(16).templateId(TradeEncoder.TEMPLATE_ID).schemaId(TradeEncoder.SCHEMA_ID).version(TradeEncoder.SCHEMA_VERSION);
        message.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH, sequence, ByteOrder.LITTLE_ENDIAN);
        message.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + 8, 1_000 + sequence, ByteOrder.LITTLE_ENDIAN);
        return EVENT_LENGTH;
    }
}
