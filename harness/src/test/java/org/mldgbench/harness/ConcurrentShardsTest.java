package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mldgbench.baselines.AllAlgorithms;

/**
 * Shards writing into one output directory at the same time corrupt nothing. Source-only training
 * only: DJL allows one gradient collector per process, so concurrent MLDG needs separate processes
 * (as on a cluster), while ERM's hand-written gradient needs none.
 */
class ConcurrentShardsTest {

    @Test
    void simultaneousShardsGiveTheUnshardedResults(@TempDir Path tmp) throws Exception {
        var whole = SweepFixtures.plan("debug", List.of("erm"), List.of("d0", "d1", "d2"), 4, 12, tmp.resolve("whole"));
        SweepFixtures.run(AllAlgorithms.REGISTRY, whole);
        Path shared = tmp.resolve("shared");
        var pool = Executors.newFixedThreadPool(3);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 3; i++) {
                var plan = new Sweep.Plan(whole.dataset(), whole.algorithms(), whole.testDomains(), whole.seeds(), 0, whole.steps(),
                        whole.checkpointEvery(), whole.diagnosticsEvery(), whole.hparamOverrides(), whole.sampler(), false,
                        new Sweep.Shard(i, 3), shared, whole.device());
                futures.add(pool.submit(() -> new Sweep(AllAlgorithms.REGISTRY,
                        new java.io.PrintWriter(new java.io.StringWriter()), true).run(plan)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var r = SweepFixtures.cli("collect", "--out", shared.toString());
        assertEquals(0, r.code(), r.err());
        String file = "leaderboard-debug-training-domain-validation.csv";
        assertEquals(Files.readString(tmp.resolve("whole").resolve(file)), Files.readString(shared.resolve(file)));
    }
}
