package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.RecordingEngine;
import bourse.engine.testing.TestVenue;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;

import static bourse.engine.Market.BTC;
import static bourse.engine.Market.BTC_USD;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot is the engine's state: an engine loaded from a snapshot taken after any command hashes
 * the same and then answers every later command with exactly the bytes the original engine does.
 * A snapshot that is not whole is refused with a reason, never half loaded.
 */
class EngineSnapshotTest
{
    private static final int ACCOUNTS = 4;
    private static final int STREAM_LENGTH = 6_000;
    private static List<byte[]> stream;

    @BeforeAll
    static void recordBusyMarket()
    {
        stream = busyMarket(42);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 20, 137, 1_500, 3_333, 5_999})
    void shouldContinueExactlyAsTheOriginalAfterLoadingASnapshotTakenAtAnyPoint(final int cut)
    {
        final int cutAt = Math.min(stream.size(), 40 + cut);
        final RecordingSink originalEvents = new RecordingSink();
        final MatchingEngine original = new MatchingEngine(new MatchingEngine.Context().eventSink(originalEvents));
        apply(original, stream.subList(0, cutAt));

        final ExpandableArrayBuffer image = new ExpandableArrayBuffer(64);
        final int length = EngineSnapshot.write(original, image, 16);
        final RecordingSink loadedEvents = new RecordingSink();
        final MatchingEngine loaded = EngineSnapshot.load(
            new MatchingEngine.Context().eventSink(loadedEvents), image, 16, length);

        assertThat(loaded.dumpState()).isEqualTo(original.dumpState());
        assertThat(loaded.lastSequence()).isEqualTo(original.lastSequence()).isEqualTo(EngineSnapshot.lastSequence(image, 16));
        assertThat(EngineSnapshot.stateHash(image, 16)).isEqualTo(original.stateHash());

        originalEvents.bytes.reset();
        apply(original, stream.subList(cutAt, stream.size()));
        apply(loaded, stream.subList(cutAt, stream.size()));
        assertThat(loadedEvents.bytes.toByteArray()).isEqualTo(originalEvents.bytes.toByteArray());
        assertThat(loaded.stateHash()).isEqualTo(original.stateHash());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameState()
    {
        final MatchingEngine first = replay(stream);
        final MatchingEngine second = replay(stream);
        final ExpandableArrayBuffer a = new ExpandableArrayBuffer();
        final ExpandableArrayBuffer b = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(first, a, 0);
        assertThat(EngineSnapshot.write(second, b, 0)).isEqualTo(length);
        assertThat(bytes(a, length)).isEqualTo(bytes(b, length));
    }

    @Test
    void shouldRefuseACorruptByteWhereverItIs()
    {
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(replay(stream), image, 0);
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++)
        {
            final UnsafeBuffer copy = new UnsafeBuffer(bytes(image, length));
            final int position = random.nextInt(length);
            copy.putByte(position, (byte)(copy.getByte(position) ^ (1 + random.nextInt(255))));
            assertThatThrownBy(() -> load(copy, length)).as("byte %d flipped", position).isInstanceOf(SnapshotException.class);
        }
    }

    @Test
    void shouldRefuseATruncatedSnapshot()
    {
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(replay(stream), image, 0);
        for (final int truncated : new int[]{0, 10, 44, length / 2, length - 1})
        {
            assertThatThrownBy(() -> load(image, truncated)).isInstanceOf(SnapshotException.class);
        }
    }

    @Test
    void shouldRefuseAnUnknownFormatVersionByName()
    {
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(replay(stream), image, 0);
        image.putShort(4, (short)99, java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> load(image, length)).isInstanceOf(SnapshotException.class).hasMessageContaining("version 99");
    }

    @Test
    void shouldLoadASnapshotOfTheFormatBeforeApiKeys()
    {
        final List<byte[]> withoutKeys = stream.stream()
            .filter(command -> new UnsafeBuffer(command).getShort(2, java.nio.ByteOrder.LITTLE_ENDIAN) !=
                bourse.sbe.CreateApiKeyDecoder.TEMPLATE_ID)
            .toList();
        final MatchingEngine original = replay(withoutKeys);
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(original, image, 0);
        // Format 1 is format 2 without the API key section, which for no keys is its count: 0.
        assertThat(image.getInt(length - 12, java.nio.ByteOrder.LITTLE_ENDIAN)).isZero();
        final int formatOneLength = length - 4;
        image.putShort(4, (short)1, java.nio.ByteOrder.LITTLE_ENDIAN);
        image.putInt(8, formatOneLength, java.nio.ByteOrder.LITTLE_ENDIAN);
        reseal(image, formatOneLength);

        assertThat(load(image, formatOneLength).dumpState()).isEqualTo(original.dumpState());
    }

    @Test
    void shouldRefuseContentThatDoesNotHashToTheRecordedState()
    {
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer();
        final int length = EngineSnapshot.write(replay(stream), image, 0);
        // A well-formed snapshot whose recorded hash is wrong: re-seal the checksum after the change.
        image.putLong(20, image.getLong(20) + 1);
        reseal(image, length);
        assertThatThrownBy(() -> load(image, length)).isInstanceOf(SnapshotException.class).hasMessageContaining("hashes to");
    }

    /** Writes the checksum of a snapshot whose bytes a test changed. */
    private static void reseal(final ExpandableArrayBuffer image, final int length)
    {
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes(image, length - 8));
        image.putLong(length - 8, crc.getValue(), java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static MatchingEngine load(final org.agrona.DirectBuffer image, final int length)
    {
        return EngineSnapshot.load(new MatchingEngine.Context().eventSink((buffer, offset, len) -> { }), image, 0, length);
    }

    private static MatchingEngine replay(final List<byte[]> commands)
    {
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }));
        apply(engine, commands);
        return engine;
    }

    private static void apply(final MatchingEngine engine, final List<byte[]> commands)
    {
        for (final byte[] command : commands)
        {
            engine.onCommand(new UnsafeBuffer(command), 0, command.length);
        }
    }

    private static byte[] bytes(final org.agrona.DirectBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * A seeded market busy with everything a snapshot must carry: resting limits and icebergs at many
     * levels, pending stops and stop-limits, client order ids, amends, partial fills, STP modes,
     * halts, fees, API keys and a rejected command now and then.
     */
    private static List<byte[]> busyMarket(final long seed)
    {
        final RecordingEngine recorder = new RecordingEngine();
        final List<byte[]> commands = recorder.commands();
        final TestVenue venue = TestVenue.over(recorder).withBtcUsd();
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            venue.withAccount(account, StpMode.get((short)(1 + account % 3)))
                .withDeposit(account, USD, usd(50_000_000)).withDeposit(account, BTC, lots(100_000));
            venue.setup(Commands.createApiKey().account(account).key("key-" + account));
        }

        final SplittableRandom random = new SplittableRandom(seed);
        while (commands.size() < STREAM_LENGTH)
        {
            final long account = 1 + random.nextInt(ACCOUNTS);
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long price = usd(30_000 + random.nextInt(-25, 26));
            final String clientOrderId = "c" + account + "-" + random.nextInt(40);
            final StpMode stp = StpMode.get((short)random.nextInt(4));
            final int dice = random.nextInt(100);
            if (dice < 40)
            {
                venue.submit(Market.order(account, side).limit(price).quantity(lots(1 + random.nextInt(20))).gtc()
                    .stp(stp).clientOrderId(clientOrderId));
            }
            else if (dice < 47)
            {
                venue.submit(Market.order(account, side).limit(price).quantity(lots(10 + random.nextInt(30)))
                    .display(lots(1 + random.nextInt(5))).gtc().clientOrderId(clientOrderId));
            }
            else if (dice < 55)
            {
                final long stop = usd(30_000 + (side == Side.BUY ? random.nextInt(1, 30) : -random.nextInt(1, 30)));
                final Commands.NewOrder order = Market.order(account, side).quantity(lots(1 + random.nextInt(5)))
                    .stp(stp).clientOrderId(clientOrderId);
                venue.submit(random.nextBoolean() ? order.stop(stop).ioc() : order.stopLimit(stop, stop).timeInForce(random.nextBoolean() ? TimeInForce.GTC : TimeInForce.IOC));
            }
            else if (dice < 62)
            {
                venue.submit(Market.order(account, side).limit(price).quantity(lots(1 + random.nextInt(15))).ioc());
            }
            else if (dice < 65)
            {
                venue.submit(Market.order(account, side).market().quantity(lots(1 + random.nextInt(10))));
            }
            else if (dice < 82)
            {
                venue.submit(Commands.replaceOrder().account(account).clientOrderId(clientOrderId)
                    .price(price).quantity(lots(1 + random.nextInt(20))));
            }
            else if (dice < 97)
            {
                venue.submit(Commands.cancelOrder().account(account).clientOrderId(clientOrderId));
            }
            else if (dice < 98)
            {
                venue.submit(random.nextBoolean() ?
                    Commands.massCancel().account(account).instrument(BTC_USD) :
                    Commands.createApiKey().account(account).key("key-" + random.nextInt(1_000)));
            }
            else
            {
                venue.submit(Commands.haltInstrument().instrument(BTC_USD));
                venue.submit(Commands.resumeInstrument().instrument(BTC_USD));
            }
        }
        // Refused only if the loaded engine knows the asset's whole supply, which no snapshot field records.
        venue.submit(Commands.deposit().account(1).asset(USD).amount(Long.MAX_VALUE - usd(1)));
        return commands;
    }

    /** Keeps a copy of every event byte the engine publishes. */
    private static final class RecordingSink implements EventSink
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void onEvents(final org.agrona.DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            bytes.writeBytes(copy);
        }
    }
}
