package bourse.marketdata.testing;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ext.DebugReceiveChannelEndpoint;
import io.aeron.driver.ext.LossGenerator;
import io.aeron.protocol.DataHeaderFlyweight;
import io.aeron.protocol.HeaderFlyweight;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Aeron's loss generator for a media driver's receiving side, dropping whole market-data messages: a
 * datagram of one stream is dropped, at random, only when every frame in it is a complete message (no
 * fragment of a longer one, no padding, no heartbeat), so that what is lost is a set of messages whose
 * channel sequences it records. With {@code reliable=false} on the subscription the receiver does not
 * ask for them again: the subscriber sees a gap.
 */
public final class LossyReceiver implements LossGenerator
{
    private static final int UNFRAGMENTED = DataHeaderFlyweight.BEGIN_AND_END_FLAGS & 0xFF;
    private static final int FRAME_ALIGNMENT = 32;
    private static final int SBE_HEADER_LENGTH = 8;

    private final int streamId;
    private final double lossRate;
    private final Random random;
    private final ConcurrentSkipListSet<Long> droppedChannelSequences = new ConcurrentSkipListSet<>();
    private volatile boolean dropping;

    public LossyReceiver(final int streamId, final double lossRate, final long seed)
    {
        this.streamId = streamId;
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    /** Installs this generator on the data a driver receives (control messages are never dropped). */
    public MediaDriver.Context installOn(final MediaDriver.Context driver)
    {
        return driver.receiveChannelEndpointSupplier((udpChannel, dispatcher, statusIndicator, context) ->
            new DebugReceiveChannelEndpoint(udpChannel, dispatcher, statusIndicator, context, this, (address, buffer, length) -> false));
    }

    /** Starts or stops dropping. */
    public void dropping(final boolean dropping)
    {
        this.dropping = dropping;
    }

    /** Channel sequences of the messages dropped so far. */
    public ConcurrentSkipListSet<Long> droppedChannelSequences()
    {
        return droppedChannelSequences;
    }

    @Override
    public boolean shouldDropFrame(final InetSocketAddress address, final UnsafeBuffer buffer, final int length)
    {
        return false;
    }

    @Override
    public boolean shouldDropFrame(
        final InetSocketAddress address,
        final UnsafeBuffer buffer,
        final int streamId,
        final int sessionId,
        final int termId,
        final int termOffset,
        final int length)
    {
        if (!dropping || streamId != this.streamId || !onlyWholeMessages(buffer, length) || random.nextDouble() >= lossRate)
        {
            return false;
        }
        for (int frame = 0; frame < length; frame = next(buffer, frame))
        {
            droppedChannelSequences.add(buffer.getLong(
                frame + DataHeaderFlyweight.HEADER_LENGTH + SBE_HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN));
        }
        return true;
    }

    private static boolean onlyWholeMessages(final UnsafeBuffer buffer, final int length)
    {
        if (length <= DataHeaderFlyweight.HEADER_LENGTH)
        {
            return false;
        }
        for (int frame = 0; frame < length; frame = next(buffer, frame))
        {
            final int frameLength = buffer.getInt(frame + HeaderFlyweight.FRAME_LENGTH_FIELD_OFFSET, ByteOrder.LITTLE_ENDIAN);
            final int type = buffer.getShort(frame + HeaderFlyweight.TYPE_FIELD_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int flags = buffer.getByte(frame + HeaderFlyweight.FLAGS_FIELD_OFFSET) & 0xFF;
            if (type != HeaderFlyweight.HDR_TYPE_DATA || flags != UNFRAGMENTED ||
                frameLength < DataHeaderFlyweight.HEADER_LENGTH + SBE_HEADER_LENGTH + Long.BYTES)
            {
                return false;
            }
        }
        return true;
    }

    private static int next(final UnsafeBuffer buffer, final int frame)
    {
        final int frameLength = buffer.getInt(frame + HeaderFlyweight.FRAME_LENGTH_FIELD_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return frame + ((frameLength + FRAME_ALIGNMENT - 1) & -FRAME_ALIGNMENT);
    }
}
