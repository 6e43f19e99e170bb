package bourse.engine.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An engine service alone in its JVM, for multi-process tests:
 * {@code <command channel> <event channel> [<data directory> <snapshot every N commands>]}.
 * Prints {@code READY <aeron dir>} once it serves, and runs until its standard input closes; then it
 * closes the service (which deletes its embedded driver's directory) and prints {@code CLOSED}. The
 * test stops it by closing that input, so the stop does not depend on signal delivery.
 */
final class EngineServiceProcess
{
    private EngineServiceProcess()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final EngineService.Context context = new EngineService.Context().commandChannel(args[0]).eventChannel(args[1]);
        if (args.length > 2)
        {
            context.dataDirectory(Path.of(args[2])).snapshotEveryCommands(Long.parseLong(args[3]));
        }
        try (EngineService service = EngineService.launch(context))
        {
            System.out.println("READY " + service.context().aeronDirectoryName());
            while (System.in.read() != -1)
            {
                // Nothing is read from the input: it is open only to say when to stop.
            }
        }
        System.out.println("CLOSED");
    }
}
