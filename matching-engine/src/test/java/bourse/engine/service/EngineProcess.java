package bourse.engine.service;

import org.agrona.IoUtil;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EngineServiceProcess} started in a child JVM with the project's JVM flags, and what it printed. */
final class EngineProcess implements AutoCloseable
{
    static final long TIMEOUT_S = 30;
    private static final String READY = "READY ";

    private final Process process;
    private final BufferedReader output;
    private final List<String> lines = new ArrayList<>();
    /** The child's embedded driver directory, from its READY line: a killed child leaves it behind. */
    private volatile String aeronDirectoryName;

    EngineProcess(final EngineService.Context channels, final String... extraArguments) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(System.getProperty("bourse.jvm.flags", "").trim().split("\\s+"))
            .filter(flag -> !flag.isEmpty())
            .forEach(command::add);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineServiceProcess.class.getName());
        command.add(channels.commandChannel());
        command.add(channels.eventChannel());
        command.addAll(List.of(extraArguments));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the output up to a line starting with {@code prefix}; fails with all it printed if none comes. */
    String awaitLine(final String prefix) throws Exception
    {
        final CompletableFuture<String> line = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                for (String next = output.readLine(); next != null; next = output.readLine())
                {
                    lines.add(next);
                    if (next.startsWith(READY))
                    {
                        aeronDirectoryName = next.substring(READY.length()).trim();
                    }
                    if (next.startsWith(prefix))
                    {
                        return next;
                    }
                }
                return null;
            }
            catch (final IOException ex)
            {
                return null;
            }
        });
        final String found = line.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(found).as("engine process output:%n%s", String.join("\n", lines)).isNotNull();
        return found;
    }

    /** Asks the service to close (its standard input ends) and waits until the process has exited cleanly. */
    void stop() throws Exception
    {
        process.getOutputStream().close();
        awaitLine("CLOSED");
        assertThat(process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /**
     * SIGKILL: no shutdown hook, no close, nothing flushed that was not already in the page cache. The
     * child's driver directory, which it had no chance to delete, is deleted here (tens of MB of /dev/shm).
     */
    void kill()
    {
        try
        {
            process.destroyForcibly().waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        final String directory = aeronDirectoryName;
        if (directory != null)
        {
            IoUtil.delete(new File(directory), true);
        }
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
    }
}
