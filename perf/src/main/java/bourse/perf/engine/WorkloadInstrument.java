package bourse.perf.engine;

/**
 * The one market the workload trades: BTC-USD priced in cents per BTC, tick 1 USD, lot 0.01 BTC (so a
 * tick times a lot is one cent), fees and a price band as a real venue would set them.
 */
final class WorkloadInstrument
{
    static final int BASE_ASSET_ID = 1;
    static final String BASE_ASSET_CODE = "BTC";
    static final int BASE_ASSET_SCALE = 8;
    static final int QUOTE_ASSET_ID = 2;
    static final String QUOTE_ASSET_CODE = "USD";
    static final int QUOTE_ASSET_SCALE = 2;

    static final int INSTRUMENT_ID = 1;
    static final String SYMBOL = "BTC-USD";
    static final int PRICE_SCALE = 2;
    /** 1 USD in cents. */
    static final long TICK_SIZE = 100;
    /** 0.01 BTC in satoshi. */
    static final long LOT_SIZE = 1_000_000;
    /** Large enough that an aggressive order sweeping a whole level is never refused for size. */
    static final long MAX_LOTS = 100_000;
    /** 10 %: wide enough that no price the workload uses is ever outside the band. */
    static final int PRICE_BAND_BPS = 1_000;
    static final int MAKER_FEE_PPM = 1_000;
    static final int TAKER_FEE_PPM = 2_000;
    /** 30 000 USD: the reference price, and the fixed middle the workload's prices are placed around. */
    static final long MID_PRICE = 3_000_000;

    private WorkloadInstrument()
    {
    }
}
