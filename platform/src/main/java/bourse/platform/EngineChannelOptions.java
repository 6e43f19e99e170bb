package bourse.platform;

import bourse.engine.client.EngineChannels;
import bourse.engine.service.SmallMachineAeron;
import io.aeron.driver.MediaDriver;
import picocli.CommandLine.Option;

/**
 * Where the engine takes commands and publishes events, and on which media driver, as {@code bourse engine}
 * serves them and {@code bourse gateway} and {@code bourse admin} reach them.
 */
final class EngineChannelOptions
{
    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the media driver running on this directory (bourse media-driver; bourse run and bourse " +
            "engine print theirs) instead of embedding one.")
    String aeronDirectoryName;

    @Option(names = "--command-channel", paramLabel = "URI",
        description = "Channel the engine takes commands on (default: ${DEFAULT-VALUE}).")
    String commandChannel = EngineChannels.DEFAULT_COMMAND_CHANNEL;

    @Option(names = "--command-stream", paramLabel = "ID",
        description = "Stream id of the commands (default: ${DEFAULT-VALUE}).")
    int commandStreamId = EngineChannels.DEFAULT_COMMAND_STREAM_ID;

    @Option(names = "--event-channel", paramLabel = "URI",
        description = "Channel the engine publishes events on (default: ${DEFAULT-VALUE}).")
    String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;

    @Option(names = "--event-stream", paramLabel = "ID",
        description = "Stream id of the events (default: ${DEFAULT-VALUE}).")
    int eventStreamId = EngineChannels.DEFAULT_EVENT_STREAM_ID;

    /** A media driver of this process's own, named after {@code role}, unless {@code --aeron-dir} names one; the caller closes it. */
    MediaDriver embeddedDriverUnlessGiven(final String role)
    {
        return aeronDirectoryName != null ? null : MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName(role), true, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS));
    }

    /** The directory of the driver {@link #embeddedDriverUnlessGiven} returned, or of the one given. */
    String aeronDirectoryName(final MediaDriver embedded)
    {
        return embedded != null ? embedded.aeronDirectoryName() : aeronDirectoryName;
    }
}
