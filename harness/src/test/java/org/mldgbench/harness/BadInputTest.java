package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command-line input ends with exit code 2 and one clear line, never a stack trace. */
class BadInputTest {

    @TempDir
    Path out;

    private SweepFixtures.Result sweep(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "sweep";
        args[1] = "--out";
        args[2] = out.toString();
        args[3] = "--steps";
        args[4] = "2";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return SweepFixtures.cli(args);
    }

    private static void assertClearError(SweepFixtures.Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), "expected «" + expected + "» in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void unknownAlgorithmListsValidNames() {
        assertClearError(sweep("--algorithms", "erm,mldg"),
                "error: unknown algorithm 'mldg'; valid algorithms: erm, mldg-fo, mldg-so");
    }

    @Test
    void unknownDatasetListsValidNames() {
        assertClearError(sweep("--dataset", "pacs"), "error: unknown dataset 'pacs'; valid datasets: synthetic, debug, rotated-fashion-mnist, imagefolder, features");
    }

    @Test
    void unknownTestDomainListsValidNames() {
        assertClearError(sweep("--dataset", "debug", "--test-domains", "d9"),
                "error: dataset 'debug' has no domain 'd9'; valid domains: d0, d1, d2");
    }

    @Test
    void negativeLearningRateNamesParameterAndRange() {
        assertClearError(sweep("--algorithms", "erm", "--hparam", "lr=-0.1"),
                "error: hyper-parameter 'lr' of algorithm 'erm' must be in (0, 10], got -0.1");
    }

    @Test
    void tooManyMetaTestDomainsNamesParameterAndRange() {
        assertClearError(sweep("--dataset", "debug", "--algorithms", "mldg-so", "--hparam", "meta_test_domains=2"),
                "error: hyper-parameter 'meta_test_domains' of algorithm 'mldg-so' must be in [1, 1] "
                        + "(fewer than the 2 source domains), got 2");
    }

    @Test
    void misspelledHyperParameterIsRejected() {
        assertClearError(sweep("--algorithms", "erm", "--hparam", "learning_rate=0.1"),
                "error: --hparam learning_rate: none of the algorithms [erm] has a hyper-parameter of that name");
    }

    @Test
    void missingGpuIsAClearError() {
        assertClearError(sweep("--device", "gpu:3"), "error: device 'gpu:3' is not available");
    }

    @Test
    void nonPositiveCountsAreRejected() {
        assertClearError(sweep("--seeds", "0"), "error: --seeds, --steps and --checkpoint-every must be at least 1");
    }

    @Test
    void collectWithoutRunsSaysSo() {
        var r = SweepFixtures.cli("collect", "--out", out.toString());
        assertClearError(r, "error: no finished runs under");
    }
}
