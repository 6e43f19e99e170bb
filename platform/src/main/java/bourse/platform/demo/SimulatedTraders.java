package bourse.platform.demo;

import bourse.platform.view.MarketView;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's order flow: market makers, takers and a treasury driven by one seeded random generator,
 * so that the same seed always makes the same decisions from the same market. Every {@link #step()}
 * sends one command, unless the engine is back-pressured.
 */
final class SimulatedTraders
{
    /** On average the fair price of one instrument moves one step every this many commands. */
    private static final int FAIR_PRICE_WALK_ONE_IN = 64;
    private static final int TREASURY_CHECK_EVERY = 1_024;
    private static final int MARKET_MAKER_PERCENT = 55;
    private static final int MAKER_ATTEMPTS = 8;

    private final SplittableRandom random;
    private final MarketView market;
    private final FairPrice[] fairPrices;
    private final MarketMaker[] marketMakers;
    private final Taker[] takers;
    private final Treasury treasury;
    private long steps;

    SimulatedTraders(
        final long seed,
        final List<InstrumentSpec> instruments,
        final TraderClient engine,
        final MarketView market,
        final AccountsView accounts)
    {
        this.random = new SplittableRandom(seed);
        this.market = market;
        this.fairPrices = instruments.stream().map(FairPrice::new).toArray(FairPrice[]::new);
        this.marketMakers = new MarketMaker[DemoMarket.MARKET_MAKER_ACCOUNTS.length];
        for (int i = 0; i < marketMakers.length; i++)
        {
            // Alternate makers quote one step further out, so levels hold several makers' orders.
            marketMakers[i] = new MarketMaker(DemoMarket.MARKET_MAKER_ACCOUNTS[i], i % 2, fairPrices.length, engine, accounts);
        }
        this.takers = new Taker[DemoMarket.TAKER_ACCOUNTS.length];
        for (int i = 0; i < takers.length; i++)
        {
            takers[i] = new Taker(DemoMarket.TAKER_ACCOUNTS[i], engine, accounts);
        }
        this.treasury = new Treasury(engine, accounts, DemoMarket.allAccounts());
    }

    /** Sends the next command of the flow. */
    void step()
    {
        steps++;
        if (random.nextInt(FAIR_PRICE_WALK_ONE_IN) == 0)
        {
            fairPrices[random.nextInt(fairPrices.length)].walk(random);
        }
        if (steps % TREASURY_CHECK_EVERY == 0 && treasury.topUpOne())
        {
            return;
        }
        final int instrumentIndex = random.nextInt(fairPrices.length);
        final FairPrice fair = fairPrices[instrumentIndex];
        if (random.nextInt(100) < MARKET_MAKER_PERCENT)
        {
            // A maker with nothing to do on the rung it picked (its order there is unanswered) tries
            // another, so the books keep their makers' share of the flow while answers are on their way.
            for (int attempt = 0; attempt < MAKER_ATTEMPTS; attempt++)
            {
                if (marketMakers[random.nextInt(marketMakers.length)].act(random, instrumentIndex, fair))
                {
                    return;
                }
            }
        }
        takers[random.nextInt(takers.length)].act(random, fair, market.instrument(fair.instrument().instrumentId()));
    }
}
