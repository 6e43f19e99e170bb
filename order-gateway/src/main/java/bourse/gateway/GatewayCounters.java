package bourse.gateway;

import io.aeron.Aeron;
import io.aeron.Counter;
import io.grpc.Status;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The gateway's Aeron counters, in the media driver's CnC file beside the engine's (21xx) and the feed's
 * (22xx), so that {@code bourse stat} and AeronStat show them live. The call counters are written by the
 * gRPC threads (atomic increments); the engine-side ones by the agent thread alone.
 */
public final class GatewayCounters implements AutoCloseable
{
    public static final int CALLS_STARTED_TYPE_ID = 2301;
    public static final int CALLS_OPEN_TYPE_ID = 2302;
    public static final int MESSAGES_RECEIVED_TYPE_ID = 2303;
    public static final int MESSAGES_SENT_TYPE_ID = 2304;
    public static final int COMMANDS_SENT_TYPE_ID = 2305;
    public static final int COMMANDS_BACK_PRESSURED_TYPE_ID = 2306;
    public static final int COMMANDS_AWAITING_ENGINE_TYPE_ID = 2307;
    public static final int ENGINE_EVENT_MESSAGES_TYPE_ID = 2308;
    public static final int API_KEYS_TYPE_ID = 2309;
    public static final int ERRORS_TYPE_ID = 2310;
    /** One counter of this type per gRPC status code, labelled with the code's name. */
    public static final int CALLS_ENDED_BY_STATUS_TYPE_ID = 2311;

    private final Counter callsStarted;
    private final Counter callsOpen;
    private final Counter messagesReceived;
    private final Counter messagesSent;
    private final Counter commandsSent;
    private final Counter commandsBackPressured;
    private final Counter commandsAwaitingEngine;
    private final Counter engineEventMessages;
    private final Counter apiKeys;
    private final Counter errors;
    private final Counter[] callsEnded = new Counter[Status.Code.values().length];

    GatewayCounters(final Aeron aeron)
    {
        callsStarted = aeron.addCounter(CALLS_STARTED_TYPE_ID, "Bourse gateway: calls started");
        callsOpen = aeron.addCounter(CALLS_OPEN_TYPE_ID, "Bourse gateway: calls open");
        messagesReceived = aeron.addCounter(MESSAGES_RECEIVED_TYPE_ID, "Bourse gateway: messages received");
        messagesSent = aeron.addCounter(MESSAGES_SENT_TYPE_ID, "Bourse gateway: messages sent");
        commandsSent = aeron.addCounter(COMMANDS_SENT_TYPE_ID, "Bourse gateway: commands sent to the engine");
        commandsBackPressured = aeron.addCounter(COMMANDS_BACK_PRESSURED_TYPE_ID, "Bourse gateway: commands back-pressured");
        commandsAwaitingEngine = aeron.addCounter(COMMANDS_AWAITING_ENGINE_TYPE_ID, "Bourse gateway: commands awaiting the engine");
        engineEventMessages = aeron.addCounter(ENGINE_EVENT_MESSAGES_TYPE_ID, "Bourse gateway: engine event messages in");
        apiKeys = aeron.addCounter(API_KEYS_TYPE_ID, "Bourse gateway: API keys known");
        errors = aeron.addCounter(ERRORS_TYPE_ID, "Bourse gateway: errors");
        // All up front: allocating a counter is a round trip to the driver, not for a gRPC thread.
        for (final Status.Code code : Status.Code.values())
        {
            callsEnded[code.ordinal()] = aeron.addCounter(CALLS_ENDED_BY_STATUS_TYPE_ID, "Bourse gateway: calls ended " + code.name());
        }
    }

    /** Calls of every service, health and reflection included. */
    public AtomicCounter callsStarted()
    {
        return callsStarted;
    }

    /** Calls started and not yet ended: mostly streams. */
    public AtomicCounter callsOpen()
    {
        return callsOpen;
    }

    /** Request messages from clients. */
    public AtomicCounter messagesReceived()
    {
        return messagesReceived;
    }

    /** Response messages to clients: answers, execution reports, market data. */
    public AtomicCounter messagesSent()
    {
        return messagesSent;
    }

    /** Calls that ended with this status: OK, or why not (UNAUTHENTICATED, INVALID_ARGUMENT, RESOURCE_EXHAUSTED...). */
    public AtomicCounter callsEnded(final Status.Code code)
    {
        return callsEnded[code.ordinal()];
    }

    /** Commands the engine's stream took from the gateway. */
    public AtomicCounter commandsSent()
    {
        return commandsSent;
    }

    /** Times a command could not be sent yet because the engine's stream was back-pressured; it is tried again. */
    public AtomicCounter commandsBackPressured()
    {
        return commandsBackPressured;
    }

    /** Commands sent and not yet answered by the engine. */
    public AtomicCounter commandsAwaitingEngine()
    {
        return commandsAwaitingEngine;
    }

    /** Messages of the engine's event stream the gateway read. */
    public AtomicCounter engineEventMessages()
    {
        return engineEventMessages;
    }

    /** API keys the gateway has learned from the engine. */
    public AtomicCounter apiKeys()
    {
        return apiKeys;
    }

    /** Errors reported to the gateway's error handler. */
    public AtomicCounter errors()
    {
        return errors;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(callsStarted, callsOpen, messagesReceived, messagesSent, commandsSent, commandsBackPressured,
            commandsAwaitingEngine, engineEventMessages, apiKeys, errors);
        CloseHelper.closeAll(callsEnded);
    }
}
