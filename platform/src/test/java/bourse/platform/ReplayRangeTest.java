package bourse.platform;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `bourse replay` ranges by sequence and by time, how a malformed bound is refused, the progress bar,
 * a damaged journal, and replaying a journal while the engine still writes it. The workload stamps command n with n microseconds after
 * the epoch, so every instant names a sequence exactly.
 */
class ReplayRangeTest
{
    private static final int COMMANDS = 30_000;

    @TempDir
    static Path temp;
    private static Path data;

    @BeforeAll
    static void recordAWorkload()
    {
        data = temp.resolve("data");
        WorkloadJournals.record(data, new MatchingEngine.Context(), COMMANDS, (i, input, output, engine) -> { });
    }

    @Test
    void shouldSelectTheSameCommandsByTimeAsBySequence()
    {
        final CommandRunner.Result bySequence = trades("--from", "5000", "--to", "10000");
        final CommandRunner.Result byTime = trades("--from", "1970-01-01T00:00:00.005Z", "--to", "1970-01-01T00:00:00.010Z");

        assertThat(bySequence.exitCode()).as(bySequence.err()).isZero();
        assertThat(bySequence.outLines()).hasSizeGreaterThan(100);
        assertThat(firstSequence(bySequence)).isGreaterThanOrEqualTo(5000);
        assertThat(lastSequence(bySequence)).isLessThanOrEqualTo(10000);
        assertThat(byTime.exitCode()).as(byTime.err()).isZero();
        assertThat(byTime.out()).isEqualTo(bySequence.out());
    }

    @Test
    void shouldTakeFractionsOffsetsAndInstantsBetweenTwoCommands()
    {
        // 5000.5 and 9999.5 microseconds, an hour ahead of UTC: commands 5001 to 9999.
        final CommandRunner.Result byTime = trades("--from", "1970-01-01T01:00:00.0050005+01:00", "--to", "1970-01-01T00:00:00.0099995Z");

        assertThat(byTime.exitCode()).as(byTime.err()).isZero();
        assertThat(byTime.out()).isEqualTo(trades("--from", "5001", "--to", "9999").out());
        assertThat(trades("--from", "1970-01-01T00:00:00.005Z", "--to", "9999").out())
            .as("a time and a sequence mixed").isEqualTo(trades("--from", "5000", "--to", "9999").out());
    }

    @Test
    void shouldShowTheBookAfterTheLastCommandAtOrBeforeATime()
    {
        final CommandRunner.Result byTime = CommandRunner.run("replay", "book", data.toString(), "--at", "1970-01-01T00:00:00.0123456Z");
        final CommandRunner.Result bySequence = CommandRunner.run("replay", "book", data.toString(), "--at", "12345");

        assertThat(byTime.exitCode()).as(byTime.err()).isZero();
        assertThat(byTime.out()).contains(" after sequence 12345 at 1970-01-01T00:00:00.012345Z: ").isEqualTo(bySequence.out());
        assertThat(CommandRunner.run("replay", "book", data.toString(), "--at", "1970-01-01T00:00:00.012344999Z").out())
            .contains(" after sequence 12344 at ");
    }

    @Test
    void shouldRefuseAMalformedBoundNamingTheOptionAndTheFormsItTakes()
    {
        for (final String[] args : new String[][]{
            {"trades", "--from", "yesterday"}, {"stats", "--to", "2026-11-25 17:50"}, {"orders", "--from", "0"},
            {"candles", "--to", "2026-11-25T17:50:00"}, {"book", "--at", "2026-13-01T00:00:00Z"}, {"trades", "--to", "-5"}})
        {
            final List<String> command = new ArrayList<>(List.of("replay", args[0], data.toString()));
            command.addAll(List.of(args).subList(1, args.length));

            final CommandRunner.Result result = CommandRunner.run(command.toArray(String[]::new));

            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", command))
                .contains("Invalid value for option '" + args[1] + "'", "'" + args[2] + "'", "sequence number", "ISO-8601 instant");
            assertThat(result.out()).isEmpty();
        }
        final CommandRunner.Result backwards = trades("--from", "1970-01-01T00:00:00.002Z", "--to", "1970-01-01T00:00:00.001Z");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--to 1970-01-01T00:00:00.001Z is before --from 1970-01-01T00:00:00.002Z");
    }

    @Test
    void shouldDrawProgressOnlyWhenAskedAndLeaveNothingOfIt()
    {
        final CommandRunner.Result quiet = trades();
        final CommandRunner.Result withBar = trades("--progress");

        assertThat(quiet.err()).as("stderr is not a terminal here").isEmpty();
        assertThat(withBar.out()).isEqualTo(quiet.out());
        // A bar may or may not be drawn in so short a read; if it was, it was erased.
        assertThat(withBar.err()).satisfiesAnyOf(
            err -> assertThat(err).isEmpty(),
            err -> assertThat(err).startsWith("\rbourse replay trades [").doesNotContain("\n").matches("(?s).*\r *\r"));
        assertThat(trades("--no-progress").err()).isEmpty();
    }

    @Test
    void shouldReadAConsistentPrefixOfAJournalTheEngineIsWriting()
    {
        final Path live = temp.resolve("live");
        final AtomicBoolean writing = new AtomicBoolean(true);
        final Thread engine = new Thread(() ->
        {
            try
            {
                WorkloadJournals.record(live, new MatchingEngine.Context(), 200_000, (i, input, output, e) ->
                {
                    if (i % 200 == 0)
                    {
                        input.commitBatch();
                        output.commitBatch();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                });
            }
            finally
            {
                writing.set(false);
            }
        }, "journal-writer");
        engine.start();
        final List<String> whileWriting = new ArrayList<>();
        while (writing.get() || whileWriting.isEmpty())
        {
            final CommandRunner.Result stats = CommandRunner.run("replay", "stats", live.toString(), "--format", "json");
            assertThat(stats.exitCode()).as(stats.err()).isIn(0, 2);
            final CommandRunner.Result trades = CommandRunner.run("replay", "trades", live.toString(), "--format", "csv");
            assertThat(trades.exitCode()).as(trades.err()).isIn(0, 2);
            if (trades.exitCode() == 0)
            {
                assertThat(trades.err()).isEmpty();
                whileWriting.add(trades.out());
            }
        }
        final String complete = CommandRunner.run("replay", "trades", live.toString(), "--format", "csv").out();

        assertThat(whileWriting).allSatisfy(prefix -> assertThat(complete).startsWith(prefix));
        assertThat(whileWriting.stream().filter(prefix -> prefix.length() < complete.length()).count())
            .as("reads that saw only part of the journal").isPositive();
    }

    @Test
    void shouldPrintWhatComesBeforeDamageThenReportItAndFail() throws Exception
    {
        final Path damaged = temp.resolve("damaged");
        WorkloadJournals.record(damaged, new MatchingEngine.Context(), 20_000, (i, input, output, engine) -> { });
        final long lastBatchStart;
        final Path file;
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(new DataDirectory(damaged).output().toFile()).build();
            ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
            DocumentContext document = tailer.readingDocument())
        {
            file = tailer.currentFile().toPath();
            lastBatchStart = document.wire().bytes().readPosition();
        }
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw"))
        {
            bytes.seek(lastBatchStart + 100);
            final int value = bytes.read();
            bytes.seek(lastBatchStart + 100);
            bytes.write(value ^ 0x5A);
        }

        final CommandRunner.Result result = CommandRunner.run("replay", "trades", damaged.toString(), "--format", "csv", "--progress");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.outLines()).hasSizeGreaterThan(100);
        assertThat(result.err()).contains("bourse replay trades: the journal is damaged from here on: CHECKSUM_MISMATCH");
        assertThat(CommandRunner.run("replay", "stats", temp.resolve("nothing").toString()).err())
            .contains("has no output/ journal");
    }

    private static CommandRunner.Result trades(final String... options)
    {
        final List<String> command = new ArrayList<>(List.of("replay", "trades", data.toString(), "--format", "csv"));
        command.addAll(List.of(options));
        return CommandRunner.run(command.toArray(String[]::new));
    }

    private static long firstSequence(final CommandRunner.Result trades)
    {
        return Long.parseLong(trades.outLines().get(1).split(",")[0]);
    }

    private static long lastSequence(final CommandRunner.Result trades)
    {
        return Long.parseLong(trades.outLines().get(trades.outLines().size() - 1).split(",")[0]);
    }
}
