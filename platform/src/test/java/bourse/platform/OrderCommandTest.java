package bourse.platform;

import bourse.platform.demo.DemoVenue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bourse order} against a quiet demo venue with its gateway on a free port: each sub-command's
 * line of output, the gateway's refusals on stderr, and the key taken from {@code --key}.
 */
class OrderCommandTest
{
    private static DemoVenue venue;

    @BeforeAll
    static void startVenue()
    {
        venue = DemoVenue.launch(new DemoVenue.Context().withTraders(false).gatewayPort(0));
    }

    @AfterAll
    static void stopVenue()
    {
        venue.close();
    }

    @Test
    void shouldPlaceListReplaceAndCancelAnOrder()
    {
        final CommandRunner.Result submitted = order("submit", "--instrument", "BTC-USD", "--side", "buy",
            "--price", "63000.5", "--qty", "0.002", "--client-order-id", "cli-1");
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(submitted.out().strip()).matches(
            "NEW order \\d+ \\(cli-1\\) BTC-USD BUY LIMIT 63000.50 qty 0.00200000: NEW, filled 0.00000000, " +
            "open 0.00200000 \\[seq \\d+]");

        assertThat(order("list").outLines()).hasSize(2).last().isEqualTo("1 open orders");

        final CommandRunner.Result replaced = order("replace", "--client-order-id", "cli-1", "--price", "63001", "--qty", "0.003");
        assertThat(replaced.out()).startsWith("REPLACED order").contains("63001.00 qty 0.00300000: REPLACED");

        final CommandRunner.Result cancelled = order("cancel", "--client-order-id", "cli-1");
        assertThat(cancelled.out()).startsWith("CANCELLED order").contains(": CANCELLED").contains("| USER");

        final CommandRunner.Result again = order("cancel", "--client-order-id", "cli-1");
        assertThat(again.out()).startsWith("refused: UNKNOWN_ORDER | ORDER_STATUS order");
        assertThat(order("get", "--client-order-id", "cli-1").out()).startsWith("ORDER_STATUS order").contains(": CANCELLED");
    }

    @Test
    void shouldPrintTheEnginesRejectAsAReport()
    {
        final CommandRunner.Result rejected = order("submit", "--instrument", "BTC-USD", "--side", "sell",
            "--type", "limit", "--price", "64000.25", "--qty", "0.001");

        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.out()).startsWith("REJECTED order 0").contains("| PRICE_NOT_ON_TICK");
    }

    @Test
    void shouldPrintTheGatewaysRefusalOnStandardError()
    {
        final CommandRunner.Result refused = order("submit", "--instrument", "BTC-USD", "--side", "buy",
            "--price", "lots", "--qty", "0.001");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo(
            "INVALID_ARGUMENT: price: 'lots' is not a decimal number such as 101.25");
    }

    @Test
    void shouldRefuseAnUnknownKeyAndAnUnknownChoice()
    {
        final CommandRunner.Result unknownKey = CommandRunner.run("order", "list", "--target", target(), "--key", "bk_nope");
        final CommandRunner.Result unknownSide = order("submit", "--instrument", "BTC-USD", "--side", "up", "--qty", "1");

        assertThat(unknownKey.exitCode()).isEqualTo(1);
        assertThat(unknownKey.err().strip()).isEqualTo("UNAUTHENTICATED: unknown API key");
        assertThat(unknownSide.exitCode()).isEqualTo(2);
        assertThat(unknownSide.err()).contains("--side must be one of [buy, sell]: up");
    }

    @Test
    void shouldStreamTheAccountsReportsStartingWithItsOpenOrders()
    {
        order("submit", "--instrument", "ETH-USD", "--side", "sell", "--price", "3300", "--qty", "0.5",
            "--client-order-id", "streamed");

        final CommandRunner.Result streamed = order("stream", "--open", "--duration", "1");

        assertThat(streamed.exitCode()).as(streamed.err()).isZero();
        assertThat(streamed.out()).contains("ORDER_STATUS order").contains("(streamed) ETH-USD SELL LIMIT 3300.00");
        order("cancel-all");
    }

    @Test
    void shouldListTheInstruments()
    {
        assertThat(order("instruments").outLines()).hasSize(2)
            .allSatisfy(line -> assertThat(line).endsWith("TRADING"))
            .first().asString().startsWith("BTC-USD  tick 0.50  lot 0.00100000");
    }

    private static CommandRunner.Result order(final String... args)
    {
        final List<String> command = new ArrayList<>(List.of("order"));
        command.addAll(List.of(args));
        command.addAll(List.of("--target", target(), "--key", venue.userApiKey().key()));
        return CommandRunner.run(command.toArray(String[]::new));
    }

    private static String target()
    {
        return "localhost:" + venue.gatewayPort();
    }
}
