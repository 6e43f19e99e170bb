package bourse.gateway;

import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.Fill;
import bourse.v1.Instrument;
import bourse.v1.InstrumentStatus;

/**
 * Builds the contract's messages from what the gateway knows: execution reports from {@link OrderRecord}s,
 * instruments from the {@link InstrumentCatalog}, every number as a decimal string at its scale.
 */
final class Reports
{
    private final InstrumentCatalog catalog;

    Reports(final InstrumentCatalog catalog)
    {
        this.catalog = catalog;
    }

    /** The order's current state, reporting nothing new: GetOrder, ListOpenOrders, a repeated submit. */
    ExecutionReport status(final OrderRecord order)
    {
        return report(order, ExecutionType.EXECUTION_TYPE_ORDER_STATUS, order.lastSequence, order.lastTimestampNs);
    }

    /** What the engine command of {@code sequence} did to the order, and the order after it. */
    ExecutionReport report(
        final OrderRecord order, final ExecutionType executionType, final long sequence, final long timestampNs)
    {
        final InstrumentInfo instrument = catalog.byId(order.instrumentId);
        final ExecutionReport.Builder report = ExecutionReport.newBuilder()
            .setOrderId(order.orderId)
            .setClientOrderId(order.clientOrderId)
            .setInstrument(instrument.symbol())
            .setSide(ProtoCodes.side(order.side))
            .setType(ProtoCodes.orderType(order.orderType))
            .setTimeInForce(ProtoCodes.timeInForce(order.timeInForce))
            .setPostOnly(order.postOnly)
            .setStpMode(ProtoCodes.stpMode(order.stpMode))
            .setPrice(order.price == 0 ? "" : instrument.price(order.price))
            .setStopPrice(order.stopPrice == 0 ? "" : instrument.price(order.stopPrice))
            .setQuantity(instrument.quantity(order.quantity))
            .setDisplayQuantity(order.displayQuantity == 0 ? "" : instrument.quantity(order.displayQuantity))
            .setExecutionType(executionType)
            .setState(order.state)
            .setRejectReasonValue(order.rejectReason)
            .setCumulativeQuantity(instrument.quantity(order.filled))
            .setRemainingQuantity(instrument.quantity(order.isOpen() ? order.remaining : 0))
            .setEngineSequence(sequence)
            .setTransactTimeNs(timestampNs);
        if (order.cancelReason >= 0)
        {
            report.setCancelReason(ProtoCodes.cancelReason(order.cancelReason));
        }
        if (order.filled > 0)
        {
            report.setAveragePrice(Decimals.averagePrice(order.filledNotional, order.filled, instrument.priceScale()));
        }
        if (order.lastTradeId != 0)
        {
            report.setLastFill(Fill.newBuilder()
                .setTradeId(order.lastTradeId)
                .setPrice(instrument.price(order.lastFillPrice))
                .setQuantity(instrument.quantity(order.lastFillQuantity))
                .setFee(instrument.quoteAmount(order.lastFillFee))
                .setFeeAsset(instrument.quoteAsset())
                .setLiquidity(order.lastFillLiquidity));
        }
        return report.build();
    }

    Instrument instrument(final InstrumentInfo instrument)
    {
        return Instrument.newBuilder()
            .setInstrumentId(instrument.instrumentId())
            .setSymbol(instrument.symbol())
            .setBaseAsset(instrument.baseAsset())
            .setQuoteAsset(instrument.quoteAsset())
            .setPriceScale(instrument.priceScale())
            .setQuantityScale(instrument.baseScale())
            .setTickSize(instrument.price(instrument.tickSize()))
            .setLotSize(instrument.quantity(instrument.lotSize()))
            .setMinQuantity(instrument.quantity(instrument.minQuantity()))
            .setMaxQuantity(instrument.quantity(instrument.maxQuantity()))
            .setPriceBandBps(instrument.priceBandBps())
            .setMakerFeePpm(instrument.makerFeePpm())
            .setTakerFeePpm(instrument.takerFeePpm())
            .setStatus(instrument.halted() ? InstrumentStatus.INSTRUMENT_STATUS_HALTED : InstrumentStatus.INSTRUMENT_STATUS_TRADING)
            .build();
    }
}
