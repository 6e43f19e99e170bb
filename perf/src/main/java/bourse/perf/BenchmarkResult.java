package bourse.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * What every benchmark's result shares: its two renderings and where it ran. The JSON object starts
 * with {@code "benchmark"}, then holds the result's own fields, then the machine's
 * ({@code javaVersion}, {@code cores}, {@code cpu}, {@code date}, {@code jvmArguments}); the table
 * starts with a title and the machine, then the result's own lines. Latency percentiles look the same
 * in every result, in both renderings.
 */
public abstract class BenchmarkResult
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String benchmark;
    private final MachineInfo machine;

    protected BenchmarkResult(final String benchmark, final MachineInfo machine)
    {
        this.benchmark = benchmark;
        this.machine = machine;
    }

    /** One JSON object, for machines: see docs/benchmarks.md for the keys. */
    public final String toJson()
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", benchmark);
        putFields(root);
        root.put("javaVersion", machine.javaVersion());
        root.put("cores", machine.cores());
        root.put("cpu", machine.cpu());
        root.put("date", machine.date());
        root.put("loadAverage", Math.round(machine.loadAverage() * 100) / 100.0);
        final ArrayNode jvmArguments = root.putArray("jvmArguments");
        machine.jvmArguments().forEach(jvmArguments::add);
        try
        {
            return JSON.writeValueAsString(root);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("a tree of plain values always serialises", ex);
        }
    }

    /** A table for people. */
    public final String toText()
    {
        final StringBuilder text = new StringBuilder();
        text.append(title()).append('\n');
        text.append(String.format(Locale.ROOT, "machine     %d cores, %s, Java %s, %s, load average %.2f%n",
            machine.cores(), machine.cpu(), machine.javaVersion(), machine.date(), machine.loadAverage()));
        appendText(text);
        return text.toString();
    }

    /** The result's own JSON fields, between {@code "benchmark"} and the machine's. */
    protected abstract void putFields(ObjectNode root);

    /** The first line of the table: what was measured. */
    protected abstract String title();

    /** The result's own lines of the table, after the title and the machine. */
    protected abstract void appendText(StringBuilder text);

    /** {@code p50}, {@code p90}, {@code p99}, {@code p999}, {@code p9999} and {@code max} in ns, into {@code node}. */
    protected static void putPercentiles(final ObjectNode node, final LatencyPercentiles percentiles)
    {
        node.put("p50", percentiles.p50Ns())
            .put("p90", percentiles.p90Ns())
            .put("p99", percentiles.p99Ns())
            .put("p999", percentiles.p999Ns())
            .put("p9999", percentiles.p9999Ns())
            .put("max", percentiles.maxNs());
    }

    /** The header of a percentile table whose rows are labelled in a column named {@code label}. */
    protected static void appendPercentilesHeader(final StringBuilder text, final String label)
    {
        text.append(String.format(Locale.ROOT, "%14s %11s %11s %11s %11s %11s %11s%n",
            label, "p50", "p90", "p99", "p99.9", "p99.99", "max"));
    }

    /** One row of a percentile table, in ns. */
    protected static void appendPercentilesRow(final StringBuilder text, final String label, final LatencyPercentiles percentiles)
    {
        text.append(String.format(Locale.ROOT, "%14s %,11d %,11d %,11d %,11d %,11d %,11d%n", label,
            percentiles.p50Ns(), percentiles.p90Ns(), percentiles.p99Ns(), percentiles.p999Ns(), percentiles.p9999Ns(),
            percentiles.maxNs()));
    }
}
