package bourse.platform;

import bourse.engine.service.EngineService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bourse admin} setting up a venue from nothing on a fresh engine: assets, an instrument, accounts,
 * deposits, a halt and its end, each confirmed by the engine's events; what it refuses and why.
 */
class AdminCommandTest
{
    private static final String CHANNEL = "aeron:ipc?term-length=1m";

    @TempDir
    Path data;

    private EngineService engine;

    @BeforeEach
    void startEngine()
    {
        engine = EngineService.launch(new EngineService.Context()
            .commandChannel(CHANNEL).eventChannel(CHANNEL).dataDirectory(data));
    }

    @AfterEach
    void stopEngine()
    {
        engine.close();
    }

    @Test
    void shouldSetUpAVenueFromNothing()
    {
        assertThat(admin("add-asset", "--code", "btc", "--scale", "8").out()).isEqualTo("Asset 1 BTC added, 8 decimals.\n");
        assertThat(admin("add-asset", "--code", "USD", "--scale", "6").out()).isEqualTo("Asset 2 USD added, 6 decimals.\n");
        final CommandRunner.Result instrument = admin("add-instrument", "--symbol", "BTC-USD", "--base", "BTC", "--quote",
            "USD", "--price-scale", "2", "--tick", "0.5", "--lot", "0.001", "--max", "100", "--reference-price", "64000",
            "--maker-fee-bps", "0", "--taker-fee-bps", "2.5");
        assertThat(instrument.out()).as(instrument.err()).isEqualTo("Instrument 1 BTC-USD added: BTC in USD, tick 0.5, lot 0.001.\n");

        final CommandRunner.Result account = admin("create-account", "--deposit", "USD=1000.25", "--no-key");
        assertThat(account.out()).isEqualTo("Account 1 created.\n  deposited 1000.25 USD\n");
        assertThat(admin("deposit", "--account", "1", "--amount", "BTC=0.5").out()).isEqualTo("Deposited 0.5 BTC to account 1.\n");
        assertThat(admin("halt", "--instrument", "BTC-USD", "--cancel-orders").out()).isEqualTo("BTC-USD halted, its orders cancelled.\n");
        assertThat(admin("resume", "--instrument", "BTC-USD").out()).isEqualTo("BTC-USD trading again.\n");

        assertThat(engine.counters().rejects().get()).isZero();
        assertThat(engine.counters().commandsIn().get()).isEqualTo(8);
    }

    @Test
    void shouldPassOnTheEnginesRefusalsAndCheckWhatItCanBeforeSending()
    {
        admin("add-asset", "--code", "USD", "--scale", "2");
        admin("add-asset", "--code", "ETH", "--scale", "8");

        final CommandRunner.Result duplicate = admin("add-asset", "--code", "usd", "--scale", "2");
        final CommandRunner.Result duplicateId = admin("add-asset", "--code", "EUR", "--scale", "2", "--id", "1");
        final CommandRunner.Result tooFine = admin("add-instrument", "--symbol", "ETH-USD", "--base", "ETH", "--quote",
            "USD", "--price-scale", "2", "--tick", "0.5", "--lot", "0.001", "--max", "100", "--reference-price", "3000");
        final CommandRunner.Result lotOffScale = admin("add-instrument", "--symbol", "ETH-USD", "--base", "ETH", "--quote",
            "USD", "--price-scale", "2", "--tick", "1", "--lot", "0.000000001", "--max", "100", "--reference-price", "3000");
        final CommandRunner.Result maxOffLot = admin("add-instrument", "--symbol", "ETH-USD", "--base", "ETH", "--quote",
            "USD", "--price-scale", "2", "--tick", "1", "--lot", "0.01", "--max", "100.005", "--reference-price", "3000");
        final CommandRunner.Result badCode = admin("add-asset", "--code", "US DOLLAR", "--scale", "2");
        final CommandRunner.Result unknownBase = admin("add-instrument", "--symbol", "BTC-USD", "--base", "BTC", "--quote",
            "USD", "--price-scale", "2", "--tick", "0.5", "--lot", "0.001", "--max", "100", "--reference-price", "64000");
        final CommandRunner.Result notHalted = admin("resume", "--instrument", "ETH-USD");
        final CommandRunner.Result unknownAccount = admin("deposit", "--account", "42", "--amount", "USD=1");

        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("--code: the engine has USD already, asset 1");
        assertThat(duplicateId.exitCode()).isEqualTo(1);
        assertThat(duplicateId.err().strip()).isEqualTo("bourse admin: the engine refused asset EUR: DUPLICATE_ASSET");
        assertThat(tooFine.exitCode()).isEqualTo(2);
        assertThat(tooFine.err()).contains(
            "--tick × --lot must be a whole number of 0.01 USD (USD has 2 decimals), not 0.5 × 0.001 = 0.0005");
        assertThat(lotOffScale.err()).contains("--lot: must be positive with at most 8 decimals, not 0.000000001");
        assertThat(maxOffLot.exitCode()).isEqualTo(1);
        assertThat(maxOffLot.err().strip()).isEqualTo("bourse admin: the engine refused instrument ETH-USD: INVALID_INSTRUMENT");
        assertThat(badCode.exitCode()).isEqualTo(2);
        assertThat(badCode.err()).contains("--code: 1 to 8 letters or digits, not 'US DOLLAR'");
        assertThat(unknownBase.exitCode()).isEqualTo(2);
        assertThat(unknownBase.err()).contains("--base: the engine has no asset BTC (it has USD, ETH)");
        assertThat(notHalted.exitCode()).isEqualTo(2);
        assertThat(notHalted.err()).contains("--instrument: the engine has no instrument ETH-USD");
        assertThat(unknownAccount.exitCode()).isEqualTo(1);
        assertThat(unknownAccount.err().strip()).isEqualTo(
            "bourse admin: the engine refused the deposit of 1 USD: UNKNOWN_ACCOUNT");
    }

    private CommandRunner.Result admin(final String subcommand, final String... options)
    {
        return CommandRunner.run(Stream.of(new String[] {"admin", subcommand, "--engine-data", data.toString(),
            "--aeron-dir", engine.context().aeronDirectoryName(), "--command-channel", CHANNEL, "--event-channel", CHANNEL},
            options).flatMap(Stream::of).toArray(String[]::new));
    }
}
