package bourse.engine.testing;

import bourse.engine.testing.EngineEvent.AccountCreated;
import bourse.engine.testing.EngineEvent.ApiKeyCreated;
import bourse.engine.testing.EngineEvent.ApiKeyRevoked;
import bourse.engine.testing.EngineEvent.AssetAdded;
import bourse.engine.testing.EngineEvent.BalanceChanged;
import bourse.engine.testing.EngineEvent.BookChanged;
import bourse.engine.testing.EngineEvent.CommandRejected;
import bourse.engine.testing.EngineEvent.InstrumentAdded;
import bourse.engine.testing.EngineEvent.InstrumentStatusChanged;
import bourse.engine.testing.EngineEvent.MassCancelCompleted;
import bourse.engine.testing.EngineEvent.OrderAccepted;
import bourse.engine.testing.EngineEvent.OrderCancelled;
import bourse.engine.testing.EngineEvent.OrderReplaced;
import bourse.engine.testing.EngineEvent.OrderTriggered;
import bourse.engine.testing.EngineEvent.Trade;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.ApiKeyCreatedDecoder;
import bourse.sbe.ApiKeyRevokedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.InstrumentStatusChangedDecoder;
import bourse.sbe.MassCancelCompletedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.TradeDecoder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Turns an engine event batch (SBE messages, header and fixed block each, laid end to end) into
 * {@link EngineEvent} values. Anything it does not understand is a bug in the engine or in the test, so it
 * throws instead of skipping.
 */
public final class EventDecoding
{
    private EventDecoding()
    {
    }

    public static List<EngineEvent> decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final List<EngineEvent> events = new ArrayList<>();
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            if (end - position < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                throw new IllegalStateException(
                    "truncated message header at offset " + (position - offset) + " of a " + length + " byte batch");
            }
            header.wrap(buffer, position);
            final int blockLength = header.blockLength();
            final int bodyOffset = position + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new IllegalStateException("unknown schema id " + header.schemaId() + " at offset " +
                    (position - offset) + " (template " + header.templateId() + ")");
            }
            if (bodyOffset + blockLength > end)
            {
                throw new IllegalStateException("message " + header.templateId() + " at offset " +
                    (position - offset) + " has block length " + blockLength + " beyond the batch end");
            }
            events.add(decodeOne(buffer, bodyOffset, header.templateId(), blockLength, header.version()));
            position = bodyOffset + blockLength;
        }
        return events;
    }

    /**
     * A fixed-length char field as a String: trailing NUL padding removed, anything that is not printable
     * ASCII (a NUL before the end, a control or non-ASCII byte) spelled {@code \xNN}, so that two fields are
     * equal as Strings exactly when their bytes are.
     */
    public static String fixedString(final byte[] bytes)
    {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0)
        {
            end--;
        }
        final StringBuilder text = new StringBuilder(end);
        for (int i = 0; i < end; i++)
        {
            final int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\')
            {
                text.append((char)b);
            }
            else
            {
                text.append(String.format("\\x%02X", b));
            }
        }
        return text.toString();
    }

    private static <T extends MessageDecoderFlyweight> T wrap(
        final T decoder, final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        // The engine writes every message with its full block, so any other block length is an encoding bug.
        if (decoder.sbeBlockLength() != blockLength)
        {
            throw new IllegalStateException("template " + decoder.sbeTemplateId() + " has block length " +
                blockLength + ", the schema says " + decoder.sbeBlockLength());
        }
        decoder.wrap(buffer, offset, blockLength, version);
        return decoder;
    }

    private static EngineEvent decodeOne(
        final DirectBuffer buffer, final int offset, final int templateId, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case OrderAcceptedDecoder.TEMPLATE_ID:
            {
                final OrderAcceptedDecoder d = wrap(new OrderAcceptedDecoder(), buffer, offset, blockLength, version);
                final byte[] clientOrderId = new byte[OrderAcceptedDecoder.clientOrderIdLength()];
                d.getClientOrderId(clientOrderId, 0);
                return new OrderAccepted(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.orderId(), d.accountId(), d.instrumentId(), fixedString(clientOrderId),
                    d.side(), d.orderType(), d.timeInForce(), d.postOnly(), d.stpMode(),
                    d.price(), d.quantity(), d.stopPrice(), d.displayQuantity());
            }
            case CommandRejectedDecoder.TEMPLATE_ID:
            {
                final CommandRejectedDecoder d = wrap(new CommandRejectedDecoder(), buffer, offset, blockLength, version);
                final byte[] clientOrderId = new byte[CommandRejectedDecoder.clientOrderIdLength()];
                d.getClientOrderId(clientOrderId, 0);
                return new CommandRejected(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.commandTemplateId(), d.reason(),
                    d.accountId(), d.instrumentId(), d.orderId(), fixedString(clientOrderId));
            }
            case OrderCancelledDecoder.TEMPLATE_ID:
            {
                final OrderCancelledDecoder d = wrap(new OrderCancelledDecoder(), buffer, offset, blockLength, version);
                final byte[] clientOrderId = new byte[OrderCancelledDecoder.clientOrderIdLength()];
                d.getClientOrderId(clientOrderId, 0);
                return new OrderCancelled(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.orderId(), d.accountId(), d.instrumentId(), fixedString(clientOrderId),
                    d.reason(), d.cancelledQuantity(), d.filledQuantity());
            }
            case OrderReplacedDecoder.TEMPLATE_ID:
            {
                final OrderReplacedDecoder d = wrap(new OrderReplacedDecoder(), buffer, offset, blockLength, version);
                final byte[] clientOrderId = new byte[OrderReplacedDecoder.clientOrderIdLength()];
                d.getClientOrderId(clientOrderId, 0);
                return new OrderReplaced(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.orderId(), d.accountId(), d.instrumentId(), fixedString(clientOrderId),
                    d.price(), d.remainingQuantity(), d.priorityKept());
            }
            case TradeDecoder.TEMPLATE_ID:
            {
                final TradeDecoder d = wrap(new TradeDecoder(), buffer, offset, blockLength, version);
                return new Trade(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.tradeId(), d.instrumentId(), d.price(), d.quantity(), d.aggressorSide(),
                    d.makerOrderId(), d.makerAccountId(), d.makerFee(), d.makerRemainingQuantity(),
                    d.takerOrderId(), d.takerAccountId(), d.takerFee(), d.takerRemainingQuantity());
            }
            case BalanceChangedDecoder.TEMPLATE_ID:
            {
                final BalanceChangedDecoder d = wrap(new BalanceChangedDecoder(), buffer, offset, blockLength, version);
                return new BalanceChanged(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.accountId(), d.assetId(), d.reason(), d.total(), d.held());
            }
            case BookChangedDecoder.TEMPLATE_ID:
            {
                final BookChangedDecoder d = wrap(new BookChangedDecoder(), buffer, offset, blockLength, version);
                return new BookChanged(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.instrumentId(), d.orderId(), d.side(), d.price(), d.action(), d.visibleQuantity());
            }
            case InstrumentStatusChangedDecoder.TEMPLATE_ID:
            {
                final InstrumentStatusChangedDecoder d =
                    wrap(new InstrumentStatusChangedDecoder(), buffer, offset, blockLength, version);
                return new InstrumentStatusChanged(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(), d.instrumentId(), d.status());
            }
            case OrderTriggeredDecoder.TEMPLATE_ID:
            {
                final OrderTriggeredDecoder d = wrap(new OrderTriggeredDecoder(), buffer, offset, blockLength, version);
                final byte[] clientOrderId = new byte[OrderTriggeredDecoder.clientOrderIdLength()];
                d.getClientOrderId(clientOrderId, 0);
                return new OrderTriggered(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.orderId(), d.accountId(), d.instrumentId(), fixedString(clientOrderId), d.lastTradePrice());
            }
            case AccountCreatedDecoder.TEMPLATE_ID:
            {
                final AccountCreatedDecoder d = wrap(new AccountCreatedDecoder(), buffer, offset, blockLength, version);
                return new AccountCreated(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(), d.accountId(), d.stpMode());
            }
            case InstrumentAddedDecoder.TEMPLATE_ID:
            {
                final InstrumentAddedDecoder d = wrap(new InstrumentAddedDecoder(), buffer, offset, blockLength, version);
                final byte[] symbol = new byte[InstrumentAddedDecoder.symbolLength()];
                d.getSymbol(symbol, 0);
                return new InstrumentAdded(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.instrumentId(), fixedString(symbol), d.baseAssetId(), d.quoteAssetId(), d.priceScale(),
                    d.tickSize(), d.lotSize(), d.minQuantity(), d.maxQuantity(),
                    d.priceBandBps(), d.makerFeePpm(), d.takerFeePpm(), d.referencePrice());
            }
            case AssetAddedDecoder.TEMPLATE_ID:
            {
                final AssetAddedDecoder d = wrap(new AssetAddedDecoder(), buffer, offset, blockLength, version);
                final byte[] code = new byte[AssetAddedDecoder.codeLength()];
                d.getCode(code, 0);
                return new AssetAdded(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.assetId(), fixedString(code), d.scale());
            }
            case MassCancelCompletedDecoder.TEMPLATE_ID:
            {
                final MassCancelCompletedDecoder d =
                    wrap(new MassCancelCompletedDecoder(), buffer, offset, blockLength, version);
                return new MassCancelCompleted(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.accountId(), d.instrumentId(), d.cancelledCount());
            }
            case ApiKeyCreatedDecoder.TEMPLATE_ID:
            {
                final ApiKeyCreatedDecoder d = wrap(new ApiKeyCreatedDecoder(), buffer, offset, blockLength, version);
                final byte[] keyHash = new byte[ApiKeyCreatedDecoder.keyHashLength()];
                d.getKeyHash(keyHash, 0, keyHash.length);
                return new ApiKeyCreated(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.accountId(), HexFormat.of().formatHex(keyHash));
            }
            case ApiKeyRevokedDecoder.TEMPLATE_ID:
            {
                final ApiKeyRevokedDecoder d = wrap(new ApiKeyRevokedDecoder(), buffer, offset, blockLength, version);
                final byte[] keyHash = new byte[ApiKeyRevokedDecoder.keyHashLength()];
                d.getKeyHash(keyHash, 0, keyHash.length);
                return new ApiKeyRevoked(
                    d.sequence(), d.timestampNs(), d.sourceId(), d.correlationId(),
                    d.accountId(), HexFormat.of().formatHex(keyHash));
            }
            default:
                throw new IllegalStateException("unknown event template id " + templateId);
        }
    }
}
