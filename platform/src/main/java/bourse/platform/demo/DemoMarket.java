package bourse.platform.demo;

import java.util.List;

/**
 * The demo venue's reference data: three assets, two instruments and the simulated traders' accounts.
 * <p>
 * USD is counted in micro-dollars (scale 6) rather than cents so that one tick times one lot is a whole
 * number of minor units for both instruments (BTC-USD: 0.50 × 0.001 BTC = 500 µUSD; ETH-USD:
 * 0.01 × 0.01 ETH = 100 µUSD) and fees on small trades are not rounded away.
 */
final class DemoMarket
{
    static final int BTC = 1;
    static final int ETH = 2;
    static final int USD = 3;

    static final List<AssetSpec> ASSETS = List.of(
        new AssetSpec(BTC, "BTC", 8, 1_000L * 100_000_000L),
        new AssetSpec(ETH, "ETH", 8, 10_000L * 100_000_000L),
        new AssetSpec(USD, "USD", 6, 100_000_000L * 1_000_000L));

    static final List<InstrumentSpec> INSTRUMENTS = List.of(
        // 64,000.00 USD per BTC; tick 0.50 USD; lot 0.001 BTC up to 100 BTC; band ±5%; fees 1 bp maker, 4 bp taker.
        new InstrumentSpec(1, "BTC-USD", BTC, USD, 2, 50, 100_000, 100_000, 10_000_000_000L, 500, 100, 400, 6_400_000, 1),
        // 3,200.00 USD per ETH; tick 0.01 USD; lot 0.01 ETH up to 1,000 ETH; the demo quotes in steps of 0.05.
        new InstrumentSpec(2, "ETH-USD", ETH, USD, 2, 1, 1_000_000, 1_000_000, 100_000_000_000L, 500, 100, 400, 320_000, 5));

    /** The account of the person watching, who trades through the gRPC gateway with its API key. */
    static final long USER_ACCOUNT = 100;

    /** Market makers quote both instruments; takers cross the spread, and place and cancel stops. */
    static final long[] MARKET_MAKER_ACCOUNTS = {1, 2, 3, 4};
    static final long[] TAKER_ACCOUNTS = {11, 12, 13, 14, 15, 16, 17, 18};

    private DemoMarket()
    {
    }

    /**
     * Sends the commands that announce assets and instruments, and open and fund every account; with a
     * user key hash, also the {@link #USER_ACCOUNT} with that API key.
     */
    static void setUp(final TraderClient engine, final byte[] userKeyHash)
    {
        for (final AssetSpec asset : ASSETS)
        {
            requireSent(engine.addAsset(asset));
        }
        for (final InstrumentSpec instrument : INSTRUMENTS)
        {
            requireSent(engine.addInstrument(instrument));
        }
        if (userKeyHash != null)
        {
            openAccount(engine, USER_ACCOUNT);
            requireSent(engine.createApiKey(USER_ACCOUNT, userKeyHash));
        }
        for (final long accountId : allAccounts())
        {
            openAccount(engine, accountId);
        }
    }

    /** How many commands {@link #setUp} sends. */
    static int setUpCommandCount(final boolean withUser)
    {
        final int perAccount = 1 + ASSETS.size();
        return ASSETS.size() + INSTRUMENTS.size() + allAccounts().length * perAccount + (withUser ? perAccount + 1 : 0);
    }

    private static void openAccount(final TraderClient engine, final long accountId)
    {
        requireSent(engine.createAccount(accountId));
        for (final AssetSpec asset : ASSETS)
        {
            requireSent(engine.deposit(accountId, asset.assetId(), asset.fundingPerAccount()));
        }
    }

    private static void requireSent(final long correlationId)
    {
        if (correlationId == TraderClient.NOT_SENT)
        {
            throw new IllegalStateException("the engine service could not take the demo's set-up commands");
        }
    }

    static long[] allAccounts()
    {
        final long[] accounts = new long[MARKET_MAKER_ACCOUNTS.length + TAKER_ACCOUNTS.length];
        System.arraycopy(MARKET_MAKER_ACCOUNTS, 0, accounts, 0, MARKET_MAKER_ACCOUNTS.length);
        System.arraycopy(TAKER_ACCOUNTS, 0, accounts, MARKET_MAKER_ACCOUNTS.length, TAKER_ACCOUNTS.length);
        return accounts;
    }
}
