package bourse.platform;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One end of a replay's range ({@code --from}, {@code --to}, {@code --at}): a command sequence number,
 * or an instant compared with each command's timestamp (the sequencer's, in epoch nanoseconds, which
 * it never lets go backwards while it runs). A range by time starts at the first command stamped at
 * or after its start and ends in front of the first command stamped after its end.
 *
 * @param byTime whether {@code value} is an instant in epoch nanoseconds rather than a sequence number.
 * @param value  the sequence number (at least 1) or the epoch nanoseconds.
 */
record ReplayBound(boolean byTime, long value)
{
    /** The accepted forms, for help and error messages. */
    static final String FORMS = "a sequence number (1 or more) or an ISO-8601 instant such as 2026-11-25T17:50:00Z, " +
        "2026-11-25T17:50:00.250Z or 2026-11-25T18:50:00+01:00";

    static ReplayBound sequence(final long sequence)
    {
        return new ReplayBound(false, sequence);
    }

    static ReplayBound time(final long epochNs)
    {
        return new ReplayBound(true, epochNs);
    }

    /** Whether a command of this sequence and timestamp is at or after this bound, as a start. */
    boolean startsBy(final long sequence, final long timestampNs)
    {
        return byTime ? timestampNs >= value : sequence >= value;
    }

    /** Whether a command of this sequence and timestamp is past this bound, as an inclusive end. */
    boolean endsBefore(final long sequence, final long timestampNs)
    {
        return byTime ? timestampNs > value : sequence > value;
    }

    @Override
    public String toString()
    {
        return byTime ? Instant.ofEpochSecond(0, value).toString() : Long.toString(value);
    }

    /** Parses {@code SEQ|TIME} for picocli: a malformed value is a usage error naming the option. */
    static final class Converter implements ITypeConverter<ReplayBound>
    {
        @Override
        public ReplayBound convert(final String text)
        {
            final String value = text.strip();
            if (value.matches("\\d+"))
            {
                // 18 digits always fit a long; a sequence number longer than that cannot be in a journal.
                if (value.length() > 18 || Long.parseLong(value) < 1)
                {
                    throw new TypeConversionException("'" + text + "' is not " + FORMS);
                }
                return sequence(Long.parseLong(value));
            }
            try
            {
                final Instant instant = DateTimeFormatter.ISO_INSTANT.parse(value, Instant::from);
                return time(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()));
            }
            catch (final DateTimeException | ArithmeticException ex)
            {
                throw new TypeConversionException("'" + text + "' is not " + FORMS);
            }
        }
    }
}
