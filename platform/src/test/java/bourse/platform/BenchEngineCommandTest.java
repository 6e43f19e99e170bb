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
    void shouldSkipTheLatencyRunsWithoutRates()
    {
        final CommandRunner.Result result = CommandRunner.run(
            "bench", "engine", "--commands", "20000", "--warmup", "0", "--passes", "1", "--rates", "");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isNotBlank();
    }

    @Test
    void shouldRefuseRatesThatAreNotNumbers()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "engine", "--rates", "fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--rates must be");
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "engine", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--commands").containsPattern("default: \\d+");
    }
}
