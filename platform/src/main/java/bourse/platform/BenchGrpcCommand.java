package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.grpc.GrpcBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code bourse bench grpc}: the perf module's gRPC tier benchmark (the order round trip through the
 * order gateway's session streams and unary calls beside a raw grpc-java ping-pong on the same
 * transport, then orders acknowledged per second on several session streams, journal on). The journal
 * lives in a temporary directory that is deleted at the end.
 */
@Command(
    name = "grpc",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmarks the gRPC order gateway: order round trip through session streams",
        "and unary SubmitOrder against a raw gRPC ping-pong, then orders acknowledged",
        "per second on several session streams, journal on."},
    defaultValueProvider = BenchGrpcCommand.Defaults.class)
final class BenchGrpcCommand extends BenchSubcommand
{
    @Mixin
    private BenchRoundTripOptions roundTrips;

    @Option(names = "--streams", paramLabel = "N",
        description = "Session streams of the throughput run, a maker's and a taker's per pair of accounts: even (default: ${DEFAULT-VALUE}).")
    private int streams;

    @Override
    BenchmarkResult run(final PrintStream progress)
    {
        final GrpcBenchmark.Config config = roundTrips.applyTo(new GrpcBenchmark.Config()).streams(streams);
        check(config::conclude);
        return GrpcBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            this(new GrpcBenchmark.Config());
        }

        private Defaults(final GrpcBenchmark.Config defaults)
        {
            super(defaults, Map.of("--streams", String.valueOf(defaults.streams())));
        }
    }
}
