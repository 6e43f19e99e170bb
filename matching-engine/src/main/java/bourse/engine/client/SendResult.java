package bourse.engine.client;

/**
 * What became of a command an {@link EngineProxy} tried to send. Only {@link #SENT} means the command
 * is on its way; every other value means it was not sent and the caller decides what to do (retry
 * later, tell its own client), so no command is ever dropped silently.
 */
public enum SendResult
{
    /** Offered to the command publication: the engine will receive it unless its process dies. */
    SENT,
    /** The engine (or the media driver) could not take it within the proxy's retries: try again later. */
    BACK_PRESSURED,
    /** No engine is subscribed to the command channel: it is not running or not reachable. */
    NOT_CONNECTED,
    /** The proxy's publication is closed: make a new proxy. */
    CLOSED,
    /** The publication reached its maximum position: make a new proxy on a new publication. */
    MAX_POSITION_EXCEEDED
}
