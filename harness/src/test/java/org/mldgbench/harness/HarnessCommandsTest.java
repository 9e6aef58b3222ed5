package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mldgbench.baselines.AllAlgorithms;

class HarnessCommandsTest {

    @TempDir
    Path out;

    @Test
    void listShowsAlgorithmsHyperParametersAndDatasets() {
        var r = SweepFixtures.cli("list");
        assertEquals(0, r.code(), r.err());
        for (String expected : new String[] {"erm — Source-only", "mldg-so — MLDG, exact second order", "alpha", "log-uniform[0.01, 1.0]",
                "meta_test_domains", "rotated-fashion-mnist"}) {
            assertTrue(r.out().contains(expected), expected + " in\n" + r.out());
        }
    }

    @Test
    void progressLinesCountRunsAndGiveAnEta() {
        var r = SweepFixtures.cli("sweep", "--dataset", "debug", "--preset", "quick", "--algorithms", "erm", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[1/3] erm test=d0 seed=0: held-out"), r.out());
        assertTrue(r.out().contains("| ETA "), r.out());
        assertTrue(r.out().contains("of 20 steps"), "quick preset for debug: 20 steps\n" + r.out());
        var again = SweepFixtures.cli("sweep", "--dataset", "debug", "--preset", "quick", "--algorithms", "erm", "--out", out.toString());
        assertTrue(again.out().contains("3 already done"), again.out());
        assertTrue(again.out().contains("Trained 0 run(s)"), again.out());
    }

    @Test
    void hyperParameterTrialsAreDistinctSeededDrawsAndSelectionPicksOne() throws IOException {
        var plan = new Sweep.Plan(org.mldgbench.datasets.Datasets.load("debug"), List.of("erm"), List.of("d1"), 1, 3, 10, 5, 5,
                java.util.Map.of(), org.mldgbench.datasets.BatchSampler.Mode.UNIFORM, false, Sweep.Shard.ALL, out, ai.djl.Device.cpu());
        var sweep = new Sweep(AllAlgorithms.REGISTRY, new java.io.PrintWriter(new java.io.StringWriter()), true);
        List<RunSpec> specs = sweep.specs(plan);
        assertEquals(List.of(1, 2, 3), specs.stream().map(RunSpec::hparamTrial).toList());
        assertNotEquals(specs.get(0).hparams().get("lr"), specs.get(1).hparams().get("lr"));
        assertEquals(specs, sweep.specs(plan), "draws are stable");
        var boards = sweep.run(plan);
        assertEquals(1, boards.get(0).rows().get(0).byDomain().get("d1").n(), "one selected result per seed, over 3 trials");
        assertEquals(3, boards.get(0).rows().get(0).runs());
    }

    @Test
    void runsSaveSelectedAndFinalParametersAsNumpyArchives() throws IOException {
        var r = SweepFixtures.cli("sweep", "--dataset", "debug", "--preset", "quick", "--algorithms", "mldg-so",
                "--test-domains", "d2", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        try (var runs = Files.list(out.resolve("runs"))) {
            Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            for (String file : new String[] {RunStore.FINAL_PARAMS, RunStore.SELECTED_PARAMS}) {
                try (var zip = new ZipFile(run.resolve(file).toFile())) {
                    var names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
                    assertEquals(List.of("fc0.weight.npy", "fc0.bias.npy", "fc1.weight.npy", "fc1.bias.npy",
                            "classifier.weight.npy", "classifier.bias.npy"), names);
                    // fc0.weight is 64 × 6 float32 after a 128-byte header.
                    assertEquals(128 + 64 * 6 * 4, zip.getEntry("fc0.weight.npy").getSize());
                }
            }
            String records = Files.readString(run.resolve(RunStore.RECORDS));
            assertTrue(records.contains("\"grad_rel_diff\"") && records.contains("\"grad_cosine\""), records);
            String spec = Files.readString(run.resolve(RunStore.SPEC));
            for (String field : new String[] {"gitCommit", "javaVersion", "djlVersion", "engineVersion", "cpu", "device", "datasetChecksum"}) {
                assertTrue(spec.contains("\"" + field + "\""), field + " in " + spec);
            }
        }
    }

    @Test
    void oneSweepCoversSeveralDatasets() {
        var r = SweepFixtures.cli("sweep", "--dataset", "debug,synthetic", "--preset", "quick", "--steps", "10",
                "--algorithms", "erm", "--seeds", "1", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("leaderboard-debug-training-domain-validation.csv")));
        assertTrue(Files.exists(out.resolve("leaderboard-synthetic-training-domain-validation.csv")));
        var bad = SweepFixtures.cli("sweep", "--dataset", "debug,synthetic", "--test-domains", "d0", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--test-domains names domains of one dataset"), bad.err());
    }

    @Test
    void leaveOneSourceDomainOutSweepProducesItsLeaderboard() throws IOException {
        var r = SweepFixtures.cli("sweep", "--dataset", "synthetic", "--preset", "quick", "--steps", "20", "--checkpoint-every", "10",
                "--test-domains", "d0", "--algorithms", "erm,mldg-fo", "--loso", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out.resolve("leaderboard-synthetic-leave-one-source-domain-out.csv"));
        assertTrue(csv.startsWith("algorithm,d0,average,runs,diverged\nerm,"), csv);
        assertTrue(csv.contains(",1,0\n"), "validation runs are not counted as runs: " + csv);
        try (var runs = Files.list(out.resolve("runs"))) {
            assertEquals(2 * (1 + 3), runs.filter(Files::isDirectory).count(), "per algorithm: 1 main + 3 validation runs");
        }
    }
}
