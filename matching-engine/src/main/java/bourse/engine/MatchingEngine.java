package bourse.engine;

import org.agrona.DirectBuffer;

/**
 * The deterministic matching engine: {@code state × command → state × events}. See docs/rulebook.md.
 */
public final class MatchingEngine
{
    public MatchingEngine(final Context context)
    {
        throw new UnsupportedOperationException("being written");
    }

    /** Applies one SBE command (header included) and hands its events to the sink. */
    public void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        throw new UnsupportedOperationException("being written");
    }

    /** Sequence number of the last command applied. */
    public long lastSequence()
    {
        throw new UnsupportedOperationException("being written");
    }

    /** The canonical state dump of docs/rulebook.md. */
    public String dumpState()
    {
        throw new UnsupportedOperationException("being written");
    }

    /** 64-bit hash of {@link #dumpState()}. */
    public long stateHash()
    {
        throw new UnsupportedOperationException("being written");
    }

    /** Configuration of an engine. */
    public static final class Context
    {
        private EventSink eventSink;
        private int maxOpenOrdersPerAccount = 1_000;

        public Context eventSink(final EventSink eventSink)
        {
            this.eventSink = eventSink;
            return this;
        }

        public EventSink eventSink()
        {
            return eventSink;
        }

        public Context maxOpenOrdersPerAccount(final int maxOpenOrdersPerAccount)
        {
            this.maxOpenOrdersPerAccount = maxOpenOrdersPerAccount;
            return this;
        }

        public int maxOpenOrdersPerAccount()
        {
            return maxOpenOrdersPerAccount;
        }
    }
}
