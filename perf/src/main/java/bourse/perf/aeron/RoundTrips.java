package bourse.perf.aeron;

/**
 * Requests sent over Aeron and answered over Aeron, as a {@link RoundTripHarness} drives them: the
 * Bourse engine's order commands, or the raw ping-pong they are compared with. Requests of a run are
 * numbered from 0; one sending thread.
 */
interface RoundTrips
{
    /** A new run starts: its requests are numbered from 0 again. */
    void startRun();

    /**
     * Tries to send request {@code index} of the run; false when the publication is back-pressured, so
     * the harness polls and tries again. Any other failure (not connected, closed) throws.
     */
    boolean trySend(long index);

    /** Polls what has arrived, handing each request answered to {@code answers}, once per request and in order; returns the work done. */
    int poll(Answers answers);

    /** Receives the answers a poll finds. */
    @FunctionalInterface
    interface Answers
    {
        /**
         * Request {@code index} of the run is answered.
         *
         * @param serverTakenUpNs when the server thread took it up, in {@link System#nanoTime()} terms:
         *                        the server's stamp on its answer, which splits the round trip in two legs.
         */
        void onAnswer(long index, long serverTakenUpNs);
    }
}
