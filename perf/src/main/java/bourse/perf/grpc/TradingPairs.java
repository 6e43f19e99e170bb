package bourse.perf.grpc;

import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.gateway.ApiKey;
import bourse.gateway.OrderGateway;
import bourse.perf.AeronWait;
import bourse.perf.BenchMarket;
import bourse.sbe.StpMode;
import io.aeron.Aeron;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The accounts the gRPC benchmark trades with, set up as an operator would: an admin client sends the
 * engine its own commands ({@link BenchMarket}'s assets, then per pair an instrument, a funded maker and
 * a funded taker, each with an API key), and the gateway learns the instruments and the keys from the
 * engine's events, as it would in a venue.
 */
final class TradingPairs
{
    /** The admin's source id on the engine: the gateway's are 100 and up. */
    private static final int ADMIN_SOURCE_ID = 1;

    /** One pair: the instrument they trade and the maker's and the taker's API keys. */
    record Pair(String instrument, ApiKey maker, ApiKey taker)
    {
    }

    private TradingPairs()
    {
    }

    /** Sets up {@code pairs} pairs and returns once the gateway knows every key; fails after {@code timeoutNs}. */
    static List<Pair> setUp(final EngineService service, final OrderGateway gateway, final int pairs, final long timeoutNs)
    {
        final EngineService.Context engine = service.context();
        final SecureRandom random = new SecureRandom();
        final int keysBefore = gateway.apiKeyCount();
        try (Aeron admin = Aeron.connect(SmallMachineAeron.clientContext(engine.aeronDirectoryName(), engine.livenessTimeoutNs())))
        {
            final EngineProxy proxy = new EngineProxy(
                admin.addExclusivePublication(engine.commandChannel(), engine.commandStreamId()),
                ADMIN_SOURCE_ID, 0, EngineProxy.DEFAULT_MAX_ATTEMPTS, new YieldingIdleStrategy());
            AeronWait.until("the engine to take the admin's commands", timeoutNs, proxy::isConnected);
            final List<LongFunction<SendResult>> commands = new ArrayList<>(BenchMarket.assets(proxy));
            final List<Pair> set = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++)
            {
                final String instrument = "BTC-USD-" + (pair + 1);
                final Pair keys = new Pair(instrument, ApiKey.generate(random), ApiKey.generate(random));
                commands.add(BenchMarket.instrument(proxy, pair + 1, instrument));
                final long maker = 2L * pair + 1;
                commands.addAll(BenchMarket.fundedAccount(proxy, maker, StpMode.CANCEL_NEWEST));
                commands.add(id -> proxy.createApiKey(id, maker, keys.maker().hash()));
                commands.addAll(BenchMarket.fundedAccount(proxy, maker + 1, StpMode.CANCEL_NEWEST));
                commands.add(id -> proxy.createApiKey(id, maker + 1, keys.taker().hash()));
                set.add(keys);
            }
            for (final LongFunction<SendResult> command : commands)
            {
                final SendResult result = command.apply(proxy.nextCorrelationId());
                if (result != SendResult.SENT)
                {
                    throw new IllegalStateException("cannot send a set-up command to the engine: " + result);
                }
            }
            // The gateway reads the events in order: once it knows every key, it knows every instrument too.
            AeronWait.until("the gateway to learn the API keys", timeoutNs, () -> gateway.apiKeyCount() >= keysBefore + 2 * pairs);
            return set;
        }
    }
}
