package bourse.perf.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalBenchmarkTest
{
    @TempDir
    Path parent;

    @Test
    void shouldMeasureAppendReadAndRecoveryThenDeleteTheJournal() throws IOException
    {
        final JournalBenchmarkResult result = JournalBenchmark.run(
            new JournalBenchmark.Config().commands(30_000).warmup(false).parentDirectory(parent),
            new PrintStream(OutputStream.nullOutputStream()));

        assertThat(result.appendOpsPerSec()).isPositive();
        assertThat(result.readOpsPerSec()).isPositive();
        assertThat(result.recoverySecondsFor10M()).isPositive();
        assertThat(result.toText()).contains("append", "read", "recovery");
        try (Stream<Path> left = Files.list(parent))
        {
            assertThat(left).isEmpty();
        }
    }
}
