package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole sweep through the command line — train, select, compare — on the {@code debug} dataset
 * (CPU, fixed seeds): the collected leaderboards and verdicts must match the committed files byte
 * for byte. Any change to data generation, initialisation, batching, the algorithms, selection or
 * statistics shows up here. After an intended change, regenerate with
 * {@code mvn -B -pl harness test -Dtest=GoldenEndToEndTest -Dgolden.update=true} and review the diff.
 */
class GoldenEndToEndTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String[] FILES = {
        "leaderboard-debug-training-domain-validation.csv",
        "verdicts-debug-training-domain-validation.csv",
        "leaderboard-debug-test-domain-oracle.csv",
        "verdicts-debug-test-domain-oracle.csv",
        "gradient-diagnostics-debug.csv",
    };

    @Test
    void tinySweepMatchesCommittedResults(@TempDir Path out) throws IOException {
        var r = SweepFixtures.cli("sweep", "--dataset", "debug", "--seeds", "3", "--steps", "40", "--checkpoint-every", "10",
                "--hparam", "batch_size=16", "--device", "cpu", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        boolean update = Boolean.getBoolean("golden.update");
        for (String file : FILES) {
            String actual = Files.readString(out.resolve(file));
            if (update) {
                Files.writeString(GOLDEN.resolve(file), actual);
            }
            assertEquals(Files.readString(GOLDEN.resolve(file)), actual, file);
        }
    }
}
