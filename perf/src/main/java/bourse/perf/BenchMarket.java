package bourse.perf;

import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.sbe.StpMode;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The market the round-trip benchmarks trade on, set up through the engine's own commands as an
 * operator's tool would: BTC and USD, instruments of BTC in USD at 64,000.00 on a tick of 0.50 in lots of
 * 0.001 BTC, and accounts funded for millions of trades. Each command is a function of its correlation id,
 * for the caller to send as it sends commands.
 */
public final class BenchMarket
{
    public static final int BTC = 1;
    public static final int USD = 2;
    public static final int BTC_SCALE = 8;
    public static final int USD_SCALE = 6;
    public static final int PRICE_SCALE = 2;
    /** 64,000.00 USD: prices have two decimals, on a tick of 0.50. */
    public static final long PRICE = 6_400_000;
    public static final long TICK = 50;
    /** 0.01 BTC: quantities have eight decimals, in lots of 0.001. */
    public static final long QUANTITY = 1_000_000;
    private static final long LOT = 100_000;
    private static final long MAX_QUANTITY = 10_000_000_000L;
    private static final int PRICE_BAND_BPS = 500;
    private static final int MAKER_FEE_PPM = 100;
    private static final int TAKER_FEE_PPM = 400;
    /** A billion USD and a million BTC each: fees of millions of trades never run them dry. */
    private static final long USD_FUNDING = 1_000_000_000L * 1_000_000L;
    private static final long BTC_FUNDING = 1_000_000L * 100_000_000L;

    private BenchMarket()
    {
    }

    /** Adds BTC and USD. */
    public static List<LongFunction<SendResult>> assets(final EngineProxy proxy)
    {
        return List.of(
            id -> proxy.addAsset(id, BTC, "BTC", BTC_SCALE),
            id -> proxy.addAsset(id, USD, "USD", USD_SCALE));
    }

    /** Adds an instrument of BTC in USD, at {@link #PRICE}, named {@code symbol}. */
    public static LongFunction<SendResult> instrument(final EngineProxy proxy, final int instrumentId, final String symbol)
    {
        return id -> proxy.addInstrument(id, instrumentId, symbol, BTC, USD, PRICE_SCALE, TICK, LOT, LOT, MAX_QUANTITY,
            PRICE_BAND_BPS, MAKER_FEE_PPM, TAKER_FEE_PPM, PRICE);
    }

    /** Creates an account and funds it in both assets. */
    public static List<LongFunction<SendResult>> fundedAccount(final EngineProxy proxy, final long accountId, final StpMode stpMode)
    {
        return List.of(
            id -> proxy.createAccount(id, accountId, stpMode),
            id -> proxy.deposit(id, accountId, USD, USD_FUNDING),
            id -> proxy.deposit(id, accountId, BTC, BTC_FUNDING));
    }

    /** {@link #PRICE} as the gateway takes it: "64000". */
    public static String priceDecimal()
    {
        return BigDecimal.valueOf(PRICE, PRICE_SCALE).stripTrailingZeros().toPlainString();
    }

    /** {@link #QUANTITY} as the gateway takes it: "0.01". */
    public static String quantityDecimal()
    {
        return BigDecimal.valueOf(QUANTITY, BTC_SCALE).stripTrailingZeros().toPlainString();
    }
}
