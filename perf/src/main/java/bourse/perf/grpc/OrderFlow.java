package bourse.perf.grpc;

import bourse.perf.BenchMarket;
import bourse.v1.OrderType;
import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders the gRPC benchmark sends, and how their answers are recognised. Every pair of accounts (a
 * maker and a taker) trades an instrument of its own; request {@code i} of a run belongs to pair
 * {@code (i / 2) mod pairs}, and it is its maker's order when {@code i} is even, its taker's when odd:
 * <ol>
 *     <li>the maker's GTC limit order at the price, which rests on the pair's empty book;</li>
 *     <li>the taker's IOC limit order on the other side at the same price, which takes it in full.</li>
 * </ol>
 * The maker sells in one cycle and buys in the next, so balances swing back and forth and the book is
 * empty after each cycle. Where requests overtake each other (several streams pipelined, each at its own
 * pace), an IOC may find nothing to take and be cancelled, and a maker order may still find its previous
 * one resting: its self-trade prevention, CANCEL_OLDEST, then cancels that one. Each maker thus has at
 * most one order resting and the taker none, however the requests interleave: the book never grows, and
 * the benchmark can run for as long as wanted without a reject.
 * <p>
 * Client order ids are {@code <run>-<index>}: unique in the account for the whole benchmark (idempotent
 * submits would answer a repeated one with the old order), and they name the request they answer.
 */
final class OrderFlow
{
    private static final char SEPARATOR = '-';
    /** Runs are numbered across the process: the latency and the throughput runs trade the same accounts. */
    private static final AtomicLong RUNS = new AtomicLong();

    private final List<String> instruments;
    private final String price = BenchMarket.priceDecimal();
    private final String quantity = BenchMarket.quantityDecimal();
    private final StringBuilder clientOrderId = new StringBuilder(24);
    private final SubmitOrderRequest.Builder order = SubmitOrderRequest.newBuilder()
        .setType(OrderType.ORDER_TYPE_LIMIT)
        .setPrice(price)
        .setQuantity(quantity);

    /** The flow over the pairs trading {@code instruments}, one instrument a pair. */
    OrderFlow(final List<String> instruments)
    {
        this.instruments = List.copyOf(instruments);
    }

    /** A number for a new run, never given before. */
    static long nextRun()
    {
        return RUNS.incrementAndGet();
    }

    int pairs()
    {
        return instruments.size();
    }

    /** The pair request {@code index} belongs to. */
    int pairOf(final long index)
    {
        return (int)(index / 2 % instruments.size());
    }

    /** Whether request {@code index} is a maker's order, else a taker's. */
    static boolean isMaker(final long index)
    {
        return (index & 1) == 0;
    }

    /** Request {@code index} of run {@code run}. */
    SubmitOrderRequest order(final long run, final long index)
    {
        final boolean makerSells = (index / (2L * instruments.size()) & 1) == 0;
        final boolean maker = isMaker(index);
        clientOrderId.setLength(0);
        clientOrderId.append(run).append(SEPARATOR).append(index);
        return order
            .setClientOrderId(clientOrderId.toString())
            .setInstrument(instruments.get(pairOf(index)))
            .setSide(maker == makerSells ? Side.SIDE_SELL : Side.SIDE_BUY)
            .setTimeInForce(maker ? TimeInForce.TIME_IN_FORCE_GTC : TimeInForce.TIME_IN_FORCE_IOC)
            .setStpMode(maker ? StpMode.STP_MODE_CANCEL_OLDEST : StpMode.STP_MODE_ACCOUNT_DEFAULT)
            .build();
    }

    /** The request of run {@code run} that a client order id names; -1 when it is of another run (or not the benchmark's). */
    static long indexIn(final long run, final String clientOrderId)
    {
        final int separator = clientOrderId.indexOf(SEPARATOR);
        if (separator < 1)
        {
            return -1;
        }
        try
        {
            return Long.parseLong(clientOrderId, 0, separator, 10) == run ?
                Long.parseLong(clientOrderId, separator + 1, clientOrderId.length(), 10) : -1;
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
