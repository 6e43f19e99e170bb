package bourse.engine.service;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Aeron settings that work on a 2-core machine (docs/engine-service.md): the driver's three agents
 * share one thread that backs off when idle instead of spinning, term buffers default to 4 MiB
 * instead of 16 MiB, and liveness timeouts are long enough that GC pauses or CPU starvation do not get
 * healthy clients declared dead.
 */
public final class SmallMachineAeron
{
    public static final long DEFAULT_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    public static final int TERM_LENGTH = 4 * 1024 * 1024;

    private static final long MAX_SPINS = 100;
    private static final long MAX_YIELDS = 10;
    private static final long MIN_PARK_NS = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private SmallMachineAeron()
    {
    }

    /** Backs off from spinning to yielding to parking up to a millisecond: cheap when idle, quick when busy. */
    public static BackoffIdleStrategy backoffIdleStrategy()
    {
        return new BackoffIdleStrategy(MAX_SPINS, MAX_YIELDS, MIN_PARK_NS, MAX_PARK_NS);
    }

    /**
     * A media driver in SHARED threading mode with backoff idling and small sparse term buffers, on
     * {@code aeronDirectoryName}, deleted when the driver closes. {@code deleteDirOnStart} is for
     * directories this process owns alone; otherwise the driver refuses to start over an active one.
     */
    public static MediaDriver.Context driverContext(
        final String aeronDirectoryName, final boolean deleteDirOnStart, final long livenessTimeoutNs)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDirectoryName)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(backoffIdleStrategy())
            .dirDeleteOnStart(deleteDirOnStart)
            .dirDeleteOnShutdown(true)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(TERM_LENGTH)
            .ipcTermBufferLength(TERM_LENGTH)
            .clientLivenessTimeoutNs(livenessTimeoutNs)
            .imageLivenessTimeoutNs(livenessTimeoutNs)
            // Must exceed the client liveness timeout: a publication is only unblocked once its client is dead.
            .publicationUnblockTimeoutNs(2 * livenessTimeoutNs);
    }

    /** A client of the driver on {@code aeronDirectoryName}, patient with a slow driver. */
    public static Aeron.Context clientContext(final String aeronDirectoryName, final long livenessTimeoutNs)
    {
        return new Aeron.Context()
            .aeronDirectoryName(aeronDirectoryName)
            .driverTimeoutMs(TimeUnit.NANOSECONDS.toMillis(livenessTimeoutNs));
    }

    /** A fresh Aeron directory for one process or test: under /dev/shm when it exists, else the temp dir. */
    public static String uniqueAeronDirectoryName(final String role)
    {
        final File shm = new File("/dev/shm");
        final String parent = shm.isDirectory() ? shm.getPath() : System.getProperty("java.io.tmpdir");
        return new File(parent, "bourse-" + role + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID())
            .getPath();
    }

    /** Aeron's default directory, where clients look unless told otherwise. */
    public static String defaultAeronDirectoryName()
    {
        return CommonContext.getAeronDirectoryName();
    }
}
