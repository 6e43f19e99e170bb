package bourse.gateway;

import io.grpc.ManagedChannel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * One {@link Venue} for all the tests of a class, started before the first and closed after the last:
 * {@code @RegisterExtension static final SharedVenue venue = new SharedVenue();}. Each test opens accounts
 * of its own, so that the tests do not see each other's orders.
 */
final class SharedVenue implements BeforeAllCallback, AfterAllCallback
{
    private final Consumer<OrderGateway.Context> configure;
    private Venue venue;

    SharedVenue()
    {
        this(context ->
        {
        });
    }

    /** A venue whose gateway {@code configure} sets up further. */
    SharedVenue(final Consumer<OrderGateway.Context> configure)
    {
        this.configure = configure;
    }

    @Override
    public void beforeAll(final ExtensionContext context)
    {
        venue = Venue.start(configure);
    }

    @Override
    public void afterAll(final ExtensionContext context)
    {
        venue.close();
    }

    Trader trader()
    {
        return venue.trader();
    }

    ApiKey newApiKey(final long accountId)
    {
        return venue.newApiKey(accountId);
    }

    void revoke(final long accountId, final ApiKey key)
    {
        venue.revoke(accountId, key);
    }

    ManagedChannel channel()
    {
        return venue.channel;
    }

    OrderGateway gateway()
    {
        return venue.gateway;
    }

    void pauseEngine()
    {
        venue.pauseEngine();
    }

    void resumeEngine()
    {
        venue.resumeEngine();
    }
}
