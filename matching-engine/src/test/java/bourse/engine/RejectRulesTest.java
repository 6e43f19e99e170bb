package bourse.engine;

import bourse.engine.testing.Command;
import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.TestVenue;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.RejectReason;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static bourse.engine.Market.BTC;
import static bourse.engine.Market.BTC_USD;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.order;
import static bourse.engine.Market.usd;
import static bourse.sbe.Side.BUY;
import static bourse.sbe.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reject reason, each caused once. A rejected command answers with one CommandRejected and
 * changes nothing else: the state dump is the same apart from the last sequence number.
 */
class RejectRulesTest
{
    private static final long POOR = 9;

    static Stream<Arguments> rejections()
    {
        return Stream.of(
            reject("unknown account", m -> { }, order(77, BUY).limit(usd(30_000)).quantity(lots(1)), RejectReason.UNKNOWN_ACCOUNT),
            reject("unknown instrument", m -> { }, order(ALICE, BUY).instrument(99).limit(usd(30_000)).quantity(lots(1)),
                RejectReason.UNKNOWN_INSTRUMENT),
            reject("halted instrument", m -> m.submit(Commands.haltInstrument().instrument(BTC_USD)),
                order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1)), RejectReason.INSTRUMENT_HALTED),
            reject("client order id with a space", m -> { },
                order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1)).clientOrderId("a b"), RejectReason.INVALID_CLIENT_ORDER_ID),
            reject("unknown side", m -> { }, order(ALICE, BUY).sideRaw(7).limit(usd(30_000)).quantity(lots(1)),
                RejectReason.INVALID_ORDER_PARAMETERS),
            reject("market order with a price", m -> { }, order(ALICE, BUY).market().price(usd(30_000)).quantity(lots(1)),
                RejectReason.INVALID_ORDER_PARAMETERS),
            reject("post-only IOC", m -> { }, order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).ioc().postOnly(),
                RejectReason.INVALID_ORDER_PARAMETERS),
            reject("iceberg showing more than its size", m -> { },
                order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).display(lots(2)), RejectReason.INVALID_ORDER_PARAMETERS),
            reject("zero quantity", m -> { }, order(ALICE, BUY).limit(usd(30_000)).quantity(0), RejectReason.INVALID_QUANTITY),
            reject("quantity off lot", m -> { }, order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1) + 1),
                RejectReason.QUANTITY_NOT_ON_LOT),
            reject("quantity above maximum", m -> { }, order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1_001)),
                RejectReason.QUANTITY_ABOVE_MAXIMUM),
            reject("quantity below minimum", m -> m.venue.setup(btcUsdLike(2).minQuantity(lots(5))),
                order(ALICE, BUY).instrument(2).limit(usd(30_000)).quantity(lots(1)), RejectReason.QUANTITY_BELOW_MINIMUM),
            reject("notional beyond 2^62", m -> m.venue.setup(btcUsdLike(2).priceScale(0)
                    .maxQuantity(100_000_000_000L * TestVenue.BTC_USD_LOT).referencePrice(1_000_000_000_000L)),
                order(ALICE, BUY).instrument(2).limit(1_000_000_000_000L).quantity(100_000_000_000L * TestVenue.BTC_USD_LOT),
                RejectReason.NOTIONAL_TOO_LARGE),
            reject("negative price", m -> { }, order(ALICE, BUY).limit(-100).quantity(lots(1)), RejectReason.INVALID_PRICE),
            reject("price off tick", m -> { }, order(ALICE, BUY).limit(usd(30_000) + 50).quantity(lots(1)),
                RejectReason.PRICE_NOT_ON_TICK),
            reject("price outside the band", m -> { }, order(ALICE, SELL).limit(usd(33_100)).quantity(lots(1)),
                RejectReason.PRICE_OUTSIDE_BAND),
            reject("post-only that would cross", m -> m.rest(BOB, SELL, 30_000, 1),
                order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1)).postOnly(), RejectReason.POST_ONLY_WOULD_CROSS),
            reject("FOK that cannot fill", m -> { }, order(ALICE, BUY).limit(usd(30_000)).quantity(lots(1)).fok(),
                RejectReason.FOK_CANNOT_FILL),
            reject("duplicate client order id",
                m -> m.submit(order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).clientOrderId("dup")),
                order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)).clientOrderId("dup"), RejectReason.DUPLICATE_CLIENT_ORDER_ID),
            reject("too many open orders", m ->
                {
                    for (int i = 0; i < 3; i++)
                    {
                        m.rest(ALICE, BUY, 29_000, 1);
                    }
                },
                order(ALICE, BUY).limit(usd(29_000)).quantity(lots(1)), RejectReason.TOO_MANY_OPEN_ORDERS),
            reject("stop already triggered", m -> { }, order(ALICE, SELL).stop(usd(30_000)).quantity(lots(1)).ioc(),
                RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY),
            reject("buy beyond the quote balance", m -> { }, order(POOR, BUY).limit(usd(30_000)).quantity(lots(1)),
                RejectReason.INSUFFICIENT_BALANCE),
            reject("sell beyond the base balance", m -> { }, order(POOR, SELL).limit(usd(30_000)).quantity(lots(1)),
                RejectReason.INSUFFICIENT_BALANCE),
            reject("cancel of an unknown order", m -> { }, Commands.cancelOrder().account(ALICE).orderId(12_345),
                RejectReason.UNKNOWN_ORDER),
            reject("withdrawal beyond the available balance", m -> m.rest(ALICE, SELL, 30_000, 10),
                Commands.withdraw().account(ALICE).asset(BTC).amount(Market.BTC_DEPOSIT), RejectReason.INSUFFICIENT_BALANCE),
            reject("deposit of nothing", m -> { }, Commands.deposit().account(ALICE).asset(USD).amount(0),
                RejectReason.INVALID_AMOUNT),
            reject("deposit that would take the asset's supply past the largest long", m -> { },
                Commands.deposit().account(POOR).asset(USD).amount(Long.MAX_VALUE - Market.USD_DEPOSIT),
                RejectReason.INVALID_AMOUNT),
            reject("deposit of an unknown asset", m -> { }, Commands.deposit().account(ALICE).asset(200).amount(1),
                RejectReason.UNKNOWN_ASSET),
            reject("duplicate account", m -> { }, Commands.createAccount().account(ALICE), RejectReason.DUPLICATE_ACCOUNT),
            reject("account id zero", m -> { }, Commands.createAccount().account(0), RejectReason.INVALID_ACCOUNT),
            reject("duplicate asset", m -> { }, Commands.addAsset().asset(BTC).code("BTC").scale(8), RejectReason.DUPLICATE_ASSET),
            reject("asset with a scale of 19", m -> { }, Commands.addAsset().asset(3).code("XYZ").scale(19),
                RejectReason.INVALID_ASSET),
            reject("duplicate instrument", m -> { }, btcUsdLike(BTC_USD), RejectReason.DUPLICATE_INSTRUMENT),
            reject("instrument whose tick times lot is a fraction of a cent", m -> { },
                btcUsdLike(2).lotSize(1_000), RejectReason.INVALID_INSTRUMENT),
            reject("instrument whose tick times lot is 2^62 cents", m -> { }, btcUsdLike(2).priceScale(0)
                    .tickSize(1L << 62).lotSize(1_000_000).minQuantity(1_000_000).maxQuantity(1_000_000)
                    .referencePrice(1L << 62),
                RejectReason.INVALID_INSTRUMENT),
            reject("instrument on an unknown asset", m -> { }, btcUsdLike(2).base(42), RejectReason.UNKNOWN_ASSET),
            reject("resume of a trading instrument", m -> { }, Commands.resumeInstrument().instrument(BTC_USD),
                RejectReason.INSTRUMENT_NOT_HALTED),
            reject("API key of an unknown account", m -> { }, Commands.createApiKey().account(77).key("k"),
                RejectReason.UNKNOWN_ACCOUNT),
            reject("API key hash of zero bytes", m -> { }, Commands.createApiKey().account(ALICE),
                RejectReason.INVALID_API_KEY),
            reject("API key another account has", m -> m.submit(Commands.createApiKey().account(BOB).key("k")),
                Commands.createApiKey().account(ALICE).key("k"), RejectReason.DUPLICATE_API_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void shouldRejectWithTheReasonAndChangeNothing(
        final Consumer<Market> setup, final Commands.Builder<?> command, final RejectReason reason)
    {
        final Market market = new Market(3);
        market.venue.withAccount(POOR);
        setup.accept(market);
        final String before = withoutSequence(market.venue.dumpState());

        final List<EngineEvent> events = market.submit(command);

        assertThat(Market.rejectReason(events)).isEqualTo(reason);
        assertThat(withoutSequence(market.venue.dumpState())).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void shouldRejectCommandsItCannotReadWithoutChangingAnything()
    {
        final Market market = new Market();
        final String before = withoutSequence(market.venue.dumpState());
        final Function<Command, RejectReason> reasonOf = command -> Market.rejectReason(market.venue.submit(command));

        assertThat(reasonOf.apply(Commands.raw(NewOrderDecoder.SCHEMA_ID, 55, new byte[40]).build()))
            .isEqualTo(RejectReason.UNKNOWN_COMMAND);
        assertThat(reasonOf.apply(Commands.raw(99, NewOrderDecoder.TEMPLATE_ID, new byte[NewOrderDecoder.BLOCK_LENGTH]).build()))
            .isEqualTo(RejectReason.UNKNOWN_COMMAND);
        assertThat(reasonOf.apply(Commands.raw(NewOrderDecoder.SCHEMA_ID, NewOrderDecoder.TEMPLATE_ID, new byte[12]).build()))
            .isEqualTo(RejectReason.UNKNOWN_COMMAND);
        assertThat(withoutSequence(market.venue.dumpState())).isEqualTo(before);
    }

    private static Commands.AddInstrument btcUsdLike(final int instrumentId)
    {
        return Commands.addInstrument().instrument(instrumentId).symbol("BTC-USD2").base(BTC).quote(USD)
            .priceScale(2).tickSize(TestVenue.BTC_USD_TICK).lotSize(TestVenue.BTC_USD_LOT)
            .minQuantity(TestVenue.BTC_USD_LOT).maxQuantity(1_000 * TestVenue.BTC_USD_LOT)
            .bandBps(1_000).makerFeePpm(1_000).takerFeePpm(2_000).referencePrice(TestVenue.BTC_USD_REFERENCE_PRICE);
    }

    private static Arguments reject(
        final String name, final Consumer<Market> setup, final Commands.Builder<?> command, final RejectReason reason)
    {
        return Arguments.of(Named.of(name, setup), command, reason);
    }

    private static String withoutSequence(final String dump)
    {
        return dump.replaceFirst("lastSequence=\\d+", "");
    }
}
