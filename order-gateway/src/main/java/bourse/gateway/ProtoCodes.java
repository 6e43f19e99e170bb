package bourse.gateway;

import bourse.v1.CancelReason;
import bourse.v1.OrderType;
import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.TimeInForce;

/**
 * The engine's enum codes (SBE, from 0) and the gRPC contract's enums (from 1, 0 being UNSPECIFIED), one
 * to one: the proto enums list the SBE values in the same order. Reject reasons keep their numbers, so
 * they need no mapping (set them with {@code setRejectReasonValue}).
 */
final class ProtoCodes
{
    private ProtoCodes()
    {
    }

    static Side side(final int sbeSide)
    {
        return Side.forNumber(sbeSide + 1);
    }

    static OrderType orderType(final int sbeOrderType)
    {
        return OrderType.forNumber(sbeOrderType + 1);
    }

    static TimeInForce timeInForce(final int sbeTimeInForce)
    {
        return TimeInForce.forNumber(sbeTimeInForce + 1);
    }

    static StpMode stpMode(final int sbeStpMode)
    {
        return StpMode.forNumber(sbeStpMode);
    }

    static CancelReason cancelReason(final int sbeCancelReason)
    {
        return CancelReason.forNumber(sbeCancelReason + 1);
    }

    static bourse.sbe.Side sbeSide(final Side side)
    {
        return bourse.sbe.Side.get((short)(side.getNumber() - 1));
    }

    static bourse.sbe.OrderType sbeOrderType(final OrderType orderType)
    {
        return bourse.sbe.OrderType.get((short)(orderType.getNumber() - 1));
    }

    static bourse.sbe.TimeInForce sbeTimeInForce(final TimeInForce timeInForce)
    {
        return bourse.sbe.TimeInForce.get((short)(timeInForce.getNumber() - 1));
    }

    static bourse.sbe.StpMode sbeStpMode(final StpMode stpMode)
    {
        return bourse.sbe.StpMode.get((short)stpMode.getNumber());
    }
}
