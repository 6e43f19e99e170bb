package bourse.engine.reference;

import bourse.engine.testing.Commands;
import bourse.sbe.AddInstrumentEncoder;
import bourse.sbe.CancelOrderEncoder;
import bourse.sbe.CreateApiKeyEncoder;
import bourse.sbe.NewOrderEncoder;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random command streams for the venue that {@link #setup()} builds: six instruments (three ordinary ones, one
 * whose prices sit near the top of the long range, one with awkward numbers for rounding, one whose quantities
 * do), eight trading accounts with every STP mode (two of them poor) and an API key each, and a vault account that
 * never trades.
 * Prices gather a few ticks around each reference price so that books cross, stops wait a few ticks beyond the
 * last price so that they trigger, cancels and amends mostly aim at orders that are open, and a minority of
 * commands are malformed on purpose, one rule at a time.
 */
final class CommandStreams
{
    static final int BTC = 1;
    static final int USD = 2;
    static final int ETH = 3;
    static final int EUR = 4;
    static final int GRAIN = 5;
    /** An account that holds a little of everything and never trades: deposits to it can overflow safely. */
    static final long VAULT = 9;
    static final long UNKNOWN_ACCOUNT = 99;
    static final int UNKNOWN_INSTRUMENT = 77;

    /** What the generators need to know of an instrument to aim near its prices and on its lot. */
    record Spec(int instrumentId, long tickSize, long lotSize, long minQuantity, long maxQuantity, long referencePrice)
    {
        long price(final int ticksFromReference)
        {
            return referencePrice + ticksFromReference * tickSize;
        }

        long lots(final long count)
        {
            return count * lotSize;
        }

        String clientOrderId(final char slot)
        {
            return "" + instrumentId + slot;
        }
    }

    static final Spec BTC_USD = new Spec(1, 100, 1_000_000, 1_000_000, 1_000_000_000, 3_000_000);
    static final Spec ETH_USD = new Spec(2, 100, 100_000, 200_000, 5_000_000, 200_000);
    static final Spec ETH_BTC = new Spec(3, 1, 100_000, 100_000, 10_000_000, 6_667);
    /** The band reaches past Long.MAX_VALUE and a few thousand lots are too large a notional. */
    static final Spec XXL = new Spec(4, 10_000, 1, 1, 1_000_000, 5_000_000_000_000_000_000L);
    /** Awkward numbers for rounding: a tick of 7, seven quote units per tick and lot, fees of 9.9999% and 0.0333%. */
    static final Spec ODD = new Spec(5, 7, 1_000_000, 1_000_000, 100_000_000, 149_996);
    /** Lots of 10^18 units: bids cost cents but their quantities add up past Long.MAX_VALUE. */
    static final Spec GRAIN_USD = new Spec(6, 1, 1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L,
        9_000_000_000_000_000_000L, 500);
    private static final List<Spec> SPECS = List.of(BTC_USD, ETH_USD, ETH_BTC, XXL, ODD, GRAIN_USD);

    /** Limit prices within this many ticks of the reference price meet the other side; further ones wait. */
    private static final int NEAR_TICKS = 6;
    private static final Long[] TRADERS = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L};
    private static final StpMode[] TRADER_STP_MODES = {
        StpMode.ACCOUNT_DEFAULT, StpMode.CANCEL_NEWEST, StpMode.CANCEL_OLDEST,
        StpMode.CANCEL_BOTH, StpMode.ACCOUNT_DEFAULT, StpMode.CANCEL_OLDEST,
        StpMode.CANCEL_NEWEST, StpMode.CANCEL_BOTH};
    /** The last two traders are poor: they run out of funds, so budgets and balance checks bite. */
    private static final int RICH_TRADERS = 6;

    private CommandStreams()
    {
    }

    /** A generated stream: the engine configuration it runs under and its commands, after {@link #setup()}. */
    record Scenario(int maxOpenOrdersPerAccount, List<Step> steps)
    {
        /** The venue setup as steps, then this scenario's steps: what runs, in order. */
        List<Step> withSetup()
        {
            final List<Step> all = new ArrayList<>();
            setup().forEach(command -> all.add(new Step.Fixed(command)));
            all.addAll(steps);
            return all;
        }

        @Override
        public String toString()
        {
            final StringBuilder text = new StringBuilder("Scenario maxOpenOrdersPerAccount=")
                .append(maxOpenOrdersPerAccount).append(", ").append(steps.size()).append(" steps after setup:");
            for (int i = 0; i < steps.size(); i++)
            {
                text.append("\n  #").append(i).append(' ').append(steps.get(i));
            }
            return text.toString();
        }
    }

    static Spec spec(final int instrumentId)
    {
        return SPECS.stream()
            .filter(spec -> spec.instrumentId() == instrumentId)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no generated orders on instrument " + instrumentId));
    }

    /** Assets, instruments, accounts and their funds; every command here is valid. */
    static List<Commands.Builder<?>> setup()
    {
        final List<Commands.Builder<?>> setup = new ArrayList<>();
        setup.add(Commands.addAsset().asset(BTC).code("BTC").scale(8));
        setup.add(Commands.addAsset().asset(USD).code("USD").scale(2));
        setup.add(Commands.addAsset().asset(ETH).code("ETH").scale(6));
        setup.add(Commands.addAsset().asset(EUR).code("EUR").scale(2));
        setup.add(Commands.addAsset().asset(GRAIN).code("GRAIN").scale(18));
        setup.add(Commands.addInstrument().instrument(BTC_USD.instrumentId()).symbol("BTC-USD").base(BTC).quote(USD)
            .priceScale(2).tickSize(BTC_USD.tickSize()).lotSize(BTC_USD.lotSize())
            .minQuantity(BTC_USD.minQuantity()).maxQuantity(BTC_USD.maxQuantity())
            .bandBps(1_000).makerFeePpm(1_000).takerFeePpm(2_000).referencePrice(BTC_USD.referencePrice()));
        setup.add(Commands.addInstrument().instrument(ETH_USD.instrumentId()).symbol("ETH-USD").base(ETH).quote(USD)
            .priceScale(2).tickSize(ETH_USD.tickSize()).lotSize(ETH_USD.lotSize())
            .minQuantity(ETH_USD.minQuantity()).maxQuantity(ETH_USD.maxQuantity())
            .bandBps(20).makerFeePpm(2_500).takerFeePpm(500).referencePrice(ETH_USD.referencePrice()));
        setup.add(Commands.addInstrument().instrument(ETH_BTC.instrumentId()).symbol("ETH-BTC").base(ETH).quote(BTC)
            .priceScale(5).tickSize(ETH_BTC.tickSize()).lotSize(ETH_BTC.lotSize())
            .minQuantity(ETH_BTC.minQuantity()).maxQuantity(ETH_BTC.maxQuantity())
            .bandBps(300).makerFeePpm(0).takerFeePpm(3_000).referencePrice(ETH_BTC.referencePrice()));
        setup.add(Commands.addInstrument().instrument(XXL.instrumentId()).symbol("ETH-EUR-XXL").base(ETH).quote(EUR)
            .priceScale(0).tickSize(XXL.tickSize()).lotSize(XXL.lotSize())
            .minQuantity(XXL.minQuantity()).maxQuantity(XXL.maxQuantity())
            .bandBps(10_000).makerFeePpm(100).takerFeePpm(100).referencePrice(XXL.referencePrice()));
        setup.add(Commands.addInstrument().instrument(ODD.instrumentId()).symbol("BTC-ETH-ODD").base(BTC).quote(ETH)
            .priceScale(4).tickSize(ODD.tickSize()).lotSize(ODD.lotSize())
            .minQuantity(ODD.minQuantity()).maxQuantity(ODD.maxQuantity())
            .bandBps(2_000).makerFeePpm(99_999).takerFeePpm(333).referencePrice(ODD.referencePrice()));
        setup.add(Commands.addInstrument().instrument(GRAIN_USD.instrumentId()).symbol("GRAIN-USD").base(GRAIN)
            .quote(USD).priceScale(2).tickSize(GRAIN_USD.tickSize()).lotSize(GRAIN_USD.lotSize())
            .minQuantity(GRAIN_USD.minQuantity()).maxQuantity(GRAIN_USD.maxQuantity())
            .bandBps(1_000).makerFeePpm(1_000).takerFeePpm(1_000).referencePrice(GRAIN_USD.referencePrice()));
        for (int i = 0; i < TRADERS.length; i++)
        {
            final long account = TRADERS[i];
            final boolean rich = i < RICH_TRADERS;
            setup.add(Commands.createAccount().account(account).stp(TRADER_STP_MODES[i]));
            setup.add(Commands.deposit().account(account).asset(BTC).amount(rich ? 2_000_000_000L : 5_000_000L));
            setup.add(Commands.deposit().account(account).asset(USD).amount(rich ? 50_000_000L : 100_000L));
            setup.add(Commands.deposit().account(account).asset(ETH).amount(rich ? 500_000_000L : 1_000_000L));
            setup.add(Commands.deposit().account(account).asset(EUR)
                .amount(rich ? 100_000_000_000_000_000L : 1_000_000_000_000_000L));
            setup.add(Commands.deposit().account(account).asset(GRAIN).amount(GRAIN_USD.lots(1)));
            setup.add(Commands.createApiKey().account(account).key(apiKey(account)));
        }
        setup.add(Commands.createAccount().account(VAULT));
        for (final int asset : new int[]{BTC, USD, ETH, EUR, GRAIN})
        {
            setup.add(Commands.deposit().account(VAULT).asset(asset).amount(1));
        }
        return setup;
    }

    /** The API key {@link #setup()} gives a trader. */
    static String apiKey(final long account)
    {
        return "key-" + account;
    }

    static Arbitrary<Scenario> scenarios(final int minSteps, final int maxSteps)
    {
        return Combinators.combine(
            Arbitraries.frequency(Tuple.of(1, 3), Tuple.of(2, 12), Tuple.of(3, 1_000)),
            step(false).list().ofMinSize(minSteps).ofMaxSize(maxSteps))
            .as(Scenario::new);
    }

    /**
     * Streams that let books grow deep (hundreds of orders over many levels): nothing clears a whole book at
     * once, neither mass cancels nor halts that cancel, until the end, when every instrument is halted with
     * its orders cancelled, hundreds of them in one command.
     */
    static Arbitrary<Scenario> deepBookScenarios(final int steps)
    {
        return step(true).list().ofSize(steps).map(list ->
        {
            final List<Step> withClosingHalts = new ArrayList<>(list);
            SPECS.forEach(spec -> withClosingHalts.add(new Step.Fixed(
                Commands.haltInstrument().instrument(spec.instrumentId()).cancelOrders())));
            return new Scenario(1_000, withClosingHalts);
        });
    }

    private static Arbitrary<Step> step(final boolean deepBooks)
    {
        return Arbitraries.frequencyOf(
            Tuple.of(30, fixed(deepBooks ? limitOrder(25, 30) : limitOrder(1, 2))),
            Tuple.of(6, fixed(marketOrder())),
            Tuple.of(9, stopOrder()),
            Tuple.of(3, fixed(cancel())),
            Tuple.of(3, fixed(replace())),
            Tuple.of(deepBooks ? 4 : 14, atOpenOrder()),
            Tuple.of(deepBooks ? 0 : 2, fixed(massCancel())),
            Tuple.of(4, fixed(transfer())),
            Tuple.of(3, fixed(haltOrResume(!deepBooks))),
            Tuple.of(5, fixed(malformedOrder())),
            Tuple.of(2, fixed(referenceData())),
            Tuple.of(1, fixed(unknownCommand())));
    }

    private static Arbitrary<Step> fixed(final Arbitrary<Commands.Builder<?>> commands)
    {
        return commands.map(Step.Fixed::new);
    }

    private static Arbitrary<Step> atOpenOrder()
    {
        return Combinators.combine(
            Arbitraries.integers().between(0, 1_000).shrinkTowards(0),
            Arbitraries.frequency(
                Tuple.of(3, Step.Aim.CANCEL), Tuple.of(2, Step.Aim.CANCEL_BY_CLIENT_ORDER_ID),
                Tuple.of(1, Step.Aim.CANCEL_SOMEONE_ELSES), Tuple.of(3, Step.Aim.AMEND_KEEPING_PLACE),
                Tuple.of(2, Step.Aim.AMEND_GROWING), Tuple.of(3, Step.Aim.AMEND_REPRICING),
                Tuple.of(2, Step.Aim.AMEND_BY_CLIENT_ORDER_ID), Tuple.of(1, Step.Aim.AMEND_SOMEONE_ELSES)),
            Arbitraries.integers().between(-3, 3).shrinkTowards(0),
            Arbitraries.integers().between(-3, 3).shrinkTowards(0))
            .as(Step.AtOpenOrder::new);
    }

    // ---------------------------------------------------------------- orders

    private enum LimitFlavour
    {
        GTC, IOC, FOK, POST_ONLY, ICEBERG
    }

    private static Arbitrary<Spec> instruments()
    {
        return Arbitraries.frequency(
            Tuple.of(4, BTC_USD), Tuple.of(3, ETH_USD), Tuple.of(3, ETH_BTC), Tuple.of(1, XXL), Tuple.of(3, ODD),
            Tuple.of(2, GRAIN_USD));
    }

    private static Arbitrary<Long> traders()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(40, Arbitraries.of(TRADERS)),
            Tuple.of(1, Arbitraries.of(VAULT, UNKNOWN_ACCOUNT)));
    }

    private static Arbitrary<Side> sides()
    {
        return Arbitraries.of(Side.BUY, Side.SELL);
    }

    /**
     * Ticks away from the reference price, mostly very close so that both sides meet and amends hit prices; now
     * and then far, so that books grow many levels.
     */
    private static Arbitrary<Integer> ticks(final int range)
    {
        return ticks(range, 1);
    }

    private static Arbitrary<Integer> ticks(final int range, final int farWeight)
    {
        return Arbitraries.frequencyOf(
            Tuple.of(15, Arbitraries.integers().between(-2, 2).shrinkTowards(0)),
            Tuple.of(10, Arbitraries.integers().between(-range, range).shrinkTowards(0)),
            Tuple.of(farWeight, Arbitraries.integers().between(-150, 150).shrinkTowards(0)));
    }

    private static Arbitrary<Long> lotCounts()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.longs().between(1, 10)),
            Tuple.of(1, Arbitraries.longs().between(11, 1_200)));
    }

    private static Arbitrary<StpMode> stpModes()
    {
        return Arbitraries.frequency(
            Tuple.of(6, StpMode.ACCOUNT_DEFAULT), Tuple.of(1, StpMode.CANCEL_NEWEST),
            Tuple.of(1, StpMode.CANCEL_OLDEST), Tuple.of(1, StpMode.CANCEL_BOTH));
    }

    /** Blank, one of five per instrument (often in use), or one of many (so the id index grows). */
    private static Arbitrary<String> clientOrderIds(final Spec spec)
    {
        return clientOrderIds(spec, 2);
    }

    private static Arbitrary<String> clientOrderIds(final Spec spec, final int manyWeight)
    {
        return Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just("")),
            Tuple.of(10, Arbitraries.of('a', 'b', 'c', 'd', 'e').map(spec::clientOrderId)),
            Tuple.of(manyWeight, Arbitraries.integers().between(0, 99_999).map(n -> spec.instrumentId() + "-" + n)));
    }

    private static Arbitrary<Commands.Builder<?>> limitOrder(final int farWeight, final int manyIdsWeight)
    {
        return instruments().flatMap(spec -> Combinators.combine(
            traders(), sides(), ticks(NEAR_TICKS, farWeight), lotCounts(),
            Arbitraries.frequency(
                Tuple.of(12, LimitFlavour.GTC), Tuple.of(3, LimitFlavour.IOC), Tuple.of(3, LimitFlavour.FOK),
                Tuple.of(2, LimitFlavour.POST_ONLY), Tuple.of(3, LimitFlavour.ICEBERG)),
            Arbitraries.longs().between(1, 4), stpModes(), clientOrderIds(spec, manyIdsWeight))
            .as((account, side, ticks, lots, flavour, displayLots, stp, clientOrderId) ->
            {
                // Far prices are passive (bids below, asks above), so they stay and the book grows levels.
                final int away = Math.abs(ticks) <= NEAR_TICKS ? ticks : (side == Side.BUY ? -1 : 1) * Math.abs(ticks);
                final Commands.NewOrder order = Commands.newOrder().account(account).instrument(spec.instrumentId())
                    .side(side).limit(spec.price(away)).quantity(spec.lots(lots)).stp(stp)
                    .clientOrderId(clientOrderId);
                switch (flavour)
                {
                    case IOC -> order.ioc();
                    case FOK -> order.fok();
                    case POST_ONLY -> order.postOnly();
                    case ICEBERG -> order.display(spec.lots(Math.min(displayLots, lots)));
                    default -> order.gtc();
                }
                return order;
            }));
    }

    private static Arbitrary<Commands.Builder<?>> marketOrder()
    {
        return instruments().flatMap(spec -> Combinators.combine(
            traders(), sides(), Arbitraries.longs().between(1, 15), stpModes(), clientOrderIds(spec))
            .as((account, side, lots, stp, clientOrderId) -> Commands.newOrder().account(account)
                .instrument(spec.instrumentId()).side(side).market().quantity(spec.lots(lots)).stp(stp)
                .clientOrderId(clientOrderId)));
    }

    /** Stops a few ticks beyond the last price when they are placed, so that they do trigger. */
    private static Arbitrary<Step> stopOrder()
    {
        final Arbitrary<Integer> stopTicks = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(1, 3)), Tuple.of(1, Arbitraries.integers().between(-1, 8)));
        return instruments().flatMap(spec -> Combinators.combine(
            traders(), sides(), Combinators.combine(stopTicks, ticks(3)).as(Tuple::of), lotCounts(),
            Arbitraries.of(Step.StopFlavour.class), stpModes(), clientOrderIds(spec))
            .as((account, side, ticks, lots, flavour, stp, clientOrderId) -> new Step.StopNearLast(
                account, spec.instrumentId(), side, flavour, stp, ticks.get1(), ticks.get2(), lots, clientOrderId)));
    }

    /** A STOP or STOP_LIMIT of the given flavour, without account, side, quantity and the rest. */
    static Commands.NewOrder stopOrder(
        final Spec spec, final Step.StopFlavour flavour, final long stopPrice, final long limitPrice)
    {
        final Commands.NewOrder order = Commands.newOrder().instrument(spec.instrumentId());
        return switch (flavour)
        {
            case STOP -> order.stop(stopPrice);
            case STOP_LIMIT_IOC -> order.stopLimit(stopPrice, limitPrice).ioc();
            case STOP_LIMIT_FOK -> order.stopLimit(stopPrice, limitPrice).fok();
            case STOP_LIMIT_ICEBERG -> order.stopLimit(stopPrice, limitPrice).gtc().display(spec.lots(1));
            case STOP_LIMIT_GTC -> order.stopLimit(stopPrice, limitPrice).gtc();
        };
    }

    /** One rule broken at a time, on an otherwise ordinary BTC-USD or XXL order. */
    private enum Malformation
    {
        SIDE, ORDER_TYPE, TIME_IN_FORCE, POST_ONLY_VALUE, STP_VALUE, MARKET_WITH_PRICE, MARKET_GTC, LIMIT_WITH_STOP,
        STOP_LIMIT_WITHOUT_STOP, POST_ONLY_IOC, POST_ONLY_STOP_LIMIT, ICEBERG_IOC, ICEBERG_MARKET,
        DISPLAY_ABOVE_QUANTITY,
        DISPLAY_NEGATIVE, ZERO_QUANTITY, NEGATIVE_QUANTITY, QUANTITY_OFF_LOT, DISPLAY_OFF_LOT, BELOW_MINIMUM,
        ABOVE_MAXIMUM, ZERO_PRICE, NEGATIVE_PRICE, PRICE_OFF_TICK, PRICE_OUTSIDE_BAND, STOP_NEGATIVE, STOP_OFF_TICK,
        STOP_OUTSIDE_BAND, NOTIONAL_TOO_LARGE, MARKET_NOTIONAL_TOO_LARGE, UNKNOWN_INSTRUMENT, UNKNOWN_ACCOUNT,
        CLIENT_ORDER_ID_WITH_SPACE, CLIENT_ORDER_ID_BYTES_AFTER_NUL, CLIENT_ORDER_ID_FULL_LENGTH, POOR_ACCOUNT
    }

    private static Arbitrary<Commands.Builder<?>> malformedOrder()
    {
        return Combinators.combine(
            Arbitraries.of(Malformation.class), traders(), sides(), ticks(3), Arbitraries.longs().between(1, 5))
            .as((malformation, account, side, ticks, lots) ->
            {
                final Spec spec = malformation == Malformation.NOTIONAL_TOO_LARGE ||
                    malformation == Malformation.MARKET_NOTIONAL_TOO_LARGE ? XXL : BTC_USD;
                final Commands.NewOrder order = Commands.newOrder().account(account).instrument(spec.instrumentId())
                    .side(side).limit(spec.price(ticks)).quantity(spec.lots(lots)).gtc();
                return malform(order, malformation, spec, ticks, lots);
            });
    }

    private static Commands.NewOrder malform(
        final Commands.NewOrder order,
        final Malformation malformation,
        final Spec spec,
        final int ticks,
        final long lots)
    {
        final long price = spec.price(ticks);
        final long quantity = spec.lots(lots);
        return switch (malformation)
        {
            case SIDE -> order.sideRaw(2);
            case ORDER_TYPE -> order.orderTypeRaw(4);
            case TIME_IN_FORCE -> order.timeInForceRaw(3);
            case POST_ONLY_VALUE -> order.postOnlyRaw(2);
            case STP_VALUE -> order.stpRaw(4);
            case MARKET_WITH_PRICE -> order.market().price(price);
            case MARKET_GTC -> order.market().gtc();
            case LIMIT_WITH_STOP -> order.stopPrice(price);
            case STOP_LIMIT_WITHOUT_STOP -> order.stopLimit(0, price);
            case POST_ONLY_IOC -> order.postOnly().ioc();
            case POST_ONLY_STOP_LIMIT -> order.stopLimit(spec.price(20), price).postOnly();
            case ICEBERG_IOC -> order.ioc().display(spec.lotSize());
            case ICEBERG_MARKET -> order.market().display(spec.lotSize());
            case DISPLAY_ABOVE_QUANTITY -> order.display(quantity + spec.lotSize());
            case DISPLAY_NEGATIVE -> order.display(-spec.lotSize());
            case ZERO_QUANTITY -> order.quantity(0);
            case NEGATIVE_QUANTITY -> order.quantity(-quantity);
            case QUANTITY_OFF_LOT -> order.quantity(quantity + 1);
            case DISPLAY_OFF_LOT -> order.display(spec.lotSize() / 2);
            case BELOW_MINIMUM -> order.instrument(ETH_USD.instrumentId()).price(ETH_USD.price(ticks))
                .quantity(ETH_USD.lotSize());
            case ABOVE_MAXIMUM -> order.quantity(spec.maxQuantity() + spec.lotSize());
            case ZERO_PRICE -> order.price(0);
            case NEGATIVE_PRICE -> order.price(-price);
            case PRICE_OFF_TICK -> order.price(price + 1);
            case PRICE_OUTSIDE_BAND -> order.price(spec.referencePrice() * 2);
            case STOP_NEGATIVE -> order.stopLimit(-price, price);
            case STOP_OFF_TICK -> order.stopLimit(price + 1, price);
            case STOP_OUTSIDE_BAND -> order.stopLimit(spec.referencePrice() / 2, price);
            case NOTIONAL_TOO_LARGE -> order.quantity(spec.lots(lots * 10_000));
            case MARKET_NOTIONAL_TOO_LARGE -> order.market();
            case UNKNOWN_INSTRUMENT -> order.instrument(UNKNOWN_INSTRUMENT);
            case UNKNOWN_ACCOUNT -> order.account(UNKNOWN_ACCOUNT);
            case CLIENT_ORDER_ID_WITH_SPACE -> order.clientOrderId("has space");
            case CLIENT_ORDER_ID_BYTES_AFTER_NUL -> order.clientOrderIdBytes(Commands.ascii("a\0b", 36));
            case CLIENT_ORDER_ID_FULL_LENGTH -> order.clientOrderId("x".repeat(35) + (char)('a' + lots));
            case POOR_ACCOUNT -> order.account(VAULT);
        };
    }

    // ---------------------------------------------------------------- cancels and amends

    private static Arbitrary<Commands.Builder<?>> cancel()
    {
        return instruments().flatMap(spec -> Combinators.combine(
            traders(), Arbitraries.of(true, false), Arbitraries.longs().between(0, 300), clientOrderIds(spec))
            .as((account, byOrderId, orderId, clientOrderId) -> byOrderId ?
                Commands.cancelOrder().account(account).orderId(orderId) :
                Commands.cancelOrder().account(account).clientOrderId(clientOrderId)));
    }

    private enum AmendFlavour
    {
        PLAIN, ZERO_QUANTITY, QUANTITY_OFF_LOT, ABOVE_MAXIMUM, LARGE_QUANTITY, ZERO_PRICE, PRICE_OFF_TICK,
        OUTSIDE_BAND
    }

    private static Arbitrary<Commands.Builder<?>> replace()
    {
        return instruments().flatMap(spec -> Combinators.combine(
            traders(), Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
            Arbitraries.longs().between(1, 300), clientOrderIds(spec), ticks(6), lotCounts(),
            Arbitraries.frequency(
                Tuple.of(30, AmendFlavour.PLAIN), Tuple.of(3, AmendFlavour.ZERO_QUANTITY),
                Tuple.of(1, AmendFlavour.QUANTITY_OFF_LOT), Tuple.of(1, AmendFlavour.ABOVE_MAXIMUM),
                Tuple.of(1, AmendFlavour.LARGE_QUANTITY),
                Tuple.of(1, AmendFlavour.ZERO_PRICE), Tuple.of(1, AmendFlavour.PRICE_OFF_TICK),
                Tuple.of(1, AmendFlavour.OUTSIDE_BAND)))
            .as((account, byOrderId, orderId, clientOrderId, ticks, lots, flavour) ->
            {
                final Commands.ReplaceOrder amend = Commands.replaceOrder().account(account)
                    .price(spec.price(ticks)).quantity(spec.lots(lots));
                if (byOrderId)
                {
                    amend.orderId(orderId);
                }
                else
                {
                    amend.clientOrderId(clientOrderId);
                }
                switch (flavour)
                {
                    case ZERO_QUANTITY -> amend.quantity(0);
                    case QUANTITY_OFF_LOT -> amend.quantity(spec.lots(lots) + 1);
                    case ABOVE_MAXIMUM -> amend.quantity(spec.maxQuantity() + spec.lotSize());
                    case LARGE_QUANTITY -> amend.quantity(spec.lots(10_000));
                    case ZERO_PRICE -> amend.price(0);
                    case PRICE_OFF_TICK -> amend.price(spec.price(ticks) + 1);
                    case OUTSIDE_BAND -> amend.price(spec.referencePrice() * 3);
                    default ->
                    {
                    }
                }
                return amend;
            }));
    }

    private static Arbitrary<Commands.Builder<?>> massCancel()
    {
        return Combinators.combine(
            traders(),
            Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(2, 2), Tuple.of(2, 3), Tuple.of(1, 4),
                Tuple.of(2, 5), Tuple.of(1, 6),
                Tuple.of(1, UNKNOWN_INSTRUMENT)))
            .as((account, instrument) -> Commands.massCancel().account(account).instrument(instrument));
    }

    // ---------------------------------------------------------------- money, halts, reference data

    private static Arbitrary<Commands.Builder<?>> transfer()
    {
        final Arbitrary<Commands.Builder<?>> ordinary = Combinators.combine(
            Arbitraries.of(true, false), traders(),
            Arbitraries.frequency(Tuple.of(10, BTC), Tuple.of(10, USD), Tuple.of(10, ETH), Tuple.of(3, EUR),
                Tuple.of(1, 0), Tuple.of(1, 200)),
            Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.longs().between(1, 20_000_000)),
                Tuple.of(2, Arbitraries.of(0L, -5L)),
                Tuple.of(1, Arbitraries.just(1_000_000_000_000_000L))))
            .as((deposit, account, asset, amount) -> account == VAULT ?
                Commands.deposit().account(account).asset(asset).amount(amount) :
                (deposit ? Commands.deposit() : Commands.withdraw()).account(account).asset(asset).amount(amount));
        final Arbitrary<Commands.Builder<?>> overflowing = Arbitraries.of(BTC, USD, ETH, EUR, GRAIN)
            .map(asset -> Commands.deposit().account(VAULT).asset(asset).amount(Long.MAX_VALUE));
        return Arbitraries.frequencyOf(Tuple.of(20, ordinary), Tuple.of(1, overflowing));
    }

    private static Arbitrary<Commands.Builder<?>> haltOrResume(final boolean cancellingOrders)
    {
        final Arbitrary<Integer> instrument = Arbitraries.frequency(
            Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(3, 3), Tuple.of(1, 4), Tuple.of(3, 5), Tuple.of(2, 6),
            Tuple.of(1, UNKNOWN_INSTRUMENT));
        // Resumes are more frequent than halts, so that an instrument is halted for a while, not for good.
        return Arbitraries.frequencyOf(
            Tuple.of(1, instrument.map(id -> Commands.haltInstrument().instrument(id))),
            Tuple.of(cancellingOrders ? 1 : 0,
                instrument.map(id -> Commands.haltInstrument().instrument(id).cancelOrders())),
            Tuple.of(1, instrument.map(id -> Commands.haltInstrument().instrument(id).cancelOrdersRaw(2))),
            Tuple.of(14, instrument.map(id -> Commands.resumeInstrument().instrument(id))));
    }

    private enum ReferenceData
    {
        NEW_ASSET, DUPLICATE_ASSET, ASSET_ID_ZERO, ASSET_ID_TOO_LARGE, ASSET_SCALE_TOO_LARGE, ASSET_SCALE_NEGATIVE,
        ASSET_CODE_BLANK,
        NEW_ACCOUNT, NEW_ACCOUNT_CANCEL_BOTH, DUPLICATE_ACCOUNT, ACCOUNT_ID_ZERO, ACCOUNT_ID_NEGATIVE,
        ACCOUNT_STP_VALUE,
        NEW_INSTRUMENT, DUPLICATE_INSTRUMENT, INSTRUMENT_ID_ZERO, INSTRUMENT_UNKNOWN_ASSET, SAME_BASE_AND_QUOTE,
        SYMBOL_BLANK, PRICE_SCALE_TOO_LARGE, TICK_ZERO, LOT_ZERO, MIN_ZERO, MIN_OFF_LOT, MAX_BELOW_MIN, MAX_OFF_LOT,
        BAND_ZERO, BAND_TOO_WIDE, MAKER_FEE_NEGATIVE, TAKER_FEE_TOO_HIGH, REFERENCE_ZERO, REFERENCE_OFF_TICK,
        QUOTE_PER_TICK_LOT_FRACTIONAL, QUOTE_PER_TICK_LOT_TOO_LARGE, QUOTE_PER_TICK_LOT_LARGEST,
        QUOTE_PER_TICK_LOT_JUST_TOO_LARGE,
        NEW_API_KEY, DUPLICATE_API_KEY, API_KEY_UNKNOWN_ACCOUNT, API_KEY_BLANK,
        REVOKE_API_KEY, REVOKE_NEW_API_KEY, REVOKE_OTHERS_API_KEY, REVOKE_API_KEY_BLANK
    }

    private static Arbitrary<Commands.Builder<?>> referenceData()
    {
        return Combinators.combine(Arbitraries.of(ReferenceData.class), Arbitraries.integers().between(0, 9))
            .as(CommandStreams::referenceData);
    }

    private static Commands.Builder<?> referenceData(final ReferenceData kind, final int variant)
    {
        final Commands.AddInstrument instrument = Commands.addInstrument()
            .instrument(10 + variant).symbol("NEW-" + variant)
            .base(BTC).quote(USD).priceScale(2).tickSize(100).lotSize(1_000_000).minQuantity(1_000_000)
            .maxQuantity(100_000_000).bandBps(500).makerFeePpm(variant * 100).takerFeePpm(variant * 200)
            .referencePrice(3_000_000);
        return switch (kind)
        {
            case NEW_ASSET -> Commands.addAsset().asset(10 + variant).code("A" + variant).scale(variant);
            case DUPLICATE_ASSET -> Commands.addAsset().asset(USD).code("USD").scale(2);
            case ASSET_ID_ZERO -> Commands.addAsset().asset(0).code("ZERO").scale(2);
            case ASSET_ID_TOO_LARGE -> Commands.addAsset().asset(256).code("BIG").scale(2);
            case ASSET_SCALE_TOO_LARGE -> Commands.addAsset().asset(20 + variant).code("S").scale(19);
            case ASSET_SCALE_NEGATIVE -> Commands.addAsset().asset(20 + variant).code("S").scale(-1);
            case ASSET_CODE_BLANK -> Commands.addAsset().asset(20 + variant).scale(2);
            case NEW_ACCOUNT -> Commands.createAccount().account(10 + variant);
            case NEW_ACCOUNT_CANCEL_BOTH -> Commands.createAccount().account(20 + variant).stp(StpMode.CANCEL_BOTH);
            case DUPLICATE_ACCOUNT -> Commands.createAccount().account(1 + variant % 6);
            case ACCOUNT_ID_ZERO -> Commands.createAccount().account(0);
            case ACCOUNT_ID_NEGATIVE -> Commands.createAccount().account(-1 - variant);
            case ACCOUNT_STP_VALUE -> Commands.createAccount().account(30 + variant).stpRaw(4 + variant);
            case NEW_INSTRUMENT -> instrument;
            case DUPLICATE_INSTRUMENT -> instrument.instrument(1 + variant % 4);
            case INSTRUMENT_ID_ZERO -> instrument.instrument(-variant);
            case INSTRUMENT_UNKNOWN_ASSET -> instrument.quote(100 + variant);
            case SAME_BASE_AND_QUOTE -> instrument.quote(BTC);
            case SYMBOL_BLANK -> instrument.symbolBytes(new byte[AddInstrumentEncoder.symbolLength()]);
            case PRICE_SCALE_TOO_LARGE -> instrument.priceScale(19);
            case TICK_ZERO -> instrument.tickSize(0);
            case LOT_ZERO -> instrument.lotSize(0);
            case MIN_ZERO -> instrument.minQuantity(0);
            case MIN_OFF_LOT -> instrument.minQuantity(1_500_000);
            case MAX_BELOW_MIN -> instrument.minQuantity(2_000_000).maxQuantity(1_000_000);
            case MAX_OFF_LOT -> instrument.maxQuantity(100_500_000);
            case BAND_ZERO -> instrument.bandBps(0);
            case BAND_TOO_WIDE -> instrument.bandBps(10_001);
            case MAKER_FEE_NEGATIVE -> instrument.makerFeePpm(-1);
            case TAKER_FEE_TOO_HIGH -> instrument.takerFeePpm(100_001);
            case REFERENCE_ZERO -> instrument.referencePrice(0);
            case REFERENCE_OFF_TICK -> instrument.referencePrice(3_000_050);
            case QUOTE_PER_TICK_LOT_FRACTIONAL -> instrument.tickSize(1).referencePrice(3_000_001);
            case QUOTE_PER_TICK_LOT_TOO_LARGE -> instrument.priceScale(0).tickSize(1_000_000_000_000_000L)
                .lotSize(1_000_000_000_000_000L).minQuantity(1_000_000_000_000_000L)
                .maxQuantity(2_000_000_000_000_000L).referencePrice(1_000_000_000_000_000L);
            // BTC (scale 8) in USD (scale 2) at price scale 0: quotePerTickLot = tick × lot / 10^6.
            case QUOTE_PER_TICK_LOT_LARGEST -> instrument.priceScale(0).tickSize((1L << 62) - 1)
                .lotSize(1_000_000).minQuantity(1_000_000).maxQuantity(1_000_000).referencePrice((1L << 62) - 1);
            case QUOTE_PER_TICK_LOT_JUST_TOO_LARGE -> instrument.priceScale(0).tickSize(1L << 62)
                .lotSize(1_000_000).minQuantity(1_000_000).maxQuantity(1_000_000).referencePrice(1L << 62);
            case NEW_API_KEY -> Commands.createApiKey().account(TRADERS[variant % TRADERS.length]).key("new-" + variant);
            case DUPLICATE_API_KEY -> Commands.createApiKey().account(TRADERS[variant % TRADERS.length])
                .key(apiKey(TRADERS[(variant + 1) % TRADERS.length]));
            case API_KEY_UNKNOWN_ACCOUNT -> Commands.createApiKey().account(UNKNOWN_ACCOUNT).key("orphan-" + variant);
            case API_KEY_BLANK -> Commands.createApiKey().account(TRADERS[variant % TRADERS.length])
                .keyHash(new byte[CreateApiKeyEncoder.keyHashLength()]);
            // Revoked once, then UNKNOWN_API_KEY; a new key may be revoked before it exists, or after.
            case REVOKE_API_KEY -> Commands.revokeApiKey().account(TRADERS[variant % TRADERS.length])
                .key(apiKey(TRADERS[variant % TRADERS.length]));
            case REVOKE_NEW_API_KEY -> Commands.revokeApiKey().account(TRADERS[variant % TRADERS.length]).key("new-" + variant);
            case REVOKE_OTHERS_API_KEY -> Commands.revokeApiKey().account(TRADERS[variant % TRADERS.length])
                .key(apiKey(TRADERS[(variant + 1) % TRADERS.length]));
            case REVOKE_API_KEY_BLANK -> Commands.revokeApiKey().account(TRADERS[variant % TRADERS.length])
                .keyHash(new byte[CreateApiKeyEncoder.keyHashLength()]);
        };
    }

    /** Wrong schema, templates that are not commands, blocks too short, and a command block of random bytes. */
    private static Arbitrary<Commands.Builder<?>> unknownCommand()
    {
        final int schemaId = bourse.sbe.MessageHeaderEncoder.SCHEMA_ID;
        return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(0, 13, 99, 101, 114)
                .map(template -> Commands.raw(schemaId, template, new byte[40]))),
            Tuple.of(1, Arbitraries.just(Commands.raw(schemaId + 1, 1, new byte[NewOrderEncoder.BLOCK_LENGTH]))),
            Tuple.of(1, Arbitraries.of(10, 27, 28, NewOrderEncoder.BLOCK_LENGTH - 1)
                .map(length -> Commands.raw(schemaId, 1, new byte[length]))),
            Tuple.of(1, Arbitraries.just(Commands.raw(schemaId, 5, new byte[0]))),
            Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofSize(NewOrderEncoder.BLOCK_LENGTH + 8)
                .map(block -> Commands.raw(schemaId, 1, block))),
            Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofSize(CancelOrderEncoder.BLOCK_LENGTH)
                .map(block -> Commands.raw(schemaId, 2, block))));
    }
}
