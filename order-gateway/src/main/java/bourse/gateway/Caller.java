package bourse.gateway;

import io.grpc.Context;

/**
 * Who is calling, as {@link AuthInterceptor} established it: the account the API key belongs to, and the
 * key's hash, which names the key's rate limit. Read on the call's thread with {@link #current()}.
 */
record Caller(long accountId, String keyHashHex)
{
    static final Context.Key<Caller> KEY = Context.key("bourse-caller");

    /** The authenticated caller of the call being served. */
    static Caller current()
    {
        final Caller caller = KEY.get();
        if (caller == null)
        {
            throw new IllegalStateException("no caller: the service was bound without the AuthInterceptor");
        }
        return caller;
    }
}
