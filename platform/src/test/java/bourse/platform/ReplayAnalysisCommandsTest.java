package bourse.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `bourse replay trades`, `orders`, `book`, `stats` and `candles` on the journal a `bourse run` wrote: every trade
 * the run reported, filtered and formatted, each order's life, the book it ended with, and statistics
 * that add up to the trades.
 */
class ReplayAnalysisCommandsTest
{
    private static final Pattern SUMMARY = Pattern.compile("(?m)^Stopped after [\\d.]+ s: [\\d,]+ commands \\([\\d,]+/s\\), ([\\d,]+) trades");

    @TempDir
    static Path temp;
    private static Path data;
    private static long tradesReported;
    private static String runOutput;

    @BeforeAll
    static void runTheDemo()
    {
        data = temp.resolve("data");
        final CommandRunner.Result run = CommandRunner.run("run", "--duration", "1", "--rate", "20000", "--data", data.toString());
        runOutput = run.out();
        final Matcher summary = SUMMARY.matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        tradesReported = Long.parseLong(summary.group(1).replace(",", ""));
        assertThat(tradesReported).isPositive();
    }

    @Test
    void shouldListEveryTradeTheRunReportedAsCsv()
    {
        final CommandRunner.Result result = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> lines = result.outLines();
        assertThat(lines.get(0)).startsWith("sequence,time,symbol,tradeId,price,quantity");
        assertThat(lines).hasSize(1 + (int)tradesReported);
        assertThat(lines.get(1)).matches("\\d+,\\S+,(BTC|ETH)-USD,1,\\d+\\.\\d+,\\d+\\.\\d+,(BUY|SELL),\\d+,\\d+,\\d+\\.\\d+,\\d+,\\d+,\\d+\\.\\d+");
    }

    @Test
    void shouldFilterByInstrumentAccountAndSequence()
    {
        final List<String> eth = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv", "--instrument", "ETH-USD").outLines();
        final List<String> btc = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv", "--instrument", "BTC-USD").outLines();
        assertThat(eth.subList(1, eth.size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",ETH-USD,"));
        assertThat(eth.size() - 1 + btc.size() - 1).isEqualTo(tradesReported);

        final List<String> account = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv", "--account", "3").outLines();
        assertThat(account.subList(1, account.size())).isNotEmpty().allSatisfy(line ->
        {
            final String[] fields = line.split(",");
            assertThat(fields[8].equals("3") || fields[11].equals("3")).as(line).isTrue();
        });

        final List<String> window = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv", "--from", "1000",
            "--to", "2000").outLines();
        assertThat(window.subList(1, window.size())).isNotEmpty().allSatisfy(line ->
            assertThat(Long.parseLong(line.split(",")[0])).isBetween(1000L, 2000L));
    }

    @Test
    void shouldSelectTradesByTheTimeOfTheirCommand()
    {
        final List<String> all = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv").outLines();
        final Instant from = Instant.parse(all.get(all.size() / 4).split(",")[1]);
        final Instant to = Instant.parse(all.get(all.size() / 2).split(",")[1]);

        final List<String> window = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv",
            "--from", from.toString(), "--to", to.toString()).outLines();

        assertThat(window.subList(1, window.size())).isNotEmpty().isEqualTo(all.stream().skip(1).filter(line ->
        {
            final Instant time = Instant.parse(line.split(",")[1]);
            return !time.isBefore(from) && !time.isAfter(to);
        }).toList());
    }

    @Test
    void shouldFollowOneAccountsOrdersAndPositions() throws Exception
    {
        final List<String> orders = CommandRunner.run("replay", "orders", data.toString(), "--format", "csv", "--account", "3").outLines();
        assertThat(orders.subList(1, orders.size())).isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[2]).isEqualTo("3"));

        final JsonNode stats = new ObjectMapper().readTree(
            CommandRunner.run("replay", "stats", data.toString(), "--format", "json", "--account", "3").out());
        assertThat(stats.get("accounts")).isNotEmpty().allSatisfy(position -> assertThat(position.get("account").asLong()).isEqualTo(3));
        assertThat(stats.get("instruments")).as("the per-instrument part is everyone's").hasSize(2);
    }

    @Test
    void shouldPrintOneJsonObjectPerTrade()
    {
        final List<String> lines = CommandRunner.run("replay", "trades", data.toString(), "--format", "json", "--to", "5000").outLines();

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"sequence\":").endsWith("}")
            .contains("\"price\":\"").contains("\"takerFee\":\""));
    }

    @Test
    void shouldRebuildTheBookTheRunEndedWith()
    {
        final CommandRunner.Result book = CommandRunner.run("replay", "book", data.toString(), "--depth", "3");

        assertThat(book.exitCode()).as(book.err()).isZero();
        for (final String symbol : new String[]{"BTC-USD", "ETH-USD"})
        {
            final Matcher summary = Pattern.compile("(?m)^  " + symbol + "\\s+bid (\\S+) \\(\\d+ levels\\)\\s+ask (\\S+) ")
                .matcher(runOutput);
            assertThat(summary.find()).as(runOutput).isTrue();
            final Matcher top = Pattern.compile("(?m)^" + symbol + " after sequence \\d+ at \\S+: .*\\n.*\\n\\s+\\d+\\s+\\S+\\s+(\\S+) \\| (\\S+) ")
                .matcher(book.out());
            assertThat(top.find()).as(book.out()).isTrue();
            assertThat(top.group(1)).as(symbol + " best bid").isEqualTo(summary.group(1));
            assertThat(top.group(2)).as(symbol + " best ask").isEqualTo(summary.group(2));
        }
    }

    @Test
    void shouldListTheEnginesQueuesWithIcebergsShowingOnlyTheirVisibleSlice()
    {
        final Matcher end = Pattern.compile(" after sequence (\\d+) ").matcher(CommandRunner.run("replay", "book", data.toString()).out());
        assertThat(end.find()).isTrue();
        final long lastSequence = Long.parseLong(end.group(1));
        long ordersSeen = 0;
        long hiddenSeen = 0;
        for (int tenth = 1; tenth <= 10; tenth++)
        {
            final long sequence = lastSequence * tenth / 10;
            final String dump = QueuedOrders.engineAfter(data, sequence).dumpState();
            final CommandRunner.Result book = CommandRunner.run("replay", "book", data.toString(), "--at", Long.toString(sequence),
                "--orders", "--format", "csv", "--depth", "1000000");

            assertThat(book.exitCode()).as(book.err()).isZero();
            final List<QueuedOrders.QueuedOrder> orders = QueuedOrders.fromCsv(book.outLines());
            assertThat(orders).as("after sequence %d", sequence).isEqualTo(QueuedOrders.fromStateDump(dump));
            ordersSeen += orders.size();
            hiddenSeen += QueuedOrders.hiddenQuantity(dump);
        }
        assertThat(ordersSeen).as("orders were resting").isPositive();
        assertThat(hiddenSeen).as("icebergs with hidden quantity were resting").isPositive();
    }

    @Test
    void shouldTellEachOrdersLifeFromAcceptanceToItsEnd()
    {
        final CommandRunner.Result result = CommandRunner.run("replay", "orders", data.toString(), "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        final Map<String, List<String>> stepsByOrder = new LinkedHashMap<>();
        result.outLines().stream().skip(1).forEach(line ->
        {
            final String[] fields = line.split(",", 6);
            stepsByOrder.computeIfAbsent(fields[1], order -> new ArrayList<>()).add(fields[4]);
        });
        assertThat(stepsByOrder).hasSizeGreaterThan(100);
        stepsByOrder.forEach((order, steps) ->
        {
            assertThat(steps.get(0)).as("order %s begins accepted: %s", order, steps).isEqualTo("accepted");
            final long ends = steps.stream().filter(step -> step.equals("done") || step.equals("cancelled")).count();
            assertThat(ends).as("order %s ends at most once: %s", order, steps).isLessThanOrEqualTo(1);
            if (ends == 1)
            {
                assertThat(steps.get(steps.size() - 1)).as("nothing after the end of order %s: %s", order, steps)
                    .isIn("done", "cancelled");
            }
        });

        final String someOrder = stepsByOrder.keySet().iterator().next();
        final List<String> one = CommandRunner.run("replay", "orders", data.toString(), "--format", "csv", "--order", someOrder)
            .outLines();
        assertThat(one.subList(1, one.size())).hasSize(stepsByOrder.get(someOrder).size())
            .allSatisfy(line -> assertThat(line.split(",")[1]).isEqualTo(someOrder));
    }

    @Test
    void shouldSumTheTradesIntoInstrumentAndAccountStatistics() throws Exception
    {
        final CommandRunner.Result stats = CommandRunner.run("replay", "stats", data.toString(), "--format", "json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        final JsonNode json = new ObjectMapper().readTree(stats.out());
        final List<String> trades = CommandRunner.run("replay", "trades", data.toString(), "--format", "csv").outLines();

        long tradeCount = 0;
        for (final JsonNode instrument : json.get("instruments"))
        {
            final String symbol = instrument.get("symbol").asText();
            tradeCount += instrument.get("trades").asLong();
            final BigDecimal volume = trades.stream().skip(1).map(line -> line.split(","))
                .filter(fields -> fields[2].equals(symbol))
                .map(fields -> new BigDecimal(fields[5])).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(instrument.get("volume").asText())).as(symbol + " volume").isEqualByComparingTo(volume);
        }
        assertThat(tradeCount).isEqualTo(tradesReported);

        // Average cost accounting: what was realised is the cash flow plus the open position at its average price.
        for (final JsonNode position : json.get("accounts"))
        {
            final String accountId = position.get("account").asText();
            final String symbol = position.get("symbol").asText();
            BigDecimal cash = BigDecimal.ZERO;
            for (final String line : trades.subList(1, trades.size()))
            {
                final String[] fields = line.split(",");
                if (!fields[2].equals(symbol))
                {
                    continue;
                }
                final BigDecimal notional = new BigDecimal(fields[4]).multiply(new BigDecimal(fields[5]));
                final boolean takerBuys = fields[6].equals("BUY");
                if (fields[11].equals(accountId))
                {
                    cash = takerBuys ? cash.subtract(notional) : cash.add(notional);
                }
                if (fields[8].equals(accountId))
                {
                    cash = takerBuys ? cash.add(notional) : cash.subtract(notional);
                }
            }
            final BigDecimal expected = cash.add(new BigDecimal(position.get("position").asText())
                .multiply(new BigDecimal(position.get("averagePrice").asText())));
            assertThat(new BigDecimal(position.get("realisedPnl").asText()))
                .as("account %s %s", accountId, symbol)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
        }
    }

    @Test
    void shouldGroupEveryTradeIntoCandlesThatHoldTheirPrices()
    {
        final CommandRunner.Result result = CommandRunner.run("replay", "candles", data.toString(), "--interval", "1s", "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> candles = result.outLines().subList(1, result.outLines().size());
        assertThat(candles).isNotEmpty();
        long trades = 0;
        for (final String line : candles)
        {
            final String[] fields = line.split(",");
            final BigDecimal open = new BigDecimal(fields[2]);
            final BigDecimal high = new BigDecimal(fields[3]);
            final BigDecimal low = new BigDecimal(fields[4]);
            final BigDecimal close = new BigDecimal(fields[5]);
            assertThat(low).as(line).isLessThanOrEqualTo(open.min(close));
            assertThat(high).as(line).isGreaterThanOrEqualTo(open.max(close));
            trades += Long.parseLong(fields[7]);
        }
        assertThat(trades).isEqualTo(tradesReported);
        assertThat(CommandRunner.run("replay", "candles", data.toString(), "--interval", "5x").exitCode()).isEqualTo(2);
    }
}
