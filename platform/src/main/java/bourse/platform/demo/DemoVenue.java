package bourse.platform.demo;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.SyncPolicy;
import bourse.engine.service.CommandLog;
import bourse.engine.service.EngineJournals;
import bourse.engine.service.LastCorrelationIds;
import bourse.platform.view.EngineEventAdapter;
import bourse.platform.view.MarketView;
import org.agrona.CloseHelper;
import org.agrona.concurrent.CachedNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The venue of {@code bourse run}: a matching engine in this thread with the demo's assets,
 * instruments and funded accounts, optionally the simulated traders, and the views rebuilt from the
 * engine's events. Single-threaded: every method must be called from the thread that created it.
 * <p>
 * Deterministic: time is simulated (command {@code n} is stamped {@code n / commandsPerSecond} seconds
 * after the start) and the order flow comes from the seed, so a seed and a number of steps always
 * give the same engine state.
 */
public final class DemoVenue implements AutoCloseable
{
    /** A snapshot every this many commands when journaling. */
    private static final long SNAPSHOT_EVERY_COMMANDS = 1_000_000;

    private final MatchingEngine engine;
    private final EngineJournals journals;
    private final MarketView market = new MarketView();
    private final AccountsView accounts = new AccountsView();
    private final CachedNanoClock clock = new CachedNanoClock();
    private final InProcessEngineProxy proxy;
    private final SimulatedTraders traders;
    private final long nanosPerCommand;

    /**
     * @param seed              seeds the simulated traders.
     * @param commandsPerSecond the rate the traders' commands are stamped at.
     * @param withTraders       false for a quiet venue: instruments and funded accounts, no order flow.
     */
    public DemoVenue(final long seed, final long commandsPerSecond, final boolean withTraders)
    {
        this(seed, commandsPerSecond, withTraders, null);
    }

    /**
     * @param data where to journal every command and event and keep snapshots, as the engine service
     *             does (check it with {@code bourse replay verify}); it must be new or empty. Null: none.
     */
    public DemoVenue(final long seed, final long commandsPerSecond, final boolean withTraders, final DataDirectory data)
    {
        if (commandsPerSecond <= 0)
        {
            throw new IllegalArgumentException("commandsPerSecond must be positive: " + commandsPerSecond);
        }
        final EngineEventAdapter views = new EngineEventAdapter(market, accounts);
        if (data == null)
        {
            journals = null;
            engine = new MatchingEngine(new MatchingEngine.Context().eventSink(views));
        }
        else
        {
            requireNewOrEmpty(data.root());
            journals = new EngineJournals(data, SyncPolicy.NONE, SNAPSHOT_EVERY_COMMANDS, views, new LastCorrelationIds());
            engine = journals.engine();
        }
        proxy = new InProcessEngineProxy(engine, journals == null ? CommandLog.NONE : journals, clock);
        nanosPerCommand = Math.max(1, 1_000_000_000L / commandsPerSecond);
        DemoMarket.setUp(proxy);
        traders = withTraders ? new SimulatedTraders(seed, DemoMarket.INSTRUMENTS, proxy, market, accounts) : null;
    }

    /** Whether {@link #step()} has an order flow to send. */
    public boolean hasTraders()
    {
        return traders != null;
    }

    /** Sends the simulated traders' next command. */
    public void step()
    {
        if (traders == null)
        {
            throw new IllegalStateException("a venue without traders has no order flow");
        }
        clock.advance(nanosPerCommand);
        traders.step();
    }

    /** Commands applied so far, set-up included. */
    public long commandCount()
    {
        return proxy.lastSequence();
    }

    /** The market rebuilt from engine events. */
    public MarketView market()
    {
        return market;
    }

    /** The traders' accounts as learned from engine events. */
    public AccountsView accounts()
    {
        return accounts;
    }

    /** The engine's own canonical state dump (docs/rulebook.md); allocates, not for the hot path. */
    public String engineState()
    {
        return engine.dumpState();
    }

    /** Closes the journals, if any: everything sent so far is in them. */
    @Override
    public void close()
    {
        CloseHelper.close(journals);
    }

    /** Hash of {@link #engineState()}: equal for equal states. */
    public long engineStateHash()
    {
        return engine.stateHash();
    }

    /** The demo numbers its commands from 1: it cannot carry on someone else's journal. */
    private static void requireNewOrEmpty(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (Stream<Path> entries = Files.list(directory))
        {
            if (entries.findAny().isPresent())
            {
                throw new IllegalArgumentException("the data directory " + directory + " is not empty: give a new one");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + directory, ex);
        }
    }
}
