package bourse.gateway;

import io.grpc.Status;

import java.util.function.Function;

/**
 * A command the gateway sent and whose events have not all arrived: what to do with the answer. The
 * engine sequences one source's commands in the order sent and publishes events in sequence order, so
 * the answers to the gateway's commands arrive in the order it sent them: the pending commands wait in a
 * queue, and a command still waiting when a later one is answered was lost before it was sequenced.
 */
abstract class PendingCommand
{
    final long correlationId;
    /** The session whose request this is, if any: it receives the command's reports with the request id. */
    final SessionCall session;
    final long requestId;
    boolean answered;
    long sequence;
    long timestampNs;
    /** The engine's reject reason, 0 when it applied the command. */
    int rejectReason;
    int cancelledCount;

    PendingCommand(final long correlationId, final SessionCall session, final long requestId)
    {
        this.correlationId = correlationId;
        this.session = session;
        this.requestId = requestId;
    }

    /** Every event of the command has arrived. */
    abstract void complete();

    /** The engine never applied the command: a later one of the gateway's was answered first. */
    abstract void lost(Status status);

    /** The link to the engine dropped: nobody waits any longer, though the answer may still come. */
    abstract void abandon(Status status);

    /** A command whose answer is one response to one call. */
    static final class Answered<T> extends PendingCommand
    {
        private final Function<PendingCommand, T> answer;
        private Outcome<T> outcome;

        Answered(
            final long correlationId,
            final SessionCall session,
            final long requestId,
            final Outcome<T> outcome,
            final Function<PendingCommand, T> answer)
        {
            super(correlationId, session, requestId);
            this.outcome = outcome;
            this.answer = answer;
        }

        @Override
        void complete()
        {
            if (outcome != null)
            {
                outcome.succeed(answer.apply(this));
                outcome = null;
            }
        }

        @Override
        void lost(final Status status)
        {
            abandon(status);
        }

        @Override
        void abandon(final Status status)
        {
            if (outcome != null)
            {
                outcome.fail(status);
                outcome = null;
            }
        }
    }

    /** A command nobody waits for, such as a cancel on disconnect. */
    static final class Unanswered extends PendingCommand
    {
        Unanswered(final long correlationId)
        {
            super(correlationId, null, 0);
        }

        @Override
        void complete()
        {
        }

        @Override
        void lost(final Status status)
        {
        }

        @Override
        void abandon(final Status status)
        {
        }
    }
}
