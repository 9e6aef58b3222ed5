package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mldgbench.baselines.AllAlgorithms;
import org.mldgbench.core.Devices;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.Datasets;
import org.mldgbench.datasets.DomainDataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Everything that defines a sweep; shared by {@code sweep} and {@code slurm}. */
final class SweepOptions {
    @Option(names = "--dataset", defaultValue = "synthetic", split = ",",
            description = "Dataset(s), comma-separated (${COMPLETION-CANDIDATES}); the data options apply to each. "
                    + "Default: ${DEFAULT-VALUE}.",
            completionCandidates = SweepOptions.DatasetNames.class)
    List<String> datasets;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--preset", defaultValue = "full",
            description = "quick or full: the dataset's steps, checkpoint interval, seeds and per-domain cap "
                    + "(explicit options win). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--algorithms", split = ",",
            description = "Comma-separated algorithms. Default: all registered (${COMPLETION-CANDIDATES}).",
            completionCandidates = SweepOptions.AlgorithmNames.class)
    List<String> algorithms;

    @Option(names = "--test-domains", split = ",",
            description = "Held-out domains. Default: every domain in turn (leave-one-domain-out).")
    List<String> testDomains;

    @Option(names = "--seeds", description = "Seeds 0..N-1 per held-out domain. Default: the preset's (full: 3).")
    Integer seeds;

    @Option(names = "--hparam-trials", defaultValue = "0",
            description = "0 = registry defaults; N = N seeded random draws per algorithm (DomainBed style). Default: ${DEFAULT-VALUE}.")
    int hparamTrials;

    @Option(names = "--steps", description = "Training steps per run. Default: the preset's (synthetic full: 1000).")
    Integer steps;

    @Option(names = "--checkpoint-every", description = "Evaluate and record every N steps. Default: the preset's.")
    Integer checkpointEvery;

    @Option(names = "--diagnostics-every",
            description = "Record the algorithms' diagnostics (MLDG: exact vs first-order gradient) at checkpoints "
                    + "whose step is a multiple of N; 0 = never. Default: twice the checkpoint interval.")
    Integer diagnosticsEvery;

    @Option(names = "--batch-size", description = "Examples per source domain per step (sets hyper-parameter batch_size).")
    Integer batchSize;

    @Option(names = "--hparam", paramLabel = "NAME=VALUE",
            description = "Override a hyper-parameter for every algorithm that has it, e.g. --hparam lr=0.01 (repeatable).")
    Map<String, String> hparams = new LinkedHashMap<>();

    @Option(names = "--sampler", defaultValue = "uniform",
            description = "Batch sampler per source domain: uniform or class-balanced. Default: ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--loso",
            description = "Also train the runs leave-one-source-domain-out selection needs (each source domain in turn "
                    + "held out for validation; multiplies the runs by 1 + the number of source domains).")
    boolean leaveOneSourceOut;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:<i>. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--out", defaultValue = "results",
            description = "Output directory: runs/ (run records), leaderboards, verdicts, plots. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only every n-th run, starting at i (0 ≤ i < n).")
    String shard;

    /** One plan per dataset, validated. */
    List<Sweep.Plan> toPlans(java.io.PrintWriter warnings) {
        if (datasets.size() > 1 && testDomains != null) {
            throw new IllegalArgumentException("--test-domains names domains of one dataset; use it with a single --dataset");
        }
        if (datasets.size() != datasets.stream().distinct().count()) {
            throw new IllegalArgumentException("--dataset lists a dataset twice: " + datasets);
        }
        var device = Devices.select(this.device);
        return datasets.stream().map(name -> toPlan(name, device, warnings)).toList();
    }

    private Sweep.Plan toPlan(String dataset, ai.djl.Device device, java.io.PrintWriter warnings) {
        Presets p = Presets.of(Datasets.entry(dataset).name(), preset);
        DomainDataset loaded = Datasets.load(dataset, data.toOptions(p.maxPerDomain(), warnings));
        var overrides = parseOverrides(hparams);
        if (batchSize != null) {
            overrides.put("batch_size", (double) batchSize);
        }
        int stepCount = steps != null ? steps : p.steps();
        int checkpoints = checkpointEvery != null ? checkpointEvery : Math.min(p.checkpointEvery(), stepCount);
        return new Sweep.Plan(
                loaded,
                algorithms == null ? AllAlgorithms.REGISTRY.names() : List.copyOf(algorithms),
                testDomains == null ? loaded.domainNames() : List.copyOf(testDomains),
                seeds != null ? seeds : p.seeds(),
                hparamTrials,
                stepCount,
                checkpoints,
                diagnosticsEvery != null ? diagnosticsEvery : 2 * checkpoints,
                overrides, samplerMode(sampler), leaveOneSourceOut,
                shard == null ? Sweep.Shard.ALL : Sweep.Shard.parse(shard), out, device);
    }

    private static BatchSampler.Mode samplerMode(String name) {
        return switch (name) {
            case "uniform" -> BatchSampler.Mode.UNIFORM;
            case "class-balanced" -> BatchSampler.Mode.CLASS_BALANCED;
            default -> throw new IllegalArgumentException("--sampler must be uniform or class-balanced, got '" + name + "'");
        };
    }

    /** Numbers become numbers; anything else (e.g. optimizer=adam) stays a name. */
    private static Map<String, Object> parseOverrides(Map<String, String> raw) {
        var parsed = new LinkedHashMap<String, Object>();
        raw.forEach((k, v) -> {
            try {
                parsed.put(k, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                parsed.put(k, v);
            }
        });
        return parsed;
    }

    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.names().iterator();
        }
    }

    static final class AlgorithmNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return AllAlgorithms.REGISTRY.names().iterator();
        }
    }
}
