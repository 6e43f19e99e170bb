package bourse.platform;

import bourse.v1.OrdersGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** Where the gRPC order gateway is and how to talk to it, as the {@code bourse order} commands take it. */
final class GatewayClientOptions
{
    @Option(names = "--target", paramLabel = "HOST:PORT", defaultValue = "localhost:9090",
        description = "The gateway (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--key", paramLabel = "API_KEY", defaultValue = "${env:BOURSE_API_KEY}",
        description = "The account's API key (default: the environment variable BOURSE_API_KEY).")
    String key;

    @Option(names = "--tls-ca", paramLabel = "PEM",
        description = "Connect with TLS, trusting this certificate (default: plaintext).")
    File tlsCa;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Deadline of each call (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** A channel to the gateway; the caller shuts it down. */
    ManagedChannel channel(final CommandSpec spec)
    {
        if (key == null || key.isBlank())
        {
            throw new ParameterException(spec.commandLine(), "no API key: give --key or set BOURSE_API_KEY");
        }
        if (timeoutSeconds <= 0)
        {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive: " + timeoutSeconds);
        }
        final ChannelCredentials credentials;
        try
        {
            credentials = tlsCa == null ? InsecureChannelCredentials.create() :
                TlsChannelCredentials.newBuilder().trustManager(tlsCa).build();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + tlsCa, ex);
        }
        return Grpc.newChannelBuilder(target, credentials).build();
    }

    /** Order stubs that present the key; unary calls with the deadline. */
    OrdersGrpc.OrdersBlockingStub orders(final ManagedChannel channel)
    {
        return OrdersGrpc.newBlockingStub(channel).withInterceptors(authorization())
            .withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Order stubs that present the key, without a deadline: for streams. */
    OrdersGrpc.OrdersBlockingStub ordersStream(final ManagedChannel channel)
    {
        return OrdersGrpc.newBlockingStub(channel).withInterceptors(authorization());
    }

    private io.grpc.ClientInterceptor authorization()
    {
        final Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key.strip());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
