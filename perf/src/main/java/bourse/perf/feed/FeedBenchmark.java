package bourse.perf.feed;

import bourse.engine.client.EngineChannels;
import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataChannels;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.client.MarketDataClient;
import bourse.marketdata.feed.FeedCounters;
import bourse.marketdata.feed.MarketDataFeed;
import bourse.perf.LoopbackPorts;
import bourse.perf.MachineInfo;
import bourse.perf.OpenLoop;
import bourse.perf.engine.EngineBenchmark;
import bourse.perf.engine.ExchangeCoreWorkload;
import bourse.perf.engine.WorkloadPasses;
import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FrameDescriptor;
import org.agrona.SystemUtil;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The market-data feed benchmark, {@code ./bourse bench feed}. It runs the exchange-core workload
 * through a matching engine once and keeps the engine's event batches ({@link EngineEventStream}), then
 * measures
 * <ol>
 *     <li><b>throughput</b>: the batches replayed into the feed's derivation and encoding
 *     ({@code MarketState} and its {@code Outbox}) on one thread as fast as they go, in the feed's duty
 *     cycle, counting every SBE event of the engine's output (warm-up passes, then the median of measured
 *     passes); then the same with every incremental message offered to an Aeron publication on the
 *     feed's channel shape, taken by a subscriber thread, to see what publishing costs;</li>
 *     <li><b>latency</b>: the real {@link MarketDataFeed} and a real {@code MarketDataClient} on an
 *     embedded media driver set up for a small machine ({@link SmallMachineAeron}), the venue's default
 *     channel shapes on free ports; the benchmark plays the engine, publishing the batches on the event
 *     channel open loop at the offered rate, and measures each from its scheduled time to the client's
 *     book update that shows it ({@link FeedLatencyHarness}).</li>
 * </ol>
 */
public final class FeedBenchmark
{
    /** What the issue asks of the feed on this machine: engine events derived and published per second on one thread. */
    public static final long TARGET_EVENTS_PER_SEC = 2_000_000;
    /** The measured latency batches go in this many runs, each reported as progress. */
    private static final int LATENCY_RUNS = 10;

    private FeedBenchmark()
    {
    }

    /** Runs the whole benchmark, writing one progress line per step to {@code progress}. */
    public static FeedBenchmarkResult run(final Config config, final PrintStream progress)
    {
        config.conclude();
        final MachineInfo machine = MachineInfo.current();
        final MarketDataFeed.Context feedDefaults = new MarketDataFeed.Context();
        final String eventChannel = LoopbackPorts.withFreePorts(config.eventChannel());
        final MarketDataStreams streams = new MarketDataStreams()
            .incremental(LoopbackPorts.withFreePorts(config.incrementalChannel()), MarketDataChannels.DEFAULT_INCREMENTAL_STREAM_ID)
            .snapshot(LoopbackPorts.withFreePorts(config.snapshotChannel()), MarketDataChannels.DEFAULT_SNAPSHOT_STREAM_ID);
        final int maxMessageLength = Math.min(maxMessageLength(streams.incrementalChannel()), maxMessageLength(streams.snapshotChannel()));

        progress.printf(Locale.ROOT, "generating %,d commands (seed %d) and capturing the engine's events%n",
            config.commands(), config.seed());
        final long captureStartNs = System.nanoTime();
        final EngineEventStream stream = EngineEventStream.capture(
            ExchangeCoreWorkload.generate(config.seed(), config.commands()), maxMessageLength, feedDefaults.checksumDepth());
        final EngineEventStream.Totals totals = stream.benchmarkTotals();
        progress.printf(Locale.ROOT, "captured in %.1f s: %,d batches, %,d events (%,d the feed applies), %,d incrementals%n",
            (System.nanoTime() - captureStartNs) / 1e9, totals.batches(), totals.events(), totals.appliedEvents(), totals.incrementals());

        final FeedThroughputHarness throughput = new FeedThroughputHarness(stream, feedDefaults, maxMessageLength);
        final double[] derivePasses = passes(config, "derive and encode", () -> throughput.runPass(new FeedThroughputHarness.Discarding()), progress);

        final String driverDirectory = SmallMachineAeron.uniqueAeronDirectoryName("feed-bench");
        try (MediaDriver driver = MediaDriver.launch(
                SmallMachineAeron.driverContext(driverDirectory, true, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS));
            Aeron aeron = Aeron.connect(SmallMachineAeron.clientContext(driver.aeronDirectoryName(), SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS)))
        {
            final String publishChannel = LoopbackPorts.withFreePorts(config.publishChannel());
            double[] publishPasses = new double[0];
            long publishBackPressure = 0;
            if (config.publish())
            {
                try (AeronIncrementals incrementals = new AeronIncrementals(
                    aeron, publishChannel, MarketDataChannels.DEFAULT_INCREMENTAL_STREAM_ID, config.stallTimeoutNs()))
                {
                    progress.printf(Locale.ROOT, "publishing on %s to a subscriber thread%n", publishChannel);
                    publishPasses = passes(config, "derive, encode and publish", () -> throughput.runPass(incrementals), progress);
                    publishBackPressure = incrementals.backPressure();
                }
            }

            final Latency latency = measureLatency(config, stream, aeron, eventChannel, streams, progress);
            return new FeedBenchmarkResult(config, totals, derivePasses, publishPasses, publishBackPressure,
                eventChannel, streams, publishChannel, latency.percentiles, latency.client, machine);
        }
    }

    /** Warm-up passes, then measured passes, of {@code pass}; returns the measured ones' events per second. */
    private static double[] passes(final Config config, final String what, final DoubleSupplier pass, final PrintStream progress)
    {
        for (int i = 1; i <= config.warmupPasses(); i++)
        {
            progress.printf(Locale.ROOT, "%s, warm-up pass %d/%d: %,.0f events/s%n", what, i, config.warmupPasses(), pass.getAsDouble());
        }
        final double[] measured = new double[config.measuredPasses()];
        for (int i = 0; i < measured.length; i++)
        {
            measured[i] = pass.getAsDouble();
            progress.printf(Locale.ROOT, "%s, measured pass %d/%d: %,.0f events/s%n", what, i + 1, measured.length, measured[i]);
        }
        return measured;
    }

    /** The feed and a client on the driver, the benchmark playing the engine: the set-up, a warm-up run, then the measured rounds. */
    private static Latency measureLatency(
        final Config config,
        final EngineEventStream stream,
        final Aeron aeron,
        final String eventChannel,
        final MarketDataStreams streams,
        final PrintStream progress)
    {
        final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try (MarketDataFeed feed = MarketDataFeed.launch(new MarketDataFeed.Context()
                .embeddedMediaDriver(false)
                .aeronDirectoryName(aeron.context().aeronDirectoryName())
                .eventChannel(eventChannel)
                .streams(streams)
                .errorHandler(errors::add));
            FeedLatencyHarness harness = new FeedLatencyHarness(stream, aeron, eventChannel, EngineChannels.DEFAULT_EVENT_STREAM_ID,
                streams, errors::add, config.stallTimeoutNs()))
        {
            progress.printf(Locale.ROOT, "feed on %s: events %s, %s%n", aeron.context().aeronDirectoryName(), eventChannel, streams);
            harness.awaitConnected();
            harness.publishSetup();
            final OpenLoop schedule = new OpenLoop(config.ratePerSecond());
            int batch = stream.setupBatchCount();
            if (config.warmupBatches() > 0)
            {
                progress.printf(Locale.ROOT, "latency warm-up: %,d batches at %,d/s%n", config.warmupBatches(), config.ratePerSecond());
                harness.run(batch, config.warmupBatches(), schedule, new FeedLatency());
                batch += config.warmupBatches();
            }
            final FeedLatency latency = new FeedLatency();
            final int end = batch + config.latencyBatches();
            final int perRun = (config.latencyBatches() + LATENCY_RUNS - 1) / LATENCY_RUNS;
            while (batch < end)
            {
                final int batches = Math.min(perRun, end - batch);
                harness.run(batch, batches, schedule, latency);
                batch += batches;
                progress.printf(Locale.ROOT, "latency at %,d/s, %,d of %,d batches: p50 %,d ns, p99 %,d ns, max %,d ns so far%n",
                    config.ratePerSecond(), config.latencyBatches() - (end - batch), config.latencyBatches(),
                    latency.fromScheduled.getValueAtPercentile(50), latency.fromScheduled.getValueAtPercentile(99),
                    latency.fromScheduled.getMaxValue());
            }
            if (!errors.isEmpty())
            {
                throw new IllegalStateException("the feed or its client failed: " + errors.get(0), errors.get(0));
            }
            return new Latency(latency.percentiles(config.ratePerSecond()), ClientCounts.of(harness.client(), feed.counters()));
        }
    }

    /** The longest message a publication on {@code channel} takes, on a driver set up by {@link SmallMachineAeron}. */
    static int maxMessageLength(final String channel)
    {
        final String termLength = ChannelUri.parse(channel).get(CommonContext.TERM_LENGTH_PARAM_NAME);
        return FrameDescriptor.computeMaxMessageLength(
            termLength == null ? SmallMachineAeron.TERM_LENGTH : (int)SystemUtil.parseSize(CommonContext.TERM_LENGTH_PARAM_NAME, termLength));
    }

    private record Latency(FeedLatency.Percentiles percentiles, ClientCounts client)
    {
    }

    /** What the latency run's client and feed counted: all but the checksums should be 0 on loopback. */
    record ClientCounts(
        long incrementals, long missedIncrementals, long instrumentGaps, long checksumsVerified, long checksumMismatches,
        long feedBackPressure, long feedEventStreamPauses)
    {
        static ClientCounts of(final MarketDataClient client, final FeedCounters feed)
        {
            return new ClientCounts(client.incrementalsReceived(), client.missedIncrementals(), client.instrumentGaps(),
                client.checksumsVerified(), client.checksumMismatches(), feed.backPressure().get(), feed.eventStreamPauses().get());
        }
    }

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config extends WorkloadPasses<Config>
    {
        private boolean publish = true;
        private long ratePerSecond = 10_000;
        private int latencyBatches = 100_000;
        private int warmupBatches = 20_000;
        private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;
        private String incrementalChannel = MarketDataChannels.DEFAULT_INCREMENTAL_CHANNEL;
        private String snapshotChannel = MarketDataChannels.DEFAULT_SNAPSHOT_CHANNEL;
        private String publishChannel = MarketDataChannels.DEFAULT_INCREMENTAL_CHANNEL;
        private long stallTimeoutNs = TimeUnit.SECONDS.toNanos(10);

        public Config()
        {
            super(1_000_000);
        }

        /** Checks the configuration; {@link FeedBenchmark#run} calls it too. */
        public Config conclude()
        {
            concludeWorkloadPasses();
            new OpenLoop(ratePerSecond);
            if (latencyBatches < 1 || warmupBatches < 0)
            {
                throw new IllegalArgumentException(
                    "latencyBatches must be at least 1 and warmupBatches not negative: " + latencyBatches + ", " + warmupBatches);
            }
            if ((long)latencyBatches + warmupBatches > commands())
            {
                throw new IllegalArgumentException("the latency runs replay " + ((long)latencyBatches + warmupBatches) +
                    " batches, more than the " + commands() + " commands the workload has");
            }
            for (final String channel : new String[] {eventChannel, incrementalChannel, snapshotChannel, publishChannel})
            {
                ChannelUri.parse(Objects.requireNonNull(channel, "channel"));
            }
            if (stallTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("stallTimeoutNs must be positive: " + stallTimeoutNs);
            }
            return this;
        }

        @Override
        protected Config self()
        {
            return this;
        }

        /** Whether to run the throughput passes through an Aeron publication too. */
        public Config publish(final boolean publish)
        {
            this.publish = publish;
            return this;
        }

        public boolean publish()
        {
            return publish;
        }

        /** Engine batches (one command's events each) per second offered in the latency runs. */
        public Config ratePerSecond(final long ratePerSecond)
        {
            this.ratePerSecond = ratePerSecond;
            return this;
        }

        public long ratePerSecond()
        {
            return ratePerSecond;
        }

        /** Engine batches published open loop in the measured latency runs. */
        public Config latencyBatches(final int latencyBatches)
        {
            this.latencyBatches = latencyBatches;
            return this;
        }

        public int latencyBatches()
        {
            return latencyBatches;
        }

        /** Engine batches published open loop before the measured ones, not kept; 0 for none. */
        public Config warmupBatches(final int warmupBatches)
        {
            this.warmupBatches = warmupBatches;
            return this;
        }

        public int warmupBatches()
        {
            return warmupBatches;
        }

        /** The shape of the engine's event channel; UDP ports are replaced by free ones. */
        public Config eventChannel(final String eventChannel)
        {
            this.eventChannel = eventChannel;
            return this;
        }

        public String eventChannel()
        {
            return eventChannel;
        }

        /** The shape of the feed's incremental channel; UDP ports are replaced by free ones. */
        public Config incrementalChannel(final String incrementalChannel)
        {
            this.incrementalChannel = incrementalChannel;
            return this;
        }

        public String incrementalChannel()
        {
            return incrementalChannel;
        }

        /** The shape of the feed's snapshot channel; UDP ports are replaced by free ones. */
        public Config snapshotChannel(final String snapshotChannel)
        {
            this.snapshotChannel = snapshotChannel;
            return this;
        }

        public String snapshotChannel()
        {
            return snapshotChannel;
        }

        /** Where the publishing throughput passes offer the incrementals; UDP ports are replaced by free ones. */
        public Config publishChannel(final String publishChannel)
        {
            this.publishChannel = publishChannel;
            return this;
        }

        public String publishChannel()
        {
            return publishChannel;
        }

        /** How long anything may go without progress before the benchmark fails. */
        public Config stallTimeoutNs(final long stallTimeoutNs)
        {
            this.stallTimeoutNs = stallTimeoutNs;
            return this;
        }

        public long stallTimeoutNs()
        {
            return stallTimeoutNs;
        }
    }
}
