package bourse.engine.testing;

import java.util.ArrayList;
import java.util.List;

/** A real engine that keeps a copy of every command it applies, to replay them elsewhere. */
public final class RecordingEngine implements TestVenue.Engine
{
    private final TestVenue.RealEngine engine = new TestVenue.RealEngine(1_000);
    private final List<byte[]> commands = new ArrayList<>();

    @Override
    public List<EngineEvent> onCommand(final Command command)
    {
        final byte[] bytes = new byte[command.length()];
        command.buffer().getBytes(command.offset(), bytes);
        commands.add(bytes);
        return engine.onCommand(command);
    }

    @Override
    public String dumpState()
    {
        return engine.dumpState();
    }

    /** Every command applied so far, in order; live: it grows as commands are applied. */
    public List<byte[]> commands()
    {
        return commands;
    }
}
