package bourse.engine.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader tells how far the journal goes from its last batch, before reading it and while it grows. */
class JournalReaderLastSequenceTest
{
    @TempDir
    Path directory;

    @Test
    void shouldSayTheLastCommittedSequenceWithoutMovingTheReader()
    {
        final List<byte[]> commands = MarketStream.generate(11, 1_000);
        try (InputJournal journal = new InputJournal(new JournalContext().directory(directory));
            JournalReader reader = new JournalReader(directory))
        {
            assertThat(reader.lastSequence()).isZero();

            MarketStream.journal(journal, commands.subList(0, 700), 64);
            journal.append(new UnsafeBuffer(commands.get(700)), 0, commands.get(700).length);
            assertThat(reader.lastSequence()).as("the batch still being gathered is not in the journal").isEqualTo(700);

            assertThat(reader.read(1, 11, (sequence, timestampNs, buffer, offset, length) -> { }).nextSequence()).isEqualTo(11);
            journal.commitBatch();
            assertThat(reader.lastSequence()).isEqualTo(701);
            assertThat(reader.read(11, Long.MAX_VALUE, (sequence, timestampNs, buffer, offset, length) -> { }).entriesRead())
                .as("the reader continues where it stopped").isEqualTo(691);
        }
    }
}
