package bourse.engine.service;

import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.RecoveryReport;
import bourse.engine.journal.SyncPolicy;
import java.nio.file.Path;

import bourse.engine.MatchingEngine;
import bourse.engine.client.EngineChannels;
import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.CncFileDescriptor;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CountedErrorHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The matching engine as a service: commands in on an Aeron subscription, events out on an Aeron
 * publication, both SBE, one engine thread ({@link EngineAgent} on an {@link AgentRunner}) that
 * sequences every command. Runs its own embedded media driver unless told to use an external one.
 * docs/engine-service.md describes channels, sequencing, duplicates, back pressure and counters.
 */
public final class EngineService implements AutoCloseable
{
    private final Context context;
    private final MediaDriver mediaDriver;
    private final Aeron aeron;
    private final EngineCounters counters;
    private final AgentRunner agentRunner;
    private final EngineJournals journals;

    private EngineService(final Context context)
    {
        this.context = context;
        MediaDriver driver = null;
        Aeron client = null;
        EngineCounters engineCounters = null;
        EngineJournals engineJournals = null;
        try
        {
            if (context.embeddedMediaDriver())
            {
                driver = MediaDriver.launch(SmallMachineAeron.driverContext(
                    context.aeronDirectoryName(), true, context.livenessTimeoutNs()));
            }
            final CountedErrorHandler[] errorHandler = new CountedErrorHandler[1];
            // Aeron reports errors in poll handlers to its own handler: route them to the counted one too.
            client = Aeron.connect(SmallMachineAeron.clientContext(context.aeronDirectoryName(), context.livenessTimeoutNs())
                .errorHandler(throwable -> errorHandler[0].onError(throwable)));
            engineCounters = new EngineCounters(client);
            errorHandler[0] = new CountedErrorHandler(context.errorHandler(), engineCounters.errors());

            final Subscription commands = client.addSubscription(context.commandChannel(), context.commandStreamId());
            final ExclusivePublication eventPublication =
                client.addExclusivePublication(context.eventChannel(), context.eventStreamId());
            final EventPublisher events = new EventPublisher(eventPublication, engineCounters, errorHandler[0]);
            final LastCorrelationIds lastCorrelationIds = new LastCorrelationIds();
            final MatchingEngine engine;
            final CommandLog commandLog;
            if (context.dataDirectory() != null)
            {
                // Recovered events that were never published wait as pending: the engine thread offers
                // them before it takes any command.
                events.hold();
                engineJournals = new EngineJournals(new DataDirectory(context.dataDirectory()), context.syncPolicy(),
                    context.snapshotEveryCommands(), events, lastCorrelationIds, engineCounters);
                events.release();
                engine = engineJournals.engine();
                commandLog = engineJournals;
            }
            else
            {
                engine = new MatchingEngine(new MatchingEngine.Context().eventSink(events));
                commandLog = context.commandLog();
            }
            final EngineAgent agent = new EngineAgent(
                commands,
                context.commandFragmentLimit(),
                context.maxHeldEventBytes(),
                engine,
                events,
                commandLog,
                lastCorrelationIds,
                context.clock(),
                engineCounters,
                errorHandler[0]);
            agentRunner = new AgentRunner(context.idleStrategy(), errorHandler[0], null, agent);
            AgentRunner.startOnThread(agentRunner);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(engineJournals, engineCounters, client, driver);
            throw ex;
        }
        this.journals = engineJournals;
        this.mediaDriver = driver;
        this.aeron = client;
        this.counters = engineCounters;
    }

    /** Starts the service: its media driver (if embedded), its Aeron client and the engine thread. */
    public static EngineService launch(final Context context)
    {
        return new EngineService(context.conclude());
    }

    public Context context()
    {
        return context;
    }

    /** How the engine was recovered from its data directory; null when it keeps no journal. */
    public RecoveryReport recoveryReport()
    {
        return journals == null ? null : journals.recoveryReport();
    }

    /** The service's counters, readable from any thread. */
    public EngineCounters counters()
    {
        return counters;
    }

    /** Stops the engine thread, then closes the Aeron client and the embedded driver, which deletes its directory. */
    @Override
    public void close()
    {
        CloseHelper.closeAll(agentRunner, journals, counters, aeron, mediaDriver);
    }

    /**
     * Configuration of the engine service, Aeron style: fluent setters, defaults and validation in
     * {@link #conclude()}. Channels and stream ids default to {@link EngineChannels}.
     */
    public static final class Context
    {
        private String aeronDirectoryName;
        private boolean embeddedMediaDriver = true;
        private String commandChannel = EngineChannels.DEFAULT_COMMAND_CHANNEL;
        private int commandStreamId = EngineChannels.DEFAULT_COMMAND_STREAM_ID;
        private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;
        private int eventStreamId = EngineChannels.DEFAULT_EVENT_STREAM_ID;
        private int commandFragmentLimit = 64;
        private int maxHeldEventBytes = 256 * 1024;
        private IdleStrategy idleStrategy;
        private long livenessTimeoutNs = SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS;
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private CommandLog commandLog = CommandLog.NONE;
        private Path dataDirectory;
        private SyncPolicy syncPolicy = SyncPolicy.NONE;
        private long snapshotEveryCommands = 1_000_000;
        private ErrorHandler errorHandler = throwable -> throwable.printStackTrace(System.err);

        /**
         * Fills in defaults and checks everything; throws {@link IllegalArgumentException} or
         * {@link IllegalStateException} naming what is wrong.
         */
        public Context conclude()
        {
            if (aeronDirectoryName == null)
            {
                aeronDirectoryName = embeddedMediaDriver ?
                    SmallMachineAeron.uniqueAeronDirectoryName("engine") : SmallMachineAeron.defaultAeronDirectoryName();
            }
            if (!embeddedMediaDriver && !new File(aeronDirectoryName, CncFileDescriptor.CNC_FILE).exists())
            {
                throw new IllegalStateException(
                    "no media driver runs on " + aeronDirectoryName + ": start one (bourse media-driver) or embed one");
            }
            ChannelUri.parse(Objects.requireNonNull(commandChannel, "commandChannel"));
            ChannelUri.parse(Objects.requireNonNull(eventChannel, "eventChannel"));
            if (commandChannel.equals(eventChannel) && commandStreamId == eventStreamId)
            {
                throw new IllegalArgumentException(
                    "commands and events need different streams: both are " + commandChannel + " stream " + commandStreamId);
            }
            if (commandFragmentLimit < 1)
            {
                throw new IllegalArgumentException("commandFragmentLimit must be positive: " + commandFragmentLimit);
            }
            if (maxHeldEventBytes < 1)
            {
                throw new IllegalArgumentException("maxHeldEventBytes must be positive: " + maxHeldEventBytes);
            }
            if (livenessTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("livenessTimeoutNs must be positive: " + livenessTimeoutNs);
            }
            if (idleStrategy == null)
            {
                idleStrategy = SmallMachineAeron.backoffIdleStrategy();
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(commandLog, "commandLog");
            Objects.requireNonNull(syncPolicy, "syncPolicy");
            if (dataDirectory != null && commandLog != CommandLog.NONE)
            {
                throw new IllegalStateException("a data directory brings its own journal: set dataDirectory or commandLog, not both");
            }
            if (snapshotEveryCommands < 0)
            {
                throw new IllegalArgumentException("snapshotEveryCommands must be 0 (never) or positive: " + snapshotEveryCommands);
            }
            Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /** The media driver's directory; by default a fresh one when embedded, Aeron's default when external. */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /** True (the default) to launch a media driver in this process; false to use one already running. */
        public Context embeddedMediaDriver(final boolean embeddedMediaDriver)
        {
            this.embeddedMediaDriver = embeddedMediaDriver;
            return this;
        }

        public boolean embeddedMediaDriver()
        {
            return embeddedMediaDriver;
        }

        /** Where the engine subscribes to commands. */
        public Context commandChannel(final String commandChannel)
        {
            this.commandChannel = commandChannel;
            return this;
        }

        public String commandChannel()
        {
            return commandChannel;
        }

        public Context commandStreamId(final int commandStreamId)
        {
            this.commandStreamId = commandStreamId;
            return this;
        }

        public int commandStreamId()
        {
            return commandStreamId;
        }

        /** Where the engine publishes events; consumers subscribe with {@link EngineChannels#eventSubscriptionChannel}. */
        public Context eventChannel(final String eventChannel)
        {
            this.eventChannel = eventChannel;
            return this;
        }

        public String eventChannel()
        {
            return eventChannel;
        }

        public Context eventStreamId(final int eventStreamId)
        {
            this.eventStreamId = eventStreamId;
            return this;
        }

        public int eventStreamId()
        {
            return eventStreamId;
        }

        /** Most command fragments taken per duty cycle. */
        public Context commandFragmentLimit(final int commandFragmentLimit)
        {
            this.commandFragmentLimit = commandFragmentLimit;
            return this;
        }

        public int commandFragmentLimit()
        {
            return commandFragmentLimit;
        }

        /**
         * With a journal, a poll's events are held until its commands are committed as one group; the
         * poll stops taking commands once they reach this many bytes (256 KiB by default), so what waits
         * in memory stays bounded. Smaller: more, smaller commits; larger: fewer commits per command.
         */
        public Context maxHeldEventBytes(final int maxHeldEventBytes)
        {
            this.maxHeldEventBytes = maxHeldEventBytes;
            return this;
        }

        public int maxHeldEventBytes()
        {
            return maxHeldEventBytes;
        }

        /** How the engine thread waits when idle; backoff by default, busy-spin only on a machine with cores to spare. */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
        }

        /** Client and driver liveness timeouts: how long a silent peer is still considered alive. */
        public Context livenessTimeoutNs(final long livenessTimeoutNs)
        {
            this.livenessTimeoutNs = livenessTimeoutNs;
            return this;
        }

        public long livenessTimeoutNs()
        {
            return livenessTimeoutNs;
        }

        /** The clock commands are stamped with, read once per duty cycle. */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        public EpochNanoClock clock()
        {
            return clock;
        }

        /** Receives every sequenced command before the engine applies it; the input journal's seam. */
        public Context commandLog(final CommandLog commandLog)
        {
            this.commandLog = commandLog;
            return this;
        }

        public CommandLog commandLog()
        {
            return commandLog;
        }

        /**
         * Where the engine keeps its input and output journals and snapshots ({@link DataDirectory});
         * it recovers from them on start. None (the default): the engine's state lives in memory only.
         */
        public Context dataDirectory(final Path dataDirectory)
        {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Path dataDirectory()
        {
            return dataDirectory;
        }

        /** How the journals reach the disk; docs/journal.md says what each policy survives. */
        public Context syncPolicy(final SyncPolicy syncPolicy)
        {
            this.syncPolicy = syncPolicy;
            return this;
        }

        public SyncPolicy syncPolicy()
        {
            return syncPolicy;
        }

        /** A snapshot after every this many commands (by sequence); 0 for none. */
        public Context snapshotEveryCommands(final long snapshotEveryCommands)
        {
            this.snapshotEveryCommands = snapshotEveryCommands;
            return this;
        }

        public long snapshotEveryCommands()
        {
            return snapshotEveryCommands;
        }

        /** Receives errors of the engine thread and the Aeron client; each is also counted. */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }

        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }
    }
}
