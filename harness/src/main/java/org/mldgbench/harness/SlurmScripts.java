package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slurm scripts for a sharded sweep: {@code sweep.sbatch}, a job array with one task per shard,
 * each running {@code sweep --shard $SLURM_ARRAY_TASK_ID/N} on the shared output directory;
 * {@code collect.sbatch}, which recomputes every output from the records; and {@code submit.sh},
 * which queues the array and then collect once every array task has ended. Tasks run the harness
 * through Maven offline from this checkout, so build it once on the login node first
 * ({@code mvn -B -q install -DskipTests}).
 */
record SlurmScripts(int shards, String partition, String time, int cpus, String mem, int gpus,
                    List<String> sweepArgs, Path out) {

    static final String SWEEP = "sweep.sbatch";
    static final String COLLECT = "collect.sbatch";
    static final String SUBMIT = "submit.sh";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    SlurmScripts {
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, got " + shards);
        }
        for (String a : sweepArgs) {
            if (!SAFE.matcher(a).matches()) {
                throw new IllegalArgumentException("sweep option '" + a + "' has characters the Slurm script cannot pass "
                        + "safely (spaces, quotes or shell syntax); use plain paths and values");
            }
        }
        sweepArgs = List.copyOf(sweepArgs);
    }

    void write(Path dir) {
        Path repo = Path.of("").toAbsolutePath();
        String header = "#!/bin/bash\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + "#SBATCH --mem=" + mem + "\n"
                + "#SBATCH --time=" + time + "\n"
                + (partition == null ? "" : "#SBATCH --partition=" + partition + "\n")
                + (gpus > 0 ? "#SBATCH --gres=gpu:" + gpus + "\n" : "");
        String sweep = header
                + "#SBATCH --job-name=mldg-sweep\n"
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "#SBATCH --output=" + dir.toAbsolutePath().resolve("logs") + "/sweep-%A_%a.out\n"
                + "# One array task per shard: task i runs every " + shards + "-th run starting at i.\n"
                + "set -euo pipefail\n"
                + "cd " + repo + "\n"
                + "SHARD=\"${SLURM_ARRAY_TASK_ID}/" + shards + "\"\n"
                + "mvn -B -q -o -pl harness exec:java -Dexec.args=\"sweep " + String.join(" ", sweepArgs)
                + " --shard ${SHARD} --quiet\"\n";
        String collect = header.replace("--cpus-per-task=" + cpus, "--cpus-per-task=1").replace("#SBATCH --gres=gpu:" + gpus + "\n", "")
                + "#SBATCH --job-name=mldg-collect\n"
                + "#SBATCH --output=" + dir.toAbsolutePath().resolve("logs") + "/collect-%j.out\n"
                + "set -euo pipefail\n"
                + "cd " + repo + "\n"
                + "mvn -B -q -o -pl harness exec:java -Dexec.args=\"collect --out " + out + "\"\n";
        String submit = "#!/bin/bash\n"
                + "# Queues the sweep array, then collect after every array task has ended (afterany: collect\n"
                + "# summarises whatever finished; rerun the array to finish failed shards, then collect again).\n"
                + "set -euo pipefail\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "mkdir -p logs\n"
                + "array=$(sbatch --parsable " + SWEEP + ")\n"
                + "sbatch --dependency=afterany:${array} " + COLLECT + "\n"
                + "echo \"queued sweep array ${array} (" + shards + " shards) and its collect step\"\n";
        RunStore.writeAtomically(dir.resolve(SWEEP), sweep);
        RunStore.writeAtomically(dir.resolve(COLLECT), collect);
        RunStore.writeAtomically(dir.resolve(SUBMIT), submit);
    }
}
