package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import bourse.sbe.CancelOrderDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.ReplaceOrderDecoder;
import bourse.sbe.TimeInForce;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExchangeCoreWorkloadTest
{
    private static final int COMMANDS = 300_000;
    private static ExchangeCoreWorkload workload;

    @BeforeAll
    static void generate()
    {
        workload = ExchangeCoreWorkload.generate(7, COMMANDS);
    }

    @Test
    void shouldEncodeExchangeCoresCommandMix()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder newOrder = new NewOrderDecoder();
        long gtc = 0;
        long ioc = 0;
        long cancels = 0;
        long amends = 0;
        for (int i = workload.setupCommandCount(); i < workload.totalCommandCount(); i++)
        {
            header.wrap(workload.buffer(), workload.offset(i));
            switch (header.templateId())
            {
                case NewOrderDecoder.TEMPLATE_ID:
                    newOrder.wrapAndApplyHeader(workload.buffer(), workload.offset(i), header);
                    if (newOrder.timeInForce() == TimeInForce.GTC)
                    {
                        gtc++;
                    }
                    else
                    {
                        ioc++;
                    }
                    break;
                case CancelOrderDecoder.TEMPLATE_ID:
                    cancels++;
                    break;
                case ReplaceOrderDecoder.TEMPLATE_ID:
                    amends++;
                    break;
                default:
                    throw new AssertionError("unexpected command " + header.templateId());
            }
        }

        assertThat(workload.benchmarkCommandCount()).isEqualTo(COMMANDS);
        assertThat((double)gtc / COMMANDS).isCloseTo(0.09, within(0.003));
        assertThat((double)ioc / COMMANDS).isCloseTo(0.03, within(0.003));
        assertThat((double)cancels / COMMANDS).isCloseTo(0.06, within(0.003));
        assertThat((double)amends / COMMANDS).isCloseTo(0.82, within(0.003));
        assertThat(workload.shape().gtcOrders()).isEqualTo(gtc);
        assertThat(workload.shape().iocOrders()).isEqualTo(ioc);
        assertThat(workload.shape().cancels()).isEqualTo(cancels);
        assertThat(workload.shape().amends()).isEqualTo(amends);
    }

    @Test
    void shouldHoldTheBookAtAboutAThousandOrdersOnAboutSevenHundredFiftyLevels()
    {
        assertThat(workload.shape().meanRestingOrders()).isCloseTo(1_000, within(50.0));
        assertThat(workload.shape().meanPriceLevels()).isCloseTo(750, within(40.0));
    }

    @Test
    void shouldLeaveTheReplayedEngineWithTheSameShapeAsTheGeneratorSaw()
    {
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }));
        for (int i = 0; i < workload.totalCommandCount(); i++)
        {
            workload.apply(engine, i);
        }
        final String[] lines = engine.dumpState().split("\n");
        final long resting = Arrays.stream(lines).filter(line -> line.startsWith("  bid ") || line.startsWith("  ask ")).count();
        final Set<String> levels = new HashSet<>();
        Arrays.stream(lines)
            .filter(line -> line.startsWith("  bid ") || line.startsWith("  ask "))
            .forEach(line -> levels.add(line.substring(2, 5) + line.replaceAll(".* price=(\\d+) .*", "$1")));
        final long accounts = Arrays.stream(lines).filter(line -> line.startsWith("account ")).count();

        assertThat(resting).isBetween(900L, 1_100L);
        assertThat(levels).hasSizeBetween(650, 850);
        assertThat(accounts).isEqualTo(1_000);
    }

    @Test
    void shouldRejectAlmostNothingAndTrade()
    {
        final CountingEventSink sink = new CountingEventSink();
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(sink));
        for (int i = 0; i < workload.totalCommandCount(); i++)
        {
            workload.apply(engine, i);
        }

        assertThat(sink.rejects()).isEqualTo(workload.shape().rejects());
        assertThat(workload.shape().rejectRate()).isLessThan(0.001);
        assertThat(workload.shape().trades()).isGreaterThan(COMMANDS / 100);
    }

    @Test
    void shouldGenerateTheSameBytesFromTheSameSeed()
    {
        final ExchangeCoreWorkload first = ExchangeCoreWorkload.generate(11, 20_000);
        final ExchangeCoreWorkload second = ExchangeCoreWorkload.generate(11, 20_000);
        final ExchangeCoreWorkload otherSeed = ExchangeCoreWorkload.generate(12, 20_000);

        assertThat(bytes(second)).isEqualTo(bytes(first));
        assertThat(second.totalCommandCount()).isEqualTo(first.totalCommandCount());
        for (int i = 0; i < first.totalCommandCount(); i++)
        {
            assertThat(second.offset(i)).isEqualTo(first.offset(i));
            assertThat(second.length(i)).isEqualTo(first.length(i));
        }
        assertThat(bytes(otherSeed)).isNotEqualTo(bytes(first));
    }

    private static byte[] bytes(final ExchangeCoreWorkload workload)
    {
        final byte[] bytes = new byte[workload.encodedLength()];
        workload.buffer().getBytes(0, bytes);
        return bytes;
    }
}
