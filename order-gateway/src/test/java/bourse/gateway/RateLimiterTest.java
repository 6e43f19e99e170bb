package bourse.gateway;

import org.agrona.concurrent.NanoClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A token bucket per key, on a clock the test moves by hand. */
class RateLimiterTest
{
    private long nowNs = 1_000_000_000L;
    private final NanoClock clock = () -> nowNs;

    @Test
    void shouldAllowTheBurstAtOnceThenOneRequestPerInterval()
    {
        final RateLimiter limiter = new RateLimiter(clock, 10, 3);

        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).as("a tenth of a second until the next token")
            .isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

        nowNs += TimeUnit.MILLISECONDS.toNanos(60);
        assertThat(limiter.tryAcquire("k")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
        nowNs += TimeUnit.MILLISECONDS.toNanos(40);
        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).isPositive();
    }

    @Test
    void shouldRefillTheWholeBurstAfterAQuietSpellButNoMore()
    {
        final RateLimiter limiter = new RateLimiter(clock, 10, 2);
        limiter.tryAcquire("k");
        limiter.tryAcquire("k");

        nowNs += TimeUnit.SECONDS.toNanos(60);

        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("k")).isPositive();
    }

    @Test
    void shouldKeepABucketPerKey()
    {
        final RateLimiter limiter = new RateLimiter(clock, 1, 1);

        assertThat(limiter.tryAcquire("a")).isEqualTo(RateLimiter.ALLOWED);
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).isEqualTo(RateLimiter.ALLOWED);
    }
}
