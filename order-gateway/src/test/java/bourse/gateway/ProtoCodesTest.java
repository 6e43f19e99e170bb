package bourse.gateway;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gRPC contract's reject reasons are the engine's, by the same numbers (the gateway passes them through
 * by value): every reason the engine can give has a name a gRPC client can read.
 */
final class ProtoCodesTest
{
    @Test
    void shouldNameEveryEngineRejectReasonWithTheSameNumber()
    {
        for (final bourse.sbe.RejectReason engine : bourse.sbe.RejectReason.values())
        {
            if (engine == bourse.sbe.RejectReason.NULL_VAL)
            {
                continue;
            }
            final bourse.v1.RejectReason grpc = bourse.v1.RejectReason.forNumber(engine.value());
            assertThat(grpc).as("the gRPC reason numbered %d", engine.value()).isNotNull();
            assertThat(grpc.name()).isEqualTo("REJECT_REASON_" + engine.name());
        }
        assertThat(Arrays.stream(bourse.v1.RejectReason.values())
            .filter(reason -> reason != bourse.v1.RejectReason.UNRECOGNIZED && reason.getNumber() != 0))
            .as("no gRPC reason the engine does not have")
            .hasSize(bourse.sbe.RejectReason.values().length - 1);
    }
}
