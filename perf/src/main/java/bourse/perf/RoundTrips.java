package bourse.perf;

/**
 * Requests that a server answers, as a {@link RoundTripHarness} drives them: the Bourse engine's order
 * commands over Aeron, orders through the gRPC gateway, or a raw ping-pong they are compared with.
 * Requests of a run are numbered from 0; one sending thread.
 */
public interface RoundTrips
{
    /** A new run starts: its requests are numbered from 0 again. */
    void startRun();

    /**
     * Tries to send request {@code index} of the run; false when the transport refuses it for now (back
     * pressure), so the harness polls and tries again. Any other failure (not connected, closed) throws.
     */
    boolean trySend(long index);

    /**
     * Hands each request answered since the last poll to {@code answers}, once per request; returns the
     * work done. Fails (throws) when the transport broke, so that a run ends rather than stalls.
     */
    int poll(Answers answers);

    /** Receives the answers a poll finds. */
    @FunctionalInterface
    interface Answers
    {
        /**
         * Request {@code index} of the run is answered.
         *
         * @param serverTakenUpNs when the server took it up, in {@link System#nanoTime()} terms: the
         *                        server's stamp on its answer, which splits the round trip in two legs.
         * @param answeredNs      when the answer arrived, in {@link System#nanoTime()} terms: when it was
         *                        polled, or when the thread that received it stamped it on arrival.
         */
        void onAnswer(long index, long serverTakenUpNs, long answeredNs);
    }
}
