package bourse.platform;

import bourse.platform.demo.AccountsView;
import bourse.platform.view.Decimals;
import bourse.platform.view.InstrumentView;
import bourse.platform.view.MarketView;
import bourse.platform.view.PriceLadder;
import bourse.sbe.RejectReason;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Writes what {@code bourse run} shows: a status line per second and a summary at the end, both made
 * only from the event-derived views (best bid and ask from the rebuilt books, trades and last prices
 * from trade events), never from what the simulated traders meant to do.
 */
final class StatusReport
{
    private static final String NONE = "-";

    private final MarketView market;
    private final AccountsView accounts;
    private final PrintWriter out;
    private final long startNs;
    private long previousNs;
    private long previousCommands;
    private long previousTrades;

    StatusReport(final MarketView market, final AccountsView accounts, final PrintWriter out, final long startNs, final long commands)
    {
        this.market = market;
        this.accounts = accounts;
        this.out = out;
        this.startNs = startNs;
        this.previousNs = startNs;
        this.previousCommands = commands;
        this.previousTrades = market.tradeCount();
    }

    /**
     * One line: commands per second and trades since the last line, then per instrument best bid / best
     * ask and last trade, e.g. {@code [   3s]  50,004 cmd/s  9,873 trades | BTC-USD 64,012.50 / 64,013.00 last 64,012.50}.
     */
    void printStatus(final long nowNs, final long commands)
    {
        final long elapsedNs = Math.max(1, nowNs - previousNs);
        final long commandsPerSecond = (commands - previousCommands) * TimeUnit.SECONDS.toNanos(1) / elapsedNs;
        final long trades = market.tradeCount() - previousTrades;
        final StringBuilder line = new StringBuilder(160);
        line.append(String.format("[%4ds] %9s cmd/s %8s trades",
            TimeUnit.NANOSECONDS.toSeconds(nowNs - startNs + TimeUnit.MILLISECONDS.toNanos(500)),
            Decimals.count(commandsPerSecond), Decimals.count(trades)));
        for (final InstrumentView instrument : market.instruments())
        {
            line.append(" | ").append(instrument.symbol())
                .append(' ').append(best(instrument, instrument.bids()))
                .append(" / ").append(best(instrument, instrument.asks()))
                .append(" last ").append(instrument.hasTraded() ? instrument.formatPrice(instrument.lastPrice()) : NONE);
        }
        out.println(line);
        out.flush();
        previousNs = nowNs;
        previousCommands = commands;
        previousTrades = market.tradeCount();
    }

    /** Totals since the start, the books' final state per instrument, and the rejects by reason. */
    void printSummary(final long nowNs, final long commands)
    {
        final long elapsedMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nowNs - startNs));
        out.printf("Stopped after %s s: %s commands (%s/s), %s trades, %s rejected%s%n",
            Decimals.format(elapsedMs / 100, 1),
            Decimals.count(commands),
            Decimals.count(commands * 1_000 / elapsedMs),
            Decimals.count(market.tradeCount()),
            Decimals.count(accounts.rejectCount()),
            rejectReasons());
        for (final InstrumentView instrument : market.instruments())
        {
            out.printf("  %-8s bid %s (%d levels)  ask %s (%d levels)  last %s  trades %s  volume %s %s%n",
                instrument.symbol(),
                best(instrument, instrument.bids()), instrument.bids().levelCount(),
                best(instrument, instrument.asks()), instrument.asks().levelCount(),
                instrument.hasTraded() ? instrument.formatPrice(instrument.lastPrice()) : NONE,
                Decimals.count(instrument.tradeCount()),
                market.formatAmount(instrument.baseAssetId(), instrument.tradedQuantity()),
                market.assetCode(instrument.baseAssetId()));
        }
        out.flush();
    }

    private String rejectReasons()
    {
        final StringBuilder reasons = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL && accounts.rejectCount(reason) > 0)
            {
                reasons.append(reasons.length() == 0 ? " (" : ", ")
                    .append(reason).append(' ').append(Decimals.count(accounts.rejectCount(reason)));
            }
        }
        return reasons.length() == 0 ? "" : reasons.append(')').toString();
    }

    private static String best(final InstrumentView instrument, final PriceLadder side)
    {
        return side.isEmpty() ? NONE : instrument.formatPrice(side.bestPrice());
    }
}
