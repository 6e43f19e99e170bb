package bourse.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchEngineCommandTest
{
    @Test
    void shouldPrintExactlyOneJsonObjectWithJson()
    {
        final CommandRunner.Result result = CommandRunner.run(
            "bench", "engine", "--json", "--commands", "20000", "--warmup", "0", "--passes", "1", "--rates", "50000");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).hasSize(1);
        assertThat(result.out().strip()).startsWith("{").endsWith("}").contains("\"throughputOpsPerSec\"");
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "engine", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--commands").containsPattern("default: \\d+");
    }
}
