package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.aeron.AeronBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;

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
        try
        {
            config.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw badOption(ex.getMessage(), ex);
        }
        return AeronBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            super(BenchRoundTripOptions.defaults(new AeronBenchmark.Config()));
        }
    }
}
