package bourse.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BenchJournalCommandTest
{
    @TempDir
    Path parent;

    @Test
    void shouldPrintExactlyOneJsonObjectAndLeaveNoJournalBehind() throws IOException
    {
        final CommandRunner.Result result = CommandRunner.run(
            "bench", "journal", "--json", "--commands", "20000", "--no-warmup", "--dir", parent.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).hasSize(1);
        assertThat(result.out().strip()).startsWith("{").endsWith("}")
            .contains("\"appendOpsPerSec\"", "\"readOpsPerSec\"", "\"recoverySecondsFor10M\"");
        try (Stream<Path> left = Files.list(parent))
        {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "journal", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--commands").containsPattern("default: 10000000");
    }
}
