package bourse.engine.journal;

import bourse.engine.MatchingEngine;

/** An engine rebuilt by {@link EngineRecovery}, with the report of how. */
public record RecoveredEngine(MatchingEngine engine, RecoveryReport report)
{
}
