package bourse.gateway;

import bourse.v1.ListInstrumentsRequest;
import bourse.v1.OrdersGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** TLS from a configured certificate and key: TLS clients get in, plaintext ones do not. */
class TlsTest
{
    @Test
    void shouldServeOverTlsWithTheConfiguredCertificate(@TempDir final Path directory) throws Exception
    {
        final File certificate = directory.resolve("gateway.crt").toFile();
        final File key = directory.resolve("gateway.key").toFile();
        selfSignedCertificate(certificate, key);

        try (Venue venue = Venue.start(gateway -> gateway.tls(certificate, key)))
        {
            final Trader trader = venue.trader();
            final ManagedChannel tls = channel(venue, TlsChannelCredentials.newBuilder().trustManager(certificate).build());
            final ManagedChannel plaintext = channel(venue, InsecureChannelCredentials.create());
            try
            {
                assertThat(authorized(tls, trader).listInstruments(ListInstrumentsRequest.getDefaultInstance())
                    .getInstrumentsCount()).isEqualTo(2);
                final StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> authorized(plaintext, trader).listInstruments(ListInstrumentsRequest.getDefaultInstance()));
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            }
            finally
            {
                tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                plaintext.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static ManagedChannel channel(final Venue venue, final ChannelCredentials credentials)
    {
        return Grpc.newChannelBuilderForAddress("localhost", venue.gateway.port(), credentials).build();
    }

    private static OrdersGrpc.OrdersBlockingStub authorized(final ManagedChannel channel, final Trader trader)
    {
        final Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + trader.key.key());
        return OrdersGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** A throwaway self-signed certificate for localhost, made by the system's openssl (skipped without one). */
    private static void selfSignedCertificate(final File certificate, final File key) throws IOException, InterruptedException
    {
        assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl makes the test's certificate");
        final Process openssl = new ProcessBuilder("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", key.getPath(), "-out", certificate.getPath())
            .redirectErrorStream(true)
            .start();
        final String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as("openssl: %s", output).isZero();
    }
}
