package bourse.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** Where a benchmark ran: enough to tell two results apart and to reproduce one. */
public final class MachineInfo
{
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private final String javaVersion;
    private final int cores;
    private final String cpu;
    private final String date;
    private final List<String> jvmArguments;
    private final double loadAverage;

    private MachineInfo(
        final String javaVersion,
        final int cores,
        final String cpu,
        final String date,
        final List<String> jvmArguments,
        final double loadAverage)
    {
        this.javaVersion = javaVersion;
        this.cores = cores;
        this.cpu = cpu;
        this.date = date;
        this.jvmArguments = List.copyOf(jvmArguments);
        this.loadAverage = loadAverage;
    }

    public static MachineInfo current()
    {
        return new MachineInfo(
            Runtime.version().toString(),
            Runtime.getRuntime().availableProcessors(),
            cpuModel(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The first "model name" of /proc/cpuinfo, or the architecture where there is none. */
    private static String cpuModel()
    {
        try (Stream<String> lines = Files.lines(CPU_INFO))
        {
            return lines.filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
        }
        catch (final IOException | RuntimeException ex)
        {
            return System.getProperty("os.arch");
        }
    }

    public String javaVersion()
    {
        return javaVersion;
    }

    public int cores()
    {
        return cores;
    }

    public String cpu()
    {
        return cpu;
    }

    public String date()
    {
        return date;
    }

    public List<String> jvmArguments()
    {
        return jvmArguments;
    }

    /**
     * The system's load average over the minute before the benchmark started (negative where the
     * system has none): on a shared machine, how busy the neighbours were.
     */
    public double loadAverage()
    {
        return loadAverage;
    }
}
