package bourse.gateway;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.util.HexFormat;

/**
 * Authenticates every call of the Bourse services: the {@code authorization: Bearer <api key>} metadata
 * names the account through the {@link ApiKeyTable}; a missing, malformed or unknown key ends the call
 * with UNAUTHENTICATED before any of it reaches the service.
 */
final class AuthInterceptor implements ServerInterceptor
{
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";

    private final ApiKeyTable keys;

    AuthInterceptor(final ApiKeyTable keys)
    {
        this.keys = keys;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
        final ServerCall<ReqT, RespT> call, final Metadata headers, final ServerCallHandler<ReqT, RespT> next)
    {
        final String authorization = headers.get(AUTHORIZATION);
        final String problem;
        Caller caller = null;
        if (authorization == null)
        {
            problem = "missing metadata 'authorization: Bearer <api key>'";
        }
        else if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) ||
            authorization.length() == BEARER.length())
        {
            problem = "the authorization metadata must be 'Bearer <api key>'";
        }
        else
        {
            final String hash = HexFormat.of().formatHex(ApiKey.hashOf(authorization.substring(BEARER.length()).strip()));
            final long accountId = keys.accountOf(hash);
            caller = accountId == 0 ? null : new Caller(accountId, hash);
            problem = caller == null ? "unknown API key" : null;
        }
        if (problem != null)
        {
            call.close(Status.UNAUTHENTICATED.withDescription(problem), new Metadata());
            return new ServerCall.Listener<>()
            {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(Caller.KEY, caller), call, headers, next);
    }
}
