package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mldgbench.baselines.AllAlgorithms;
import org.mldgbench.baselines.Erm;
import org.mldgbench.core.Algorithm;
import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.core.AlgorithmSpec;
import org.mldgbench.core.DomainBatch;
import org.mldgbench.core.Mldg;
import org.mldgbench.core.StepStats;
import org.mldgbench.core.nn.ParamSet;

/** Resume, divergence handling and common random numbers of the sweep. */
class SweepBehaviourTest {

    private static final String LEADERBOARD = "leaderboard-debug-training-domain-validation.csv";

    @Test
    void interruptedSweepResumesToTheSameLeaderboard(@TempDir Path out) throws IOException {
        var plan = SweepFixtures.plan("debug", List.of("erm", "mldg-fo"), List.of("d0", "d2"), 2, 20, out);
        SweepFixtures.run(AllAlgorithms.REGISTRY, plan);
        String uninterrupted = Files.readString(out.resolve(LEADERBOARD));
        var store = new RunStore(out);
        List<RunSpec> specs = new Sweep(AllAlgorithms.REGISTRY, new java.io.PrintWriter(System.out), true).specs(plan);
        assertEquals(8, specs.size());

        // Simulate a crash in the middle of run 3: no done marker, records cut mid-line.
        Path crashed = store.dir(specs.get(3).id());
        Files.delete(crashed.resolve(RunStore.DONE));
        String records = Files.readString(crashed.resolve(RunStore.RECORDS));
        Files.writeString(crashed.resolve(RunStore.RECORDS), records.substring(0, records.length() / 2));
        // Mark a finished run so we can tell whether it is retrained.
        Path finished = store.dir(specs.get(0).id()).resolve(RunStore.RECORDS);
        FileTime stamp = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(finished, stamp);

        Files.delete(out.resolve(LEADERBOARD));
        SweepFixtures.run(AllAlgorithms.REGISTRY, plan);
        assertEquals(uninterrupted, Files.readString(out.resolve(LEADERBOARD)), "resumed leaderboard is byte-identical");
        assertTrue(store.isDone(specs.get(3).id()), "the half-written run was redone");
        assertEquals(stripTimes(records), stripTimes(Files.readString(crashed.resolve(RunStore.RECORDS))), "and reproduced exactly");
        assertEquals(stamp, Files.getLastModifiedTime(finished), "finished runs are not redone");
    }

    @Test
    void divergedRunIsRecordedAndTheSweepGoesOn(@TempDir Path out) throws IOException {
        var diverging = new AlgorithmSpec("diverges", "returns NaN at step 3", Erm.SPEC.hparams(), setup -> new Algorithm() {
            private final Erm inner = new Erm(setup);
            private int steps;

            @Override
            public StepStats update(List<DomainBatch> batches) {
                return ++steps < 3 ? inner.update(batches) : new StepStats(Map.of("loss", Double.NaN));
            }

            @Override
            public NDArray predict(NDArray x) {
                return inner.predict(x);
            }

            @Override
            public ParamSet parameters() {
                return inner.parameters();
            }

            @Override
            public void close() {
                inner.close();
            }
        });
        var registry = new AlgorithmRegistry(List.of(diverging, Erm.SPEC));
        var plan = SweepFixtures.plan("debug", List.of("diverges", "erm"), List.of("d1"), 1, 8, out);
        Leaderboard board = SweepFixtures.run(registry, plan);
        Leaderboard.Row bad = board.rows().get(0);
        assertEquals("diverges", bad.algorithm());
        assertEquals(1, bad.runs());
        assertEquals(1, bad.diverged());
        assertEquals(0, bad.byDomain().get("d1").n(), "a diverged run has no accuracy");
        assertEquals(0, board.rows().get(1).diverged());
        assertEquals(1, board.rows().get(1).byDomain().get("d1").n(), "the sweep went on to the next run");
        String done = Files.readString(new RunStore(out).dir(new Sweep(registry, new java.io.PrintWriter(System.out), true).specs(plan).get(0).id())
                .resolve(RunStore.DONE));
        assertTrue(done.contains("\"status\": \"diverged\"") && done.contains("non-finite loss at step 3"), done);
    }

    @Test
    void everyAlgorithmSeesTheSameWeightsAndBatches(@TempDir Path out) throws IOException {
        // Two names for the same algorithm: if initial weights, splits or batch order depended on
        // the algorithm, their records would differ.
        var alias = new AlgorithmSpec("erm-alias", "ERM under another name", Erm.SPEC.hparams(), Erm::new);
        var registry = new AlgorithmRegistry(List.of(Erm.SPEC, alias, Mldg.FIRST_ORDER));
        var plan = SweepFixtures.plan("debug", List.of("erm", "erm-alias", "mldg-fo"), List.of("d1"), 1, 12, out);
        SweepFixtures.run(registry, plan);
        var store = new RunStore(out);
        List<RunSpec> specs = new Sweep(registry, new java.io.PrintWriter(System.out), true).specs(plan);
        String erm = Files.readString(store.dir(specs.get(0).id()).resolve(RunStore.RECORDS));
        String ermAlias = Files.readString(store.dir(specs.get(1).id()).resolve(RunStore.RECORDS));
        String mldg = Files.readString(store.dir(specs.get(2).id()).resolve(RunStore.RECORDS));
        assertEquals(stripTimes(erm), stripTimes(ermAlias));
        assertFalse(stripTimes(erm).equals(stripTimes(mldg)), "a different algorithm does learn differently");
    }

    private static String stripTimes(String records) {
        return records.replaceAll("\"elapsedSeconds\":[0-9.eE+-]+", "");
    }
}
