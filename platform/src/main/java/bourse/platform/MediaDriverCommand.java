package bourse.platform;

import bourse.engine.service.SmallMachineAeron;
import io.aeron.driver.MediaDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code bourse media-driver}: a standalone Aeron media driver that Bourse's services share instead of
 * each embedding one, with the small-machine settings of {@link SmallMachineAeron}. Runs until Ctrl-C,
 * then deletes its directory.
 */
@Command(
    name = "media-driver",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a standalone Aeron media driver for Bourse's services.",
        "",
        "SHARED threading with backoff idling and 4 MiB terms, so it suits a",
        "small machine. Start services with --aeron-dir set to the directory it",
        "prints. Ctrl-C stops it and deletes the directory.",
        ""})
final class MediaDriverCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "The driver's directory (default: Aeron's default, ${DEFAULT-VALUE}).")
    private String aeronDirectoryName = SmallMachineAeron.defaultAeronDirectoryName();

    @Mixin
    private DurationOption duration;

    @Override
    public Integer call() throws InterruptedException
    {
        final long durationSeconds = duration.seconds(spec);
        final PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped untilStopped = new UntilStopped("bourse-media-driver");
            MediaDriver driver = MediaDriver.launch(SmallMachineAeron.driverContext(
                aeronDirectoryName, false, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS)))
        {
            out.println("Bourse media driver running, aeron dir " + driver.aeronDirectoryName() +
                " (SHARED threading, backoff idle, 4 MiB terms). Ctrl-C to stop.");
            out.flush();
            untilStopped.await(durationSeconds);
        }
        out.println("Media driver stopped.");
        out.flush();
        return 0;
    }
}
