package bourse.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the JSON of every round-trip benchmark ({@code bench aeron}, {@code bench grpc}) must hold. */
final class RoundTripJson
{
    private RoundTripJson()
    {
    }

    /** Throughput, the named latencies with every percentile, and the ratios to the baseline: all plausible. */
    static void assertPlausible(final JsonNode json, final String... latencies)
    {
        assertThat(json.get("throughputOpsPerSec").asLong()).isPositive();
        for (final String percentiles : latencies)
        {
            for (final String key : List.of("p50", "p90", "p99", "p999", "p9999", "max"))
            {
                assertThat(json.get(percentiles).get(key).asLong()).as(percentiles + "." + key).isPositive();
            }
            assertThat(json.get(percentiles).get("p50").asLong()).isLessThanOrEqualTo(json.get(percentiles).get("max").asLong());
        }
        for (final String ratio : List.of("p50RatioToBaseline", "p99RatioToBaseline"))
        {
            assertThat(json.get(ratio).isNumber()).as(ratio).isTrue();
            assertThat(json.get(ratio).asDouble()).as(ratio).isPositive().isFinite();
        }
        assertThat(json.get("cores").asInt()).isPositive();
    }
}
