package bourse.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest
{
    private static final Pattern STATUS_LINE =
        Pattern.compile("^\\[\\s*\\d+s]\\s+([\\d,]+) cmd/s\\s+([\\d,]+) trades((?: \\| \\S+ \\S+ / \\S+ last \\S+)+)$");
    private static final Pattern INSTRUMENT = Pattern.compile(" \\| (\\S+) (\\S+) / (\\S+) last (\\S+)");

    @TempDir
    Path temp;

    @Test
    void shouldPrintTradesAndATwoSidedBookForEveryInstrumentOnceASecond()
    {
        final Path data = temp.resolve("data");
        final CommandRunner.Result result =
            CommandRunner.run("run", "--duration", "2", "--data", data.toString(), "--gateway-port", "0");

        assertThat(result.exitCode()).isZero();
        final List<Status> statuses = statusLines(result.outLines());
        // Two lines normally; a machine stalled for over a second merges two into one.
        assertThat(statuses).hasSizeBetween(1, 3);
        for (final Status status : statuses)
        {
            assertThat(status.commandsPerSecond()).isPositive();
            assertThat(status.trades()).isPositive();
            assertThat(status.instruments()).extracting(Quote::symbol).containsExactly("BTC-USD", "ETH-USD");
            for (final Quote quote : status.instruments())
            {
                assertThat(quote.bid()).as(quote.symbol() + " bid").isNotEqualTo("-");
                assertThat(quote.ask()).as(quote.symbol() + " ask").isNotEqualTo("-");
                assertThat(decimal(quote.bid())).as(quote.symbol() + " bid below ask").isLessThan(decimal(quote.ask()));
                assertThat(quote.last()).as(quote.symbol() + " last").isNotEqualTo("-");
            }
        }
        assertThat(result.out()).containsPattern("(?m)^Stopped after [\\d.]+ s: [\\d,]+ commands");
        assertThat(result.out()).contains("Engine service on Aeron IPC, embedded media driver")
            .contains("Market data: incrementals aeron:udp?control=localhost:40125");
        assertThat(result.out()).contains("Journal: " + data.toAbsolutePath());
        assertThat(result.out()).containsPattern("gRPC order gateway on localhost:\\d+ .*Your account 100 trades " +
            "through it with the API key bk_[A-Za-z0-9_-]{43} \\(shown once\\)")
            .containsPattern("export BOURSE_API_KEY=bk_\\S+; ./bourse order submit --target localhost:\\d+ ");

        final CommandRunner.Result verify = CommandRunner.run("replay", "verify", data.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("verify: PASSED").contains(" 0 differ, 0 never recorded");
    }

    @Test
    void shouldRefuseADataDirectoryThatIsNotEmpty() throws IOException
    {
        Files.writeString(temp.resolve("something"), "not a journal");

        final CommandRunner.Result result = CommandRunner.run("run", "--duration", "1", "--data", temp.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not empty");
    }

    @Test
    void shouldShowAQuietVenueWithoutTheDemo()
    {
        final CommandRunner.Result result = CommandRunner.run("run", "--no-demo", "--duration", "1", "--no-journal", "--no-gateway");

        assertThat(result.exitCode()).isZero();
        final List<Status> statuses = statusLines(result.outLines());
        assertThat(statuses).isNotEmpty();
        for (final Status status : statuses)
        {
            assertThat(status.commandsPerSecond()).isZero();
            assertThat(status.trades()).isZero();
            assertThat(status.instruments()).extracting(Quote::symbol).containsExactly("BTC-USD", "ETH-USD");
            assertThat(status.instruments()).allSatisfy(quote -> assertThat(quote.last()).isEqualTo("-"));
        }
        assertThat(result.out()).contains("0 trades, 0 rejected").doesNotContain("gRPC order gateway");
    }

    @Test
    void shouldRefuseARateThatIsNotPositive()
    {
        final CommandRunner.Result result = CommandRunner.run("run", "--rate", "0", "--duration", "1", "--no-journal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--rate must be in");
    }

    private static List<Status> statusLines(final List<String> lines)
    {
        final List<Status> statuses = new ArrayList<>();
        for (final String line : lines)
        {
            final Matcher matcher = STATUS_LINE.matcher(line);
            if (matcher.matches())
            {
                final List<Quote> quotes = new ArrayList<>();
                final Matcher instrument = INSTRUMENT.matcher(matcher.group(3));
                while (instrument.find())
                {
                    quotes.add(new Quote(instrument.group(1), instrument.group(2), instrument.group(3), instrument.group(4)));
                }
                statuses.add(new Status(count(matcher.group(1)), count(matcher.group(2)), quotes));
            }
        }
        return statuses;
    }

    private static long count(final String text)
    {
        return Long.parseLong(text.replace(",", ""));
    }

    private static BigDecimal decimal(final String text)
    {
        return new BigDecimal(text.replace(",", ""));
    }

    private record Status(long commandsPerSecond, long trades, List<Quote> instruments)
    {
    }

    private record Quote(String symbol, String bid, String ask, String last)
    {
    }
}
