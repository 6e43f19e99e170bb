package bourse.platform.admin;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.JournalCatchUp;
import bourse.engine.client.SendResult;
import bourse.engine.journal.DataDirectory;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.ApiKeyCreatedDecoder;
import bourse.sbe.ApiKeyRevokedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.InstrumentStatusChangedDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.StpMode;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * An operator's client of a running engine: it learns the assets and accounts from the engine's output
 * journal and event stream ({@link JournalCatchUp}), sends account commands through an
 * {@link EngineProxy} and waits for each one's answer, as an operator's tool must know the outcome before
 * it tells anyone an account exists. One thread.
 * <p>
 * Its correlation ids start above both the wall clock in nanoseconds and the last one its source id used
 * in the journal, as the engine takes a source's commands only with increasing correlation ids.
 */
public final class EngineAdmin implements AutoCloseable
{
    /** The source id of operator tools: the demo traders use 1, gateways 100 and up. */
    public static final int DEFAULT_SOURCE_ID = 2;
    private static final int FRAGMENT_LIMIT = 256;

    private final int sourceId;
    private final long timeoutNs;
    private final Publication commands;
    private final Subscription events;
    private final JournalCatchUp catchUp;
    private final FragmentAssembler eventHandler;
    private final Known known = new Known();
    private final IdleStrategy waitIdle = new SleepingMillisIdleStrategy(1);
    private EngineProxy proxy;

    /**
     * @param engineData the engine's data directory, whose output journal tells the assets and accounts
     *                   created before now.
     */
    public EngineAdmin(
        final Aeron aeron,
        final String commandChannel,
        final int commandStreamId,
        final String eventChannel,
        final int eventStreamId,
        final Path engineData,
        final int sourceId,
        final Duration timeout)
    {
        this.sourceId = sourceId;
        this.timeoutNs = timeout.toNanos();
        this.commands = aeron.addExclusivePublication(commandChannel, commandStreamId);
        this.events = aeron.addSubscription(EngineChannels.eventSubscriptionChannel(eventChannel), eventStreamId);
        final EngineEventAdapter adapter = new EngineEventAdapter(known);
        this.catchUp = new JournalCatchUp(new DataDirectory(engineData).output(), adapter);
        this.eventHandler = new FragmentAssembler((buffer, offset, length, header) -> catchUp.onEvents(buffer, offset, length));
    }

    /**
     * Reads the engine's history, then waits until the engine takes this client's commands and its events
     * arrive.
     *
     * @throws IllegalStateException when the engine cannot be reached in time, or its journal is damaged.
     */
    public void connect()
    {
        catchUp.catchUp();
        final Instant now = Instant.now();
        final long lastCorrelationId = Math.max(
            TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(), known.lastCorrelationId);
        proxy = new EngineProxy(commands, sourceId, lastCorrelationId, EngineProxy.DEFAULT_MAX_ATTEMPTS, new YieldingIdleStrategy());
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (!(commands.isConnected() && events.isConnected()))
        {
            events.poll(eventHandler, FRAGMENT_LIMIT);
            if (System.nanoTime() - deadlineNs >= 0)
            {
                throw new IllegalStateException("no engine answered on " + commands.channel() + " stream " +
                    commands.streamId() + " within " + Duration.ofNanos(timeoutNs).toSeconds() + " s: is it running, " +
                    "and on this media driver and these channels?");
            }
            waitIdle.idle();
        }
    }

    /** Assets by code, in the order the engine added them. */
    public Map<String, Asset> assets()
    {
        return Collections.unmodifiableMap(known.assets);
    }

    /** Instruments by symbol, in the order the engine added them. */
    public Map<String, Instrument> instruments()
    {
        return Collections.unmodifiableMap(known.instruments);
    }

    /** The id after the highest asset id the engine has. */
    public int nextAssetId()
    {
        return 1 + known.assets.values().stream().mapToInt(Asset::assetId).max().orElse(0);
    }

    /** The id after the highest instrument id the engine has. */
    public int nextInstrumentId()
    {
        return 1 + known.instruments.values().stream().mapToInt(Instrument::instrumentId).max().orElse(0);
    }

    /** Whether an account of this id exists, as far as the journal and the events seen so far tell. */
    public boolean accountExists(final long accountId)
    {
        return known.accounts.contains(accountId);
    }

    /** The highest account id seen; 0 when there is none. */
    public long highestAccountId()
    {
        return known.highestAccountId;
    }

    public Answer addAsset(final int assetId, final String code, final int scale)
    {
        return send(correlationId -> proxy.addAsset(correlationId, assetId, code, scale));
    }

    /** Defines an instrument; amounts in the engine's integer units, fees in parts per million of the notional. */
    public Answer addInstrument(final int instrumentId, final String symbol, final Asset base, final Asset quote,
        final int priceScale, final long tickSize, final long lotSize, final long minQuantity, final long maxQuantity,
        final int priceBandBps, final int makerFeePpm, final int takerFeePpm, final long referencePrice)
    {
        return send(correlationId -> proxy.addInstrument(correlationId, instrumentId, symbol, base.assetId(),
            quote.assetId(), priceScale, tickSize, lotSize, minQuantity, maxQuantity, priceBandBps, makerFeePpm,
            takerFeePpm, referencePrice));
    }

    public Answer haltInstrument(final int instrumentId, final boolean cancelOrders)
    {
        return send(correlationId -> proxy.haltInstrument(correlationId, instrumentId, cancelOrders));
    }

    public Answer resumeInstrument(final int instrumentId)
    {
        return send(correlationId -> proxy.resumeInstrument(correlationId, instrumentId));
    }

    public Answer createAccount(final long accountId, final StpMode stpMode)
    {
        return send(correlationId -> proxy.createAccount(correlationId, accountId, stpMode));
    }

    public Answer deposit(final long accountId, final int assetId, final long amount)
    {
        return send(correlationId -> proxy.deposit(correlationId, accountId, assetId, amount));
    }

    public Answer createApiKey(final long accountId, final byte[] keyHash)
    {
        return send(correlationId -> proxy.createApiKey(correlationId, accountId, keyHash));
    }

    public Answer revokeApiKey(final long accountId, final byte[] keyHash)
    {
        return send(correlationId -> proxy.revokeApiKey(correlationId, accountId, keyHash));
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(catchUp, events, commands);
    }

    /** Sends one command and polls the events until the engine answers it. */
    private Answer send(final LongFunction<SendResult> command)
    {
        if (proxy == null)
        {
            throw new IllegalStateException("connect first");
        }
        final long correlationId = proxy.nextCorrelationId();
        final SendResult sent = command.apply(correlationId);
        if (sent != SendResult.SENT)
        {
            throw new IllegalStateException("the engine did not take the command: " + sent);
        }
        known.awaited(correlationId);
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (known.answer == null)
        {
            if (events.poll(eventHandler, FRAGMENT_LIMIT) == 0)
            {
                if (System.nanoTime() - deadlineNs >= 0)
                {
                    throw new IllegalStateException("the engine did not answer within " +
                        Duration.ofNanos(timeoutNs).toSeconds() + " s");
                }
                waitIdle.idle();
            }
        }
        return known.answer;
    }

    /** An asset as the engine defines it: amounts are integers in units of {@code 10^-scale}. */
    public record Asset(int assetId, String code, int scale)
    {
    }

    /** An instrument as the engine names it. */
    public record Instrument(int instrumentId, String symbol)
    {
    }

    /** The engine's answer to one command: accepted (reason null) or rejected with its reason. */
    public record Answer(long sequence, RejectReason rejectReason)
    {
        public boolean accepted()
        {
            return rejectReason == null;
        }
    }

    /** What the events tell: assets, accounts, this source's last correlation id, and the awaited answer. */
    private final class Known implements EngineEventListener
    {
        final Map<String, Asset> assets = new LinkedHashMap<>();
        final Map<String, Instrument> instruments = new LinkedHashMap<>();
        final LongHashSet accounts = new LongHashSet();
        long highestAccountId;
        long lastCorrelationId;
        long awaitedCorrelationId;
        Answer answer;

        void awaited(final long correlationId)
        {
            awaitedCorrelationId = correlationId;
            answer = null;
        }

        @Override
        public void onAssetAdded(final AssetAddedDecoder event)
        {
            final String code = event.code().trim();
            assets.put(code, new Asset(event.assetId(), code, event.scale()));
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onInstrumentAdded(final InstrumentAddedDecoder event)
        {
            final String symbol = event.symbol().trim();
            instruments.put(symbol, new Instrument(event.instrumentId(), symbol));
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onInstrumentStatusChanged(final InstrumentStatusChangedDecoder event)
        {
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onAccountCreated(final AccountCreatedDecoder event)
        {
            accounts.add(event.accountId());
            highestAccountId = Math.max(highestAccountId, event.accountId());
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onBalanceChanged(final BalanceChangedDecoder event)
        {
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onApiKeyCreated(final ApiKeyCreatedDecoder event)
        {
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onApiKeyRevoked(final ApiKeyRevokedDecoder event)
        {
            onAnswer(event.sourceId(), event.correlationId(), event.sequence());
        }

        @Override
        public void onCommandRejected(final CommandRejectedDecoder event)
        {
            if (event.sourceId() != sourceId)
            {
                return;
            }
            if (event.sequence() != 0)
            {
                lastCorrelationId = Math.max(lastCorrelationId, event.correlationId());
            }
            if (event.correlationId() == awaitedCorrelationId)
            {
                answer = new Answer(event.sequence(), event.reason());
            }
        }

        private void onAnswer(final int eventSourceId, final long correlationId, final long sequence)
        {
            if (eventSourceId != sourceId)
            {
                return;
            }
            lastCorrelationId = Math.max(lastCorrelationId, correlationId);
            if (correlationId == awaitedCorrelationId && answer == null)
            {
                answer = new Answer(sequence, null);
            }
        }
    }
}
