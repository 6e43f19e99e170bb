package bourse.gateway;

import bourse.v1.ExecutionReport;

/**
 * The answer to a submit: the order after the command, or, when the client order id was used before,
 * the original order's current state ({@code replayed}).
 */
record SubmitResult(ExecutionReport report, boolean replayed)
{
}
