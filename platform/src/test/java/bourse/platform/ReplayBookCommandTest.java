package bourse.platform;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.EngineRecovery;
import bourse.platform.QueuedOrders.QueuedOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `bourse replay book`: the price levels (L2) and every resting order in queue order (L3) at a given
 * sequence are exactly the books of the engine that journaled them, as its state dump lists them, in
 * every format.
 */
class ReplayBookCommandTest
{
    private static final int COMMANDS = 30_000;
    private static final String ALL_LEVELS = "1000000";
    private static final Pattern TABLE_ORDER_ROW =
        Pattern.compile("^ {2}(bid|ask) +(\\d+) +(\\S+) +(\\d+) +(\\d+) +(\\d+) +(\\S+)$");

    @TempDir
    static Path temp;
    private static Path data;
    /** The engine's state dump right after some sequences, taken while it journaled them, and at the end as recovered. */
    private static final Map<Long, String> DUMPS = new TreeMap<>();

    @BeforeAll
    static void recordAWorkload()
    {
        data = temp.resolve("data");
        WorkloadJournals.record(data, new MatchingEngine.Context(), COMMANDS, (i, input, output, engine) ->
        {
            final long sequence = engine.lastSequence();
            if (sequence == 1_000 || sequence == 7_777 || sequence == 15_000 || sequence == 22_222)
            {
                DUMPS.put(sequence, engine.dumpState());
            }
        });
        final MatchingEngine recovered = EngineRecovery.recover(new EngineRecovery.Context()
            .engineContext(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }))
            .inputJournalDirectory(new DataDirectory(data).input())).engine();
        DUMPS.put(recovered.lastSequence(), recovered.dumpState());
        assertThat(DUMPS).hasSize(5);
    }

    @Test
    void shouldListEveryRestingOrderInTheEnginesQueueOrderAfterAnySequence()
    {
        DUMPS.forEach((sequence, dump) ->
        {
            final List<QueuedOrder> engineQueues = QueuedOrders.fromStateDump(dump);
            final CommandRunner.Result l3 = book(sequence, "--orders", "--format", "csv", "--depth", ALL_LEVELS);
            final CommandRunner.Result l2 = book(sequence, "--format", "csv", "--depth", ALL_LEVELS);

            assertThat(l3.exitCode()).as(l3.err()).isZero();
            assertThat(QueuedOrders.fromCsv(l3.outLines())).as("L3 after sequence %d", sequence).isEqualTo(engineQueues);
            assertThat(QueuedOrders.levelsFromCsv(l2.outLines())).as("L2 after sequence %d", sequence)
                .isEqualTo(QueuedOrders.levels(engineQueues));
            assertThat(l3.outLines().subList(1, l3.outLines().size())).allSatisfy(line -> assertThat(line).startsWith(sequence + ","));
        });
        final long someSequence = DUMPS.keySet().iterator().next();
        assertThat(DUMPS.values()).anySatisfy(dump -> assertThat(QueuedOrders.levels(QueuedOrders.fromStateDump(dump)))
            .as("a level several orders deep").anySatisfy(level -> assertThat(level.orders()).isGreaterThan(2)));
        assertThat(QueuedOrders.fromStateDump(QueuedOrders.engineAfter(data, someSequence).dumpState()))
            .as("a fresh replay of the input journal rebuilds the same queues")
            .isEqualTo(QueuedOrders.fromStateDump(DUMPS.get(someSequence)));
    }

    @Test
    void shouldPrintTheSameOrdersAsATableCsvAndJson() throws Exception
    {
        final long sequence = 15_000;
        final List<QueuedOrder> csv = QueuedOrders.fromCsv(book(sequence, "--orders", "--format", "csv", "--depth", "3").outLines());
        assertThat(csv).isNotEmpty();

        final List<QueuedOrder> json = new ArrayList<>();
        for (final String line : book(sequence, "--orders", "--format", "json", "--depth", "3").outLines())
        {
            final JsonNode instrument = new ObjectMapper().readTree(line);
            assertThat(instrument.get("sequence").asLong()).isEqualTo(sequence);
            for (final String side : new String[]{"bid", "ask"})
            {
                int level = 0;
                for (final JsonNode priceLevel : instrument.get(side + "s"))
                {
                    level++;
                    assertThat(priceLevel.get("queue")).hasSize(priceLevel.get("orders").asInt());
                    for (final JsonNode order : priceLevel.get("queue"))
                    {
                        json.add(new QueuedOrder(instrument.get("symbol").asText(), side, level,
                            QueuedOrders.minorUnits(priceLevel.get("price").asText()), order.get("queuePosition").asInt(),
                            order.get("orderId").asLong(), order.get("accountId").asLong(),
                            QueuedOrders.minorUnits(order.get("visibleQuantity").asText())));
                    }
                }
            }
        }
        assertThat(json).isEqualTo(csv);

        final CommandRunner.Result table = book(sequence, "--orders", "--depth", "3");
        final List<String> tableOrders = new ArrayList<>();
        for (final String line : table.outLines())
        {
            final Matcher row = TABLE_ORDER_ROW.matcher(line);
            if (row.matches())
            {
                tableOrders.add(String.join(" ", row.group(1), row.group(2), Long.toString(QueuedOrders.minorUnits(
                    row.group(3).replace(",", ""))), row.group(4), row.group(5), row.group(6)));
            }
        }
        assertThat(tableOrders).isEqualTo(csv.stream().map(order -> order.side() + " " + order.level() + " " + order.price() + " " +
            order.queuePosition() + " " + order.orderId() + " " + order.accountId()).toList());
        assertThat(table.out()).as("the levels come first, as without --orders").startsWith(book(sequence, "--depth", "3").out());
    }

    @Test
    void shouldShowOnlyTheBestLevelsAndOneAccountsOrdersWhereTheyStandInTheQueue()
    {
        final long sequence = 22_222;
        final List<QueuedOrder> all = QueuedOrders.fromStateDump(DUMPS.get(sequence));
        final long someAccount = all.stream().filter(order -> order.queuePosition() > 1).findFirst().orElseThrow().accountId();

        assertThat(QueuedOrders.fromCsv(book(sequence, "--orders", "--format", "csv", "--depth", "2").outLines()))
            .isEqualTo(all.stream().filter(order -> order.level() <= 2).toList());
        assertThat(QueuedOrders.fromCsv(book(sequence, "--orders", "--format", "csv", "--depth", ALL_LEVELS,
            "--account", Long.toString(someAccount)).outLines()))
            .isNotEmpty()
            .isEqualTo(all.stream().filter(order -> order.accountId() == someAccount).toList());

        final CommandRunner.Result withoutOrders = book(sequence, "--account", Long.toString(someAccount));
        assertThat(withoutOrders.exitCode()).isEqualTo(2);
        assertThat(withoutOrders.err()).contains("--account selects orders: add --orders");
        assertThat(book(sequence, "--depth", "0").exitCode()).isEqualTo(2);
    }

    private static CommandRunner.Result book(final long sequence, final String... options)
    {
        final List<String> command = new ArrayList<>(List.of("replay", "book", data.toString(), "--at", Long.toString(sequence)));
        command.addAll(List.of(options));
        return CommandRunner.run(command.toArray(String[]::new));
    }
}
