package bourse.gateway;

import io.grpc.Status;

/**
 * Where the answer to one request goes: a unary call, a slot of a batch, or a session's stream. The
 * gateway's agent calls exactly one of the two methods, once.
 */
interface Outcome<T>
{
    void succeed(T value);

    void fail(Status status);
}
