package bourse.engine.testing;

import bourse.engine.MatchingEngine;
import bourse.sbe.StpMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An engine under test plus everything it said: each command's events and all events so far, as
 * {@link EngineEvent} values. Setup helpers build the usual little market (BTC scale 8, USD scale 2, BTC-USD
 * priced in cents per BTC with tick 1 USD and lot 0.01 BTC, so one tick times one lot is 1 cent) and fail the
 * test at once if any setup command is rejected.
 * <pre>{@code
 * TestVenue venue = TestVenue.matchingEngine().withBtcUsd().withAccount(1).withDeposit(1, TestVenue.USD, 1_000_000);
 * List<EngineEvent> events = venue.submit(Commands.newOrder().account(1).buy().limit(3_000_000).quantity(2_000_000));
 * }</pre>
 */
public final class TestVenue
{
    public static final int BTC = 1;
    public static final int USD = 2;
    public static final int BTC_USD = 1;
    /** BTC-USD reference price: 30 000.00 USD per BTC, in cents. */
    public static final long BTC_USD_REFERENCE_PRICE = 3_000_000;
    /** BTC-USD tick: 1 USD in cents. */
    public static final long BTC_USD_TICK = 100;
    /** BTC-USD lot: 0.01 BTC in satoshi. */
    public static final long BTC_USD_LOT = 1_000_000;

    /** What a venue drives: the real engine, or the reference engine. */
    public interface Engine
    {
        List<EngineEvent> onCommand(Command command);

        String dumpState();
    }

    private final Engine engine;
    private final List<List<EngineEvent>> eventsPerCommand = new ArrayList<>();
    private final List<EngineEvent> allEvents = new ArrayList<>();
    private long sequence;

    private TestVenue(final Engine engine)
    {
        this.engine = engine;
    }

    /** A venue over a fresh real {@link MatchingEngine} allowing 1000 open orders per account. */
    public static TestVenue matchingEngine()
    {
        return matchingEngine(1_000);
    }

    public static TestVenue matchingEngine(final int maxOpenOrdersPerAccount)
    {
        return new TestVenue(new RealEngine(maxOpenOrdersPerAccount));
    }

    public static TestVenue over(final Engine engine)
    {
        return new TestVenue(engine);
    }

    /** Numbers the command with the venue's next sequence unless it has its own, submits it, returns its events. */
    public List<EngineEvent> submit(final Commands.Builder<?> command)
    {
        return submit(command.build(++sequence));
    }

    public List<EngineEvent> submit(final Command command)
    {
        final List<EngineEvent> events = List.copyOf(engine.onCommand(command));
        eventsPerCommand.add(events);
        allEvents.addAll(events);
        return events;
    }

    public TestVenue withBtcUsd()
    {
        setup(Commands.addAsset().asset(BTC).code("BTC").scale(8));
        setup(Commands.addAsset().asset(USD).code("USD").scale(2));
        setup(Commands.addInstrument().instrument(BTC_USD).symbol("BTC-USD").base(BTC).quote(USD)
            .priceScale(2).tickSize(BTC_USD_TICK).lotSize(BTC_USD_LOT)
            .minQuantity(BTC_USD_LOT).maxQuantity(1_000 * BTC_USD_LOT)
            .bandBps(1_000).makerFeePpm(1_000).takerFeePpm(2_000).referencePrice(BTC_USD_REFERENCE_PRICE));
        return this;
    }

    public TestVenue withAccount(final long accountId)
    {
        return withAccount(accountId, StpMode.ACCOUNT_DEFAULT);
    }

    public TestVenue withAccount(final long accountId, final StpMode stpMode)
    {
        setup(Commands.createAccount().account(accountId).stp(stpMode));
        return this;
    }

    public TestVenue withDeposit(final long accountId, final int assetId, final long amount)
    {
        setup(Commands.deposit().account(accountId).asset(assetId).amount(amount));
        return this;
    }

    /** Submits a setup command, failing loudly when the engine rejects it. */
    public List<EngineEvent> setup(final Commands.Builder<?> command)
    {
        final List<EngineEvent> events = submit(command);
        for (final EngineEvent event : events)
        {
            if (event instanceof EngineEvent.CommandRejected)
            {
                throw new IllegalStateException("setup command " + command + " was rejected: " + event);
            }
        }
        return events;
    }

    /** The events of the last command submitted. */
    public List<EngineEvent> lastEvents()
    {
        return eventsPerCommand.isEmpty() ? List.of() : eventsPerCommand.get(eventsPerCommand.size() - 1);
    }

    public List<EngineEvent> allEvents()
    {
        return Collections.unmodifiableList(allEvents);
    }

    public List<List<EngineEvent>> eventsPerCommand()
    {
        return Collections.unmodifiableList(eventsPerCommand);
    }

    public String dumpState()
    {
        return engine.dumpState();
    }

    public Engine engine()
    {
        return engine;
    }

    /** The real engine, with its batches decoded while the sink's buffer is still valid. */
    public static final class RealEngine implements Engine
    {
        private final MatchingEngine engine;
        private List<EngineEvent> batch;

        public RealEngine(final int maxOpenOrdersPerAccount)
        {
            engine = new MatchingEngine(new MatchingEngine.Context()
                .eventSink(this::onEvents)
                .maxOpenOrdersPerAccount(maxOpenOrdersPerAccount));
        }

        @Override
        public List<EngineEvent> onCommand(final Command command)
        {
            batch = null;
            engine.onCommand(command.buffer(), command.offset(), command.length());
            if (batch == null)
            {
                throw new IllegalStateException("the engine did not call its event sink for " + command);
            }
            return batch;
        }

        @Override
        public String dumpState()
        {
            return engine.dumpState();
        }

        private void onEvents(final org.agrona.DirectBuffer buffer, final int offset, final int length)
        {
            if (batch != null)
            {
                throw new IllegalStateException("the engine called its event sink twice for one command");
            }
            batch = EventDecoding.decode(buffer, offset, length);
        }

        public MatchingEngine matchingEngine()
        {
            return engine;
        }
    }
}
