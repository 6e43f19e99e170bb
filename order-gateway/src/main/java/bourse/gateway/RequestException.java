package bourse.gateway;

import bourse.v1.RequestError;
import com.google.protobuf.Duration;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.concurrent.TimeUnit;

/**
 * A request the gateway refuses before the engine sees it, with the status to answer it with. Thrown
 * while a request is read and checked, caught where the call is answered: a unary call ends with the
 * status, a stream answers that one request with a {@link RequestError} and goes on.
 */
final class RequestException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final long retryAfterNs;

    RequestException(final Status status)
    {
        this(status, 0);
    }

    private RequestException(final Status status, final long retryAfterNs)
    {
        super(status.getDescription(), null, false, false);
        this.status = status;
        this.retryAfterNs = retryAfterNs;
    }

    /** INVALID_ARGUMENT naming the field and the rule it breaks: "price: at most 2 decimals". */
    static RequestException invalid(final String field, final String rule)
    {
        return new RequestException(Status.INVALID_ARGUMENT.withDescription(field + ": " + rule));
    }

    /** RESOURCE_EXHAUSTED: the key's rate limit is spent until {@code retryAfterNs} from now. */
    static RequestException rateLimited(final long retryAfterNs)
    {
        final long retryAfterMs = retryAfterMillis(retryAfterNs);
        return new RequestException(Status.RESOURCE_EXHAUSTED.withDescription(
            "the API key's rate limit is spent: retry in " + retryAfterMs + " ms"), retryAfterNs);
    }

    Status status()
    {
        return status;
    }

    /**
     * The status as a unary call ends with it; a rate limit carries a {@code google.rpc.RetryInfo} in the
     * rich error details ({@code grpc-status-details-bin}).
     */
    StatusRuntimeException toStatusException()
    {
        if (retryAfterNs <= 0)
        {
            return status.asRuntimeException();
        }
        final long nanosPerSecond = TimeUnit.SECONDS.toNanos(1);
        final Duration retryDelay = Duration.newBuilder()
            .setSeconds(retryAfterNs / nanosPerSecond)
            .setNanos((int)(retryAfterNs % nanosPerSecond))
            .build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
            .setCode(status.getCode().value())
            .setMessage(status.getDescription())
            .addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder().setRetryDelay(retryDelay).build()))
            .build());
    }

    /** The answer to one request of a stream. */
    RequestError toRequestError()
    {
        return requestError(status, retryAfterNs);
    }

    static RequestError requestError(final Status status, final long retryAfterNs)
    {
        return RequestError.newBuilder()
            .setCode(status.getCode().value())
            .setMessage(status.getDescription() == null ? status.getCode().name() : status.getDescription())
            .setRetryAfterMs(retryAfterNs > 0 ? retryAfterMillis(retryAfterNs) : 0)
            .build();
    }

    private static long retryAfterMillis(final long retryAfterNs)
    {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(retryAfterNs + TimeUnit.MILLISECONDS.toNanos(1) - 1));
    }
}
