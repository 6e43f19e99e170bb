package bourse.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchGrpcCommandTest
{
    @TempDir
    Path parent;

    @Test
    void shouldPrintExactlyOneJsonObjectWithPlausibleFigures() throws Exception
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "grpc", "--json",
            "--requests", "600", "--rounds", "2", "--warmup", "100", "--orders", "2000", "--window", "16", "--streams", "2",
            "--rate", "20000", "--dir", parent.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(1);
        final JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("benchmark").asText()).isEqualTo("grpc");
        RoundTripJson.assertPlausible(json, "latencyNs", "unaryLatencyNs", "baselineLatencyNs");
        assertThat(json.get("streams").asInt()).isEqualTo(2);
        assertThat(json.get("measuredRejects").asLong()).isZero();
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "grpc", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--rate", "default: 4000", "--streams", "default: 4", "--window", "aeron:ipc");
    }

    @Test
    void shouldRefuseAnOddNumberOfStreams()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "grpc", "--streams", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("streams must be even");
    }
}
