package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JMH's view of the replay throughput that {@link EngineBenchmark} measures by hand: one invocation
 * replays the whole benchmark part of an {@link ExchangeCoreWorkload} through a fresh engine, and JMH
 * reports commands per second. Run it from the benchmark jar (the forked JVM inherits the flags):
 * <pre>
 * java $(cat perf/target/jvm.options) -Xms2g -Xmx2g -cp perf/target/bourse-perf-*-benchmarks.jar \
 *     org.openjdk.jmh.Main EngineReplayBenchmark
 * </pre>
 * Add {@code -prof gc} to see that the engine allocates nothing per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineReplayBenchmark
{
    private static final int COMMANDS = 1_000_000;
    private static final long SEED = 42;

    private ExchangeCoreWorkload workload;
    private CountingEventSink sink;
    private MatchingEngine engine;

    @Setup(Level.Trial)
    public void generateWorkload()
    {
        workload = ExchangeCoreWorkload.generate(SEED, COMMANDS);
    }

    /** Each replay needs the state the stream was generated against: a new engine with the setup applied. */
    @Setup(Level.Invocation)
    public void freshEngine()
    {
        sink = new CountingEventSink();
        engine = new MatchingEngine(new MatchingEngine.Context().eventSink(sink));
        workload.applySetup(engine);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long replay()
    {
        for (int i = workload.setupCommandCount(), end = workload.totalCommandCount(); i < end; i++)
        {
            workload.apply(engine, i);
        }
        return sink.events();
    }
}
