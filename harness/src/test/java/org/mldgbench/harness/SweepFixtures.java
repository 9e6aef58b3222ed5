package org.mldgbench.harness;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.Datasets;

/** Small sweeps for harness tests. */
final class SweepFixtures {

    private SweepFixtures() {}

    static Sweep.Plan plan(String dataset, List<String> algorithms, List<String> testDomains, int seeds, int steps, Path out) {
        var data = Datasets.load(dataset);
        return new Sweep.Plan(data, algorithms, testDomains, seeds, 0, steps, Math.max(1, steps / 4), Math.max(1, steps / 4), Map.of(),
                BatchSampler.Mode.UNIFORM, false, Sweep.Shard.ALL, out, Device.cpu());
    }

    /** Runs a sweep quietly; returns the training-domain-validation leaderboard. */
    static Leaderboard run(AlgorithmRegistry registry, Sweep.Plan plan) {
        return new Sweep(registry, new java.io.PrintWriter(new java.io.StringWriter()), true).run(plan).get(0);
    }

    /** Exit code and standard error of a command line. */
    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
