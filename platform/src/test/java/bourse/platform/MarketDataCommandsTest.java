package bourse.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDataCommandsTest
{
    @Test
    void shouldShowALiveLadderFromTheFeedOfARunningVenue() throws Exception
    {
        final String[] streams = freeStreams();
        final CompletableFuture<CommandRunner.Result> venue = CompletableFuture.supplyAsync(() ->
            CommandRunner.run(concat(new String[] {"run", "--duration", "7", "--no-journal"}, streams)));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1_500));

        final CommandRunner.Result md = CommandRunner.run(concat(
            new String[] {"md", "BTC-USD", "--duration", "4", "--refresh", "500", "--no-redraw", "--depth", "3"}, streams));
        final CommandRunner.Result run = venue.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Market data: incrementals " + streams[1]);
        assertThat(md.exitCode()).as(md.err()).isZero();
        final String lastFrame = md.out().substring(md.out().lastIndexOf("BTC-USD  "));
        assertThat(lastFrame)
            .startsWith("BTC-USD  TRADING  current")
            .containsPattern("(?m)^last   [\\d,]+\\.\\d+ x [\\d.]+ at 20")
            .containsPattern("(?m)^24h    open [\\d,.]+  high [\\d,.]+  low [\\d,.]+  last [\\d,.]+  volume")
            .containsPattern("(?m)^---- spread [\\d.]+$")
            .containsPattern("(?m)^feed: [\\d,]+ incrementals");
        assertThat(lastFrame.lines().filter(line -> line.startsWith("ask ")).count()).isEqualTo(3);
        assertThat(lastFrame.lines().filter(line -> line.startsWith("bid ")).count()).isEqualTo(3);
    }

    @Test
    void shouldSaySoWhenNoMarketDataArrives()
    {
        final CommandRunner.Result md = CommandRunner.run(concat(
            new String[] {"md", "BTC-USD", "--duration", "1", "--no-redraw"}, freeStreams()));

        assertThat(md.exitCode()).isEqualTo(1);
        assertThat(md.out()).contains("BTC-USD: waiting for the feed");
        assertThat(md.err()).contains("md: no market data for BTC-USD arrived");
    }

    @Test
    void shouldRunTheFeedAloneAndPrintItsStreams()
    {
        final String[] streams = freeStreams();
        final String events = "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|fc=min|term-length=1m";

        final CommandRunner.Result feed = CommandRunner.run(concat(
            new String[] {"feed", "--duration", "1", "--event-channel", events}, streams));

        assertThat(feed.exitCode()).as(feed.err()).isZero();
        assertThat(feed.out())
            .contains("engine events: " + events + " stream 1002")
            .contains("incrementals:  " + streams[1] + " stream 2001")
            .contains("snapshots:     " + streams[3] + " stream 2002")
            .contains("(embedded media driver)")
            .contains("Feed stopped: 0 engine events in");
    }

    @Test
    void shouldRefuseStreamsThatCollide()
    {
        final String channel = "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic";

        final CommandRunner.Result md = CommandRunner.run("md", "BTC-USD", "--duration", "1",
            "--incremental-channel", channel, "--snapshot-channel", channel, "--snapshot-stream", "2001");

        assertThat(md.exitCode()).isEqualTo(2);
        assertThat(md.err()).contains("incrementals and snapshots need different streams");
    }

    /** The feed's two streams on ports nothing else here uses. */
    private static String[] freeStreams()
    {
        return new String[] {
            "--incremental-channel", "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|fc=min|term-length=1m",
            "--snapshot-channel", "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|term-length=1m"};
    }

    private static String[] concat(final String[] first, final String[] second)
    {
        final String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
