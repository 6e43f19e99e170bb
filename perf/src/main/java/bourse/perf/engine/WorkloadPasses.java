package bourse.perf.engine;

/**
 * The part of a benchmark's configuration that says which {@link ExchangeCoreWorkload} it replays and
 * how often: the workload's seed and size, then warm-up passes (not kept) and measured passes (their
 * median is the figure). Fluent setters return the benchmark's own configuration type {@code C}.
 */
public abstract class WorkloadPasses<C extends WorkloadPasses<C>>
{
    private long seed = 42;
    private int commands;
    private int warmupPasses = 5;
    private int measuredPasses = 5;

    protected WorkloadPasses(final int defaultCommands)
    {
        this.commands = defaultCommands;
    }

    /** This configuration, as its own type, for the fluent setters. */
    protected abstract C self();

    /** Checks the workload and the passes; throws {@link IllegalArgumentException} naming what is wrong. */
    protected final void concludeWorkloadPasses()
    {
        if (commands < 1 || commands > ExchangeCoreWorkload.maxBenchmarkCommands())
        {
            throw new IllegalArgumentException(
                "commands must be in [1, " + ExchangeCoreWorkload.maxBenchmarkCommands() + "]: " + commands);
        }
        if (warmupPasses < 0)
        {
            throw new IllegalArgumentException("warmupPasses must not be negative: " + warmupPasses);
        }
        if (measuredPasses < 1)
        {
            throw new IllegalArgumentException("measuredPasses must be at least 1: " + measuredPasses);
        }
    }

    public final C seed(final long seed)
    {
        this.seed = seed;
        return self();
    }

    public final long seed()
    {
        return seed;
    }

    /** Benchmark commands, after the workload's setup prefix. */
    public final C commands(final int commands)
    {
        this.commands = commands;
        return self();
    }

    public final int commands()
    {
        return commands;
    }

    /** Passes run before the measured ones, and not kept. */
    public final C warmupPasses(final int warmupPasses)
    {
        this.warmupPasses = warmupPasses;
        return self();
    }

    public final int warmupPasses()
    {
        return warmupPasses;
    }

    /** Passes measured: the figure is their median. */
    public final C measuredPasses(final int measuredPasses)
    {
        this.measuredPasses = measuredPasses;
        return self();
    }

    public final int measuredPasses()
    {
        return measuredPasses;
    }
}
