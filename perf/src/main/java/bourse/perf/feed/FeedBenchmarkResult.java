package bourse.perf.feed;

import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataStreams;
import bourse.perf.BenchmarkResult;
import bourse.perf.LatencyPercentiles;
import bourse.perf.MachineInfo;
import bourse.perf.engine.EngineBenchmark;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The outcome of a {@link FeedBenchmark} run: engine events per second through the feed's derivation
 * and encoding (and through an Aeron publication too, when run), the latency from an engine batch's
 * scheduled time to the client's book update with its two legs, what the replayed stream holds, what
 * the client and feed counted, how it was set up, and where it ran.
 */
public final class FeedBenchmarkResult extends BenchmarkResult
{
    private static final String MEDIA_DRIVER = "embedded, SHARED threading, backoff idle";

    private final FeedBenchmark.Config config;
    private final EngineEventStream.Totals totals;
    private final double[] derivePassesEventsPerSec;
    private final double[] publishPassesEventsPerSec;
    private final long publishBackPressure;
    private final String eventChannel;
    private final MarketDataStreams streams;
    private final String publishChannel;
    private final FeedLatency.Percentiles latency;
    private final FeedBenchmark.ClientCounts counts;

    FeedBenchmarkResult(
        final FeedBenchmark.Config config,
        final EngineEventStream.Totals totals,
        final double[] derivePassesEventsPerSec,
        final double[] publishPassesEventsPerSec,
        final long publishBackPressure,
        final String eventChannel,
        final MarketDataStreams streams,
        final String publishChannel,
        final FeedLatency.Percentiles latency,
        final FeedBenchmark.ClientCounts counts,
        final MachineInfo machine)
    {
        super("feed", machine);
        this.config = config;
        this.totals = totals;
        this.derivePassesEventsPerSec = derivePassesEventsPerSec.clone();
        this.publishPassesEventsPerSec = publishPassesEventsPerSec.clone();
        this.publishBackPressure = publishBackPressure;
        this.eventChannel = eventChannel;
        this.streams = streams;
        this.publishChannel = publishChannel;
        this.latency = latency;
        this.counts = counts;
    }

    /** Engine events per second derived and encoded on one thread: the median of the measured passes. */
    public double throughputEventsPerSec()
    {
        return EngineBenchmark.median(derivePassesEventsPerSec);
    }

    /** The same with every incremental offered to an Aeron publication and taken by a subscriber; 0 when not run. */
    public double publishedThroughputEventsPerSec()
    {
        return publishPassesEventsPerSec.length == 0 ? 0 : EngineBenchmark.median(publishPassesEventsPerSec);
    }

    /** From each engine batch's scheduled time to the client's book update showing it, open loop. */
    public LatencyPercentiles latency()
    {
        return latency.fromScheduled();
    }

    @Override
    protected void putFields(final ObjectNode root)
    {
        root.put("throughputEventsPerSec", Math.round(throughputEventsPerSec()));
        putPercentiles(root.putObject("latencyNs"), latency());
        if (publishPassesEventsPerSec.length > 0)
        {
            root.put("publishedThroughputEventsPerSec", Math.round(publishedThroughputEventsPerSec()));
        }
        root.put("targetEventsPerSec", FeedBenchmark.TARGET_EVENTS_PER_SEC);
        putPasses(root.putArray("passesEventsPerSec"), derivePassesEventsPerSec);
        putPasses(root.putArray("publishedPassesEventsPerSec"), publishPassesEventsPerSec);
        final ObjectNode legs = root.putObject("legsNs");
        putPercentiles(legs.putObject("publishLate"), latency.publishLate());
        putPercentiles(legs.putObject("fromPublished"), latency.fromPublished());
        root.put("batches", totals.batches());
        root.put("events", totals.events());
        root.put("appliedEvents", totals.appliedEvents());
        root.put("incrementals", totals.incrementals());
        root.put("incrementalBytes", totals.incrementalBytes());
        root.put("commands", config.commands());
        root.put("seed", config.seed());
        root.put("warmupPasses", config.warmupPasses());
        root.put("measuredPasses", config.measuredPasses());
        root.put("offeredRatePerSecond", config.ratePerSecond());
        root.put("latencyBatches", config.latencyBatches());
        root.put("measuredBatches", latency().count());
        root.put("warmupBatches", config.warmupBatches());
        root.put("eventChannel", eventChannel);
        root.put("incrementalChannel", streams.incrementalChannel());
        root.put("snapshotChannel", streams.snapshotChannel());
        root.put("publishChannel", publishChannel);
        root.put("mediaDriver", MEDIA_DRIVER);
        root.put("idleStrategy", SmallMachineAeron.backoffIdleStrategy().toString());
        root.put("publishBackPressure", publishBackPressure);
        final ObjectNode client = root.putObject("client");
        client.put("incrementals", counts.incrementals());
        client.put("missedIncrementals", counts.missedIncrementals());
        client.put("instrumentGaps", counts.instrumentGaps());
        client.put("checksumsVerified", counts.checksumsVerified());
        client.put("checksumMismatches", counts.checksumMismatches());
        root.put("feedBackPressure", counts.feedBackPressure());
        root.put("feedEventStreamPauses", counts.feedEventStreamPauses());
    }

    private static void putPasses(final ArrayNode array, final double[] passes)
    {
        for (final double pass : passes)
        {
            array.add(Math.round(pass));
        }
    }

    @Override
    protected String title()
    {
        return "Bourse market-data feed benchmark (the engine's events for the exchange-core mix, replayed into the feed)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT,
            "stream      %,d commands, seed %d: %,d engine events (%,d the feed applies), %,d incrementals, %,d bytes%n",
            config.commands(), config.seed(), totals.events(), totals.appliedEvents(), totals.incrementals(),
            totals.incrementalBytes()));
        text.append(String.format(Locale.ROOT, "throughput  %,.0f engine events/s derived and encoded on one thread (target %,d)%n",
            throughputEventsPerSec(), FeedBenchmark.TARGET_EVENTS_PER_SEC));
        appendPasses(text, derivePassesEventsPerSec);
        if (publishPassesEventsPerSec.length > 0)
        {
            text.append(String.format(Locale.ROOT, "            %,.0f engine events/s with every incremental published on %s%n",
                publishedThroughputEventsPerSec(), publishChannel));
            appendPasses(text, publishPassesEventsPerSec);
        }
        text.append(String.format(Locale.ROOT, "feed        events %s; %s; driver %s%n", eventChannel, streams, MEDIA_DRIVER));
        text.append(String.format(Locale.ROOT,
            "latency     open loop at %,d batches/s, %,d batches; ns from each one's scheduled time to the client's book update%n",
            config.ratePerSecond(), latency().count()));
        appendPercentilesHeader(text, "");
        appendPercentilesRow(text, "book update", latency());
        appendPercentilesRow(text, "published late", latency.publishLate());
        appendPercentilesRow(text, "to the book", latency.fromPublished());
        text.append(String.format(Locale.ROOT,
            "client      %,d incrementals, %,d missed, %,d gaps, %,d checksums verified, %,d mismatched; feed back-pressured %,d times%n",
            counts.incrementals(), counts.missedIncrementals(), counts.instrumentGaps(), counts.checksumsVerified(),
            counts.checksumMismatches(), counts.feedBackPressure()));
    }

    private static void appendPasses(final StringBuilder text, final double[] passes)
    {
        text.append(String.format(Locale.ROOT, "            (median of %d passes:", passes.length));
        for (final double pass : passes)
        {
            text.append(String.format(Locale.ROOT, " %,.0f", pass));
        }
        text.append(")\n");
    }
}
