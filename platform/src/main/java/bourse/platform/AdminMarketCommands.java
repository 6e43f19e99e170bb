package bourse.platform;

import bourse.platform.admin.EngineAdmin;
import bourse.platform.admin.EngineAdmin.Answer;
import bourse.platform.admin.EngineAdmin.Asset;
import bourse.platform.admin.EngineAdmin.Instrument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/** {@code bourse admin}'s commands for the market: assets, instruments, halts. */
final class AdminMarketCommands
{
    private AdminMarketCommands()
    {
    }

    @Command(
        name = "add-asset",
        mixinStandardHelpOptions = true,
        description = {"Defines an asset: amounts of it are integers in units of 10^-scale.", ""})
    static final class AddAsset extends AdminCommand.AdminCall
    {
        @Option(names = "--code", paramLabel = "CODE", required = true, description = "Up to 8 letters, such as BTC.")
        String code;

        @Option(names = "--scale", paramLabel = "DECIMALS", required = true, description = "Decimals of an amount, 0 to 18.")
        int scale;

        @Option(names = "--id", paramLabel = "ID", description = "The asset id (default: the next after the highest).")
        Integer assetId;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            if (!code.matches("[A-Za-z0-9]{1,8}"))
            {
                throw new ParameterException(spec.commandLine(), "--code: 1 to 8 letters or digits, not '" + code + "'");
            }
            final Asset existing = admin.assets().get(code.toUpperCase(Locale.ROOT));
            if (existing != null)
            {
                throw new ParameterException(spec.commandLine(), "--code: the engine has " + existing.code() +
                    " already, asset " + existing.assetId());
            }
            final int id = assetId != null ? assetId : admin.nextAssetId();
            final Answer answer = admin.addAsset(id, code.toUpperCase(Locale.ROOT), scale);
            if (!answer.accepted())
            {
                return refused("asset " + code, answer);
            }
            out.println("Asset " + id + " " + code.toUpperCase(Locale.ROOT) + " added, " + scale + " decimals.");
            out.flush();
            return 0;
        }
    }

    @Command(
        name = "add-instrument",
        mixinStandardHelpOptions = true,
        description = {
            "Defines an instrument and opens it for trading.",
            "",
            "  bourse admin add-instrument --engine-data DIR --symbol BTC-USD --base BTC --quote USD \\",
            "      --price-scale 2 --tick 0.5 --lot 0.001 --min 0.001 --max 100 --reference-price 64000",
            ""})
    static final class AddInstrument extends AdminCommand.AdminCall
    {
        /** The engine's ceiling on a fee: 10 % of the notional. */
        private static final int MAX_FEE_PPM = 100_000;

        @Option(names = "--symbol", paramLabel = "SYMBOL", required = true, description = "Up to 16 characters, such as BTC-USD.")
        String symbol;

        @Option(names = "--base", paramLabel = "ASSET", required = true, description = "The asset bought and sold.")
        String base;

        @Option(names = "--quote", paramLabel = "ASSET", required = true, description = "The asset prices are in.")
        String quote;

        @Option(names = "--price-scale", paramLabel = "DECIMALS", required = true, description = "Decimals of a price.")
        int priceScale;

        @Option(names = "--tick", paramLabel = "PRICE", required = true, description = "Prices are multiples of this.")
        String tick;

        @Option(names = "--lot", paramLabel = "QUANTITY", required = true, description = "Quantities are multiples of this.")
        String lot;

        @Option(names = "--min", paramLabel = "QUANTITY", description = "The smallest order (default: one lot).")
        String minQuantity;

        @Option(names = "--max", paramLabel = "QUANTITY", required = true, description = "The largest order.")
        String maxQuantity;

        @Option(names = "--reference-price", paramLabel = "PRICE", required = true,
            description = "The price the band is around until the first trade.")
        String referencePrice;

        @Option(names = "--band-bps", paramLabel = "BPS", defaultValue = "500",
            description = "Limit prices further than this from the last trade are refused (default: ${DEFAULT-VALUE}).")
        int priceBandBps;

        @Option(names = "--maker-fee-bps", paramLabel = "BPS", defaultValue = "1",
            description = "Fee of the resting side, in basis points of the notional (default: ${DEFAULT-VALUE}).")
        String makerFeeBps;

        @Option(names = "--taker-fee-bps", paramLabel = "BPS", defaultValue = "4",
            description = "Fee of the incoming side, in basis points of the notional (default: ${DEFAULT-VALUE}).")
        String takerFeeBps;

        @Option(names = "--id", paramLabel = "ID", description = "The instrument id (default: the next after the highest).")
        Integer instrumentId;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            if (admin.instruments().containsKey(symbol))
            {
                throw new ParameterException(spec.commandLine(), "--symbol: the engine has " + symbol + " already");
            }
            final Asset baseAsset = asset(admin, "--base", base);
            final Asset quoteAsset = asset(admin, "--quote", quote);
            final long lotSize = units("--lot", lot, baseAsset.scale());
            requireWholeQuoteUnits(quoteAsset);
            final int id = instrumentId != null ? instrumentId : admin.nextInstrumentId();
            final Answer answer = admin.addInstrument(id, symbol, baseAsset, quoteAsset, priceScale,
                units("--tick", tick, priceScale), lotSize,
                minQuantity == null ? lotSize : units("--min", minQuantity, baseAsset.scale()),
                units("--max", maxQuantity, baseAsset.scale()), priceBandBps,
                feePpm("--maker-fee-bps", makerFeeBps), feePpm("--taker-fee-bps", takerFeeBps),
                units("--reference-price", referencePrice, priceScale));
            if (!answer.accepted())
            {
                return refused("instrument " + symbol, answer);
            }
            out.println("Instrument " + id + " " + symbol + " added: " + baseAsset.code() + " in " + quoteAsset.code() +
                ", tick " + tick + ", lot " + lot + ".");
            out.flush();
            return 0;
        }

        /**
         * The engine counts money in the quote asset's smallest unit, so one tick on one lot must be a whole
         * number of them (docs/rulebook.md, AddInstrument): say so here rather than as INVALID_INSTRUMENT.
         */
        private void requireWholeQuoteUnits(final Asset quoteAsset)
        {
            final BigDecimal tickLot = new BigDecimal(tick).multiply(new BigDecimal(lot));
            final BigDecimal smallest = BigDecimal.ONE.movePointLeft(quoteAsset.scale());
            if (tickLot.compareTo(smallest) < 0 || tickLot.stripTrailingZeros().scale() > quoteAsset.scale())
            {
                throw new ParameterException(spec.commandLine(), "--tick × --lot must be a whole number of " +
                    smallest.toPlainString() + " " + quoteAsset.code() + " (" + quoteAsset.code() + " has " +
                    quoteAsset.scale() + " decimals), not " + tick + " × " + lot + " = " + tickLot.stripTrailingZeros().toPlainString());
            }
        }

        /** Basis points with up to two decimals, as the engine's parts per million: 1 bp is 100 ppm. */
        private int feePpm(final String option, final String bps)
        {
            final long ppm = units(option, bps, 2, true);
            if (ppm > MAX_FEE_PPM)
            {
                throw new ParameterException(spec.commandLine(), option + ": at most 1000 (10 %), not " + bps);
            }
            return (int)ppm;
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true,
        description = {"Halts trading in an instrument: new orders are refused, cancels still work.", ""})
    static final class Halt extends AdminCommand.AdminCall
    {
        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "The instrument.")
        String symbol;

        @Option(names = "--cancel-orders", description = "Also cancel every resting order of the instrument.")
        boolean cancelOrders;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            final Answer answer = admin.haltInstrument(instrument(admin, symbol).instrumentId(), cancelOrders);
            if (!answer.accepted())
            {
                return refused("the halt of " + symbol, answer);
            }
            out.println(symbol + " halted" + (cancelOrders ? ", its orders cancelled." : "."));
            out.flush();
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = {"Resumes trading in a halted instrument.", ""})
    static final class Resume extends AdminCommand.AdminCall
    {
        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "The instrument.")
        String symbol;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            final Answer answer = admin.resumeInstrument(instrument(admin, symbol).instrumentId());
            if (!answer.accepted())
            {
                return refused("the resumption of " + symbol, answer);
            }
            out.println(symbol + " trading again.");
            out.flush();
            return 0;
        }
    }
}
