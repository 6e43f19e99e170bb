package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.sbe.CreateApiKeyDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.RevokeApiKeyDecoder;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static bourse.engine.Market.ALICE;
import static bourse.engine.Market.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys are part of the sequenced state: the engine keeps the SHA-256 of each key with its account,
 * publishes the hash for the gateways to authenticate with, and never sees a key.
 */
class ApiKeyRulesTest
{
    private final Market market = new Market();

    @Test
    void shouldGiveTheAccountTheKeyHashAndPublishIt()
    {
        final List<EngineEvent> events = market.submit(Commands.createApiKey().account(ALICE).key("alice-key"));

        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(EngineEvent.ApiKeyCreated.class, created ->
        {
            assertThat(created.accountId()).isEqualTo(ALICE);
            assertThat(created.keyHash()).isEqualTo(hex("alice-key"));
        });
        assertThat(market.venue.dumpState()).contains("account 1 stp=CANCEL_NEWEST\n" +
            "  balance 1 total=" + Market.BTC_DEPOSIT + " held=0\n" +
            "  balance 2 total=" + Market.USD_DEPOSIT + " held=0\n" +
            "  apikey " + hex("alice-key") + "\n");
    }

    @Test
    void shouldListAnAccountsKeysByHashWhateverTheOrderTheyCameIn()
    {
        final String[] keys = {"k1", "k2", "k3", "k4"};
        for (final String key : keys)
        {
            market.submit(Commands.createApiKey().account(BOB).key(key));
        }

        final List<String> listed = market.venue.dumpState().lines()
            .filter(line -> line.startsWith("  apikey "))
            .map(line -> line.substring("  apikey ".length()))
            .toList();
        assertThat(listed).hasSize(keys.length).isSorted();
    }

    @Test
    void shouldCheckTheAccountBeforeTheHash()
    {
        final List<EngineEvent> events = market.submit(Commands.createApiKey().account(77));

        assertThat(events).containsExactly(new EngineEvent.CommandRejected(
            events.get(0).sequence(), events.get(0).timestampNs(), 1, events.get(0).correlationId(),
            CreateApiKeyDecoder.TEMPLATE_ID, RejectReason.UNKNOWN_ACCOUNT, 77, 0, 0, ""));
    }

    @Test
    void shouldRefuseAKeyTheAccountHasAlready()
    {
        market.submit(Commands.createApiKey().account(ALICE).key("same"));

        assertThat(Market.rejectReason(market.submit(Commands.createApiKey().account(ALICE).key("same"))))
            .isEqualTo(RejectReason.DUPLICATE_API_KEY);
    }

    @Test
    void shouldTakeARevokedKeyFromTheAccountAndPublishItsHash()
    {
        market.submit(Commands.createApiKey().account(ALICE).key("kept"));
        market.submit(Commands.createApiKey().account(ALICE).key("revoked"));

        final List<EngineEvent> events = market.submit(Commands.revokeApiKey().account(ALICE).key("revoked"));

        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(EngineEvent.ApiKeyRevoked.class, revoked ->
        {
            assertThat(revoked.accountId()).isEqualTo(ALICE);
            assertThat(revoked.keyHash()).isEqualTo(hex("revoked"));
        });
        assertThat(market.venue.dumpState()).contains("  apikey " + hex("kept") + "\n").doesNotContain(hex("revoked"));
    }

    @Test
    void shouldRevokeOnlyAKeyOfTheAccountItselfAndOnlyOnce()
    {
        market.submit(Commands.createApiKey().account(ALICE).key("alices"));

        assertThat(Market.rejectReason(market.submit(Commands.revokeApiKey().account(BOB).key("alices"))))
            .as("another account's key").isEqualTo(RejectReason.UNKNOWN_API_KEY);
        assertThat(market.submit(Commands.revokeApiKey().account(ALICE).key("alices")))
            .hasOnlyElementsOfType(EngineEvent.ApiKeyRevoked.class);
        assertThat(Market.rejectReason(market.submit(Commands.revokeApiKey().account(ALICE).key("alices"))))
            .as("revoked already").isEqualTo(RejectReason.UNKNOWN_API_KEY);
        assertThat(market.venue.dumpState()).doesNotContain(hex("alices"));
    }

    @Test
    void shouldCheckTheAccountThenTheHashOfARevocation()
    {
        final List<EngineEvent> unknownAccount = market.submit(Commands.revokeApiKey().account(77).key("any"));

        assertThat(unknownAccount).containsExactly(new EngineEvent.CommandRejected(
            unknownAccount.get(0).sequence(), unknownAccount.get(0).timestampNs(), 1, unknownAccount.get(0).correlationId(),
            RevokeApiKeyDecoder.TEMPLATE_ID, RejectReason.UNKNOWN_ACCOUNT, 77, 0, 0, ""));
        assertThat(Market.rejectReason(market.submit(Commands.revokeApiKey().account(ALICE))))
            .as("a blank hash").isEqualTo(RejectReason.INVALID_API_KEY);
    }

    @Test
    void shouldLetARevokedKeyBeGivenAgain()
    {
        market.submit(Commands.createApiKey().account(ALICE).key("again"));
        market.submit(Commands.revokeApiKey().account(ALICE).key("again"));

        assertThat(market.submit(Commands.createApiKey().account(BOB).key("again")))
            .hasOnlyElementsOfType(EngineEvent.ApiKeyCreated.class);
    }

    private static String hex(final String key)
    {
        return HexFormat.of().formatHex(Commands.apiKeyHash(key));
    }
}
