package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mldgbench.baselines.AllAlgorithms;

/** Test 7: every algorithm lifts held-out accuracy well above chance (20%) on synthetic in a short run. */
class TrainsAboveChanceTest {

    @Test
    void everyAlgorithmLearns(@TempDir Path out) {
        var plan = SweepFixtures.plan("synthetic", AllAlgorithms.REGISTRY.names(), List.of("d1"), 1, 300, out);
        Leaderboard board = SweepFixtures.run(AllAlgorithms.REGISTRY, plan);
        assertEquals(3, board.rows().size());
        for (Leaderboard.Row row : board.rows()) {
            double acc = row.byDomain().get("d1").mean();
            System.out.printf("%s: held-out d1 accuracy after 300 steps %.3f (chance 0.200)%n", row.algorithm(), acc);
            assertTrue(acc > 0.5, row.algorithm() + " held-out accuracy " + acc);
        }
    }
}
