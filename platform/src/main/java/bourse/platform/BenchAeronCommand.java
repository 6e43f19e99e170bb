package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.aeron.AeronBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code bourse bench aeron}: the perf module's Aeron tier benchmark (the order round trip to the engine
 * service over UDP loopback beside a raw ping-pong on the same channels, then pipelined throughput with
 * the journal on). The journal lives in a temporary directory that is deleted at the end.
 */
@Command(
    name = "aeron",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmarks the engine service over Aeron: order round trip against a raw",
        "ping-pong on the same channels, then pipelined throughput, journal on."},
    defaultValueProvider = BenchAeronCommand.Defaults.class)
final class BenchAeronCommand extends BenchSubcommand
{
    @Mixin
    private BenchRoundTripOptions roundTrips;

    @Override
    BenchmarkResult run(final PrintStream progress)
    {
        final AeronBenchmark.Config config = roundTrips.applyTo(new AeronBenchmark.Config());
        check(config::conclude);
        return AeronBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            super(new AeronBenchmark.Config(), Map.of());
        }
    }
}
