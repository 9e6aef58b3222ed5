package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mldgbench.baselines.AllAlgorithms;

class ShardsAndSlurmTest {

    @Test
    void shardsPartitionTheRunsAndTogetherGiveTheUnshardedResults(@TempDir Path tmp) throws IOException {
        var plan = SweepFixtures.plan("debug", List.of("erm", "mldg-fo"), List.of("d0", "d1", "d2"), 2, 8, tmp.resolve("whole"));
        List<RunSpec> all = new Sweep(AllAlgorithms.REGISTRY, new java.io.PrintWriter(System.out), true).specs(plan);
        for (int n : new int[] {1, 3, 5, 12, 40}) {
            var seen = new HashSet<String>();
            int total = 0;
            for (int i = 0; i < n; i++) {
                var shard = new Sweep.Shard(i, n);
                for (int p = 0; p < all.size(); p++) {
                    if (shard.takes(p)) {
                        total++;
                        assertTrue(seen.add(all.get(p).id()), "run " + p + " in two shards of " + n);
                    }
                }
            }
            assertEquals(all.size(), total, "shards of " + n + " cover every run once");
            assertEquals(all.size(), seen.size());
        }

        SweepFixtures.run(AllAlgorithms.REGISTRY, plan);
        Path sharded = tmp.resolve("sharded");
        for (int i = 0; i < 3; i++) {
            var shardPlan = new Sweep.Plan(plan.dataset(), plan.algorithms(), plan.testDomains(), plan.seeds(), 0, plan.steps(),
                    plan.checkpointEvery(), plan.diagnosticsEvery(), plan.hparamOverrides(), plan.sampler(), false, new Sweep.Shard(i, 3), sharded, plan.device());
            var quiet = new java.io.PrintWriter(new java.io.StringWriter());
            assertEquals(null, new Sweep(AllAlgorithms.REGISTRY, quiet, true).run(shardPlan), "a shard does not collect");
        }
        var r = SweepFixtures.cli("collect", "--out", sharded.toString());
        assertEquals(0, r.code(), r.err());
        for (String file : new String[] {"leaderboard-debug-training-domain-validation.csv", "verdicts-debug-training-domain-validation.csv"}) {
            assertEquals(Files.readString(tmp.resolve("whole").resolve(file)), Files.readString(sharded.resolve(file)), file);
        }
    }

    @Test
    void slurmScriptsAreValidBashAndNameEveryShard(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("slurm");
        var r = SweepFixtures.cli("slurm", "--shards", "4", "--script-dir", dir.toString(), "--partition", "cpu",
                "--", "--dataset", "debug", "--seeds", "2", "--out", tmp.resolve("shared").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("18 runs in 4 shards (about 5 each)"), r.out()); // 3 domains × 2 seeds × 3 algorithms
        String sweep = Files.readString(dir.resolve(SlurmScripts.SWEEP));
        assertTrue(sweep.contains("#SBATCH --array=0-3\n"), sweep);
        assertTrue(sweep.contains("SHARD=\"${SLURM_ARRAY_TASK_ID}/4\""), sweep);
        assertTrue(sweep.contains("sweep --dataset debug --seeds 2 --out " + tmp.resolve("shared") + " --shard ${SHARD} --quiet"), sweep);
        assertTrue(sweep.contains("#SBATCH --partition=cpu"), sweep);
        assertTrue(Files.readString(dir.resolve(SlurmScripts.COLLECT)).contains("collect --out " + tmp.resolve("shared")));
        assertTrue(Files.readString(dir.resolve(SlurmScripts.SUBMIT)).contains("--dependency=afterany:${array}"));
        for (String script : new String[] {SlurmScripts.SWEEP, SlurmScripts.COLLECT, SlurmScripts.SUBMIT}) {
            Process p = new ProcessBuilder("bash", "-n", dir.resolve(script).toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), script + ": " + output);
        }
        var bad = SweepFixtures.cli("slurm", "--shards", "2", "--script-dir", dir.toString(), "--", "--shard", "0/2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("do not pass --shard to slurm"), bad.err());
    }
}
