package bourse.platform.demo;

import bourse.engine.MatchingEngine;
import bourse.platform.view.EngineEventAdapter;
import bourse.platform.view.MarketView;
import org.agrona.concurrent.CachedNanoClock;

/**
 * The venue of {@code bourse run}: a matching engine in this thread with the demo's assets,
 * instruments and funded accounts, optionally the simulated traders, and the views rebuilt from the
 * engine's events. Single-threaded: every method must be called from the thread that created it.
 * <p>
 * Deterministic: time is simulated (command {@code n} is stamped {@code n / commandsPerSecond} seconds
 * after the start) and the order flow comes from the seed, so a seed and a number of steps always
 * give the same engine state.
 */
public final class DemoVenue
{
    private final MatchingEngine engine;
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
        if (commandsPerSecond <= 0)
        {
            throw new IllegalArgumentException("commandsPerSecond must be positive: " + commandsPerSecond);
        }
        engine = new MatchingEngine(new MatchingEngine.Context().eventSink(new EngineEventAdapter(market, accounts)));
        proxy = new InProcessEngineProxy(engine, clock);
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

    /** Hash of {@link #engineState()}: equal for equal states. */
    public long engineStateHash()
    {
        return engine.stateHash();
    }
}
