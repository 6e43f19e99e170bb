package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A pre-generated, seeded command stream reproducing the mix of exchange-core's published single-symbol
 * benchmark: 9 % GTC limit orders, 3 % IOC limit orders, 6 % cancels and 82 % amends (a resting order
 * moved in price and/or resized), from 1 000 funded accounts, over a book held at about 1 000 resting
 * orders on about 750 price levels. All commands sit end to end in one off-heap buffer, located by
 * offset and length arrays, so replaying it costs nothing but the engine's own work.
 * <p>
 * The stream is a setup prefix (assets, instrument, accounts, deposits, and the GTC orders that fill
 * the book to its steady size) followed by the benchmark commands. Harnesses apply the prefix to a
 * fresh engine untimed and measure the rest. Same seed and size, same bytes.
 */
public final class ExchangeCoreWorkload
{
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final int encodedLength;
    private final int setupCommandCount;
    private final int totalCommandCount;
    private final WorkloadShape shape;

    ExchangeCoreWorkload(final CommandStreamWriter writer, final int setupCommandCount, final WorkloadShape shape)
    {
        this.buffer = writer.buffer();
        this.offsets = writer.offsets();
        this.lengths = writer.lengths();
        this.encodedLength = writer.encodedLength();
        this.totalCommandCount = writer.count();
        this.setupCommandCount = setupCommandCount;
        this.shape = shape;
    }

    /** Generates {@code benchmarkCommands} commands of the mix (plus the setup prefix) from {@code seed}. */
    public static ExchangeCoreWorkload generate(final long seed, final int benchmarkCommands)
    {
        return new ExchangeCoreWorkloadGenerator(seed, benchmarkCommands).generate();
    }

    /** The longest stream one buffer can hold. */
    public static int maxBenchmarkCommands()
    {
        return Integer.MAX_VALUE / CommandStreamWriter.MAX_COMMAND_LENGTH - ExchangeCoreWorkloadGenerator.maxSetupCommands();
    }

    /** Applies the setup prefix: afterwards the engine is ready for command {@link #setupCommandCount()}. */
    public void applySetup(final MatchingEngine engine)
    {
        for (int i = 0; i < setupCommandCount; i++)
        {
            engine.onCommand(buffer, offsets[i], lengths[i]);
        }
    }

    /** Applies command {@code index} of the whole stream (setup prefix included). */
    public void apply(final MatchingEngine engine, final int index)
    {
        engine.onCommand(buffer, offsets[index], lengths[index]);
    }

    /** Index of the first benchmark command, which is also the length of the setup prefix. */
    public int setupCommandCount()
    {
        return setupCommandCount;
    }

    /** Setup prefix and benchmark commands together. */
    public int totalCommandCount()
    {
        return totalCommandCount;
    }

    public int benchmarkCommandCount()
    {
        return totalCommandCount - setupCommandCount;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int offset(final int index)
    {
        return offsets[index];
    }

    public int length(final int index)
    {
        return lengths[index];
    }

    /** Bytes of the whole stream, from offset 0. */
    public int encodedLength()
    {
        return encodedLength;
    }

    /** What the benchmark commands did to the generating engine: mix, rejects, book size. */
    public WorkloadShape shape()
    {
        return shape;
    }
}
