package bourse.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchAeronCommandTest
{
    @TempDir
    Path parent;

    @Test
    void shouldPrintExactlyOneJsonObjectWithPlausibleFigures() throws Exception
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "aeron", "--json",
            "--requests", "1000", "--warmup", "200", "--orders", "10000", "--rate", "20000", "--dir", parent.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(1);
        final JsonNode json = new ObjectMapper().readTree(result.out());
        RoundTripJson.assertPlausible(json, "latencyNs", "baselineLatencyNs");
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "aeron", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--rate", "default: 10000", "--window", "term-length=4m");
    }

    @Test
    void shouldRefuseARateOfZero()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "aeron", "--rate", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("rates must be");
    }
}
