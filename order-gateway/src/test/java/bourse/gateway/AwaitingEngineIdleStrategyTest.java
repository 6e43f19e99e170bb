package bourse.gateway;

import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitingEngineIdleStrategyTest
{
    private final CountingIdleStrategy configured = new CountingIdleStrategy();
    private boolean awaiting;
    private long nowNs = 1_000;
    private final AwaitingEngineIdleStrategy idle = new AwaitingEngineIdleStrategy(configured, () -> awaiting, () -> nowNs);

    @Test
    void shouldIdleAsConfiguredWhenNothingAwaitsTheEngine()
    {
        idle.idle(0);
        idle.idle(0);

        assertThat(configured.idles).isEqualTo(2);
    }

    @Test
    void shouldYieldInsteadWhileCommandsAwaitTheEngine()
    {
        awaiting = true;

        idle.idle(0);
        nowNs += AwaitingEngineIdleStrategy.MAX_YIELD_NS - 1;
        idle.idle(0);

        assertThat(configured.idles).as("no park: the answer is read as soon as it comes").isZero();
    }

    @Test
    void shouldIdleAsConfiguredAgainOnceAnAnswerIsLongOverdue()
    {
        awaiting = true;
        idle.idle(0);
        nowNs += AwaitingEngineIdleStrategy.MAX_YIELD_NS;

        idle.idle(0);

        assertThat(configured.idles).as("an engine that does not answer costs no more than the bound").isEqualTo(1);
    }

    @Test
    void shouldStartTheBoundAfreshAfterWork()
    {
        awaiting = true;
        idle.idle(0);
        nowNs += AwaitingEngineIdleStrategy.MAX_YIELD_NS;

        idle.idle(1);
        idle.idle(0);

        assertThat(configured.idles).as("only the work is passed on").isEqualTo(1);
        assertThat(configured.lastWorkCount).isEqualTo(1);
    }

    private static final class CountingIdleStrategy implements IdleStrategy
    {
        private int idles;
        private int lastWorkCount;

        @Override
        public void idle(final int workCount)
        {
            idles++;
            lastWorkCount = workCount;
        }

        @Override
        public void idle()
        {
            idles++;
        }

        @Override
        public void reset()
        {
        }
    }
}
