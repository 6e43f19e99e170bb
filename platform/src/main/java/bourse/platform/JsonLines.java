package bourse.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/** One JSON value per line, for the {@code --format json} of the replay analyses. */
final class JsonLines
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines()
    {
    }

    static String of(final Object value)
    {
        try
        {
            return JSON.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
