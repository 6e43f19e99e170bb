package bourse.engine.service;

/** One engine event as a test sees it: its type, the four identifying fields, and what matters of the rest. */
record RecordedEvent(String type, long sequence, long timestampNs, int sourceId, long correlationId, String detail)
{
}
