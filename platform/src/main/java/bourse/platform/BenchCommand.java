package bourse.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bourse bench}: groups the benchmarks, one sub-command per tier as the tiers arrive. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs a benchmark and prints its result (--json for machine-readable output).",
    subcommands = {
        BenchEngineCommand.class, BenchJournalCommand.class, BenchAeronCommand.class, BenchFeedCommand.class, BenchGrpcCommand.class})
final class BenchCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: choose one of " + spec.subcommands().keySet());
    }
}
