package org.mldgbench.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mldgbench.baselines.AllAlgorithms;
import org.mldgbench.core.Devices;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.DatasetOptions;
import org.mldgbench.datasets.Datasets;
import org.mldgbench.datasets.DomainDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line of MLDG Bench. With no arguments it runs the default leave-one-domain-out sweep on
 * the embedded synthetic dataset and prints the leaderboard.
 */
@Command(name = "mldg-bench", mixinStandardHelpOptions = true, version = "MLDG Bench 0.1.0",
        description = "Reproducible leave-one-domain-out benchmarks of MLDG, its successors and source-only training.",
        subcommands = {Main.SweepCommand.class, Main.CollectCommand.class, Main.SlurmCommand.class,
                Main.ListCommand.class, Main.DatasetsCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code (0 success, 2 bad input, 1 failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String[] effective = args.length == 0 ? new String[] {"sweep"} : args;
        var cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof java.io.UncheckedIOException io) {
                // A file we could not read or write (disk full, permissions): say which, no trace.
                err.println("error: " + io.getMessage() + ": " + io.getCause().getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(effective);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Options that say where a dataset's files are and how to load them. */
    static final class DataOptions {
        @Option(names = "--data-dir", description = "Directory of the dataset's files (rotated-fashion-mnist: default "
                + "/usr/share/datasets/fashion-mnist; required for imagefolder and features).")
        Path dataDir;

        @Option(names = "--max-per-domain",
                description = "Keep at most N examples per domain (0 = all). Default: the preset's.")
        Integer maxPerDomain;

        @Option(names = "--image-size", defaultValue = "" + DatasetOptions.DEFAULT_IMAGE_SIZE,
                description = "imagefolder: resize images to N×N RGB. Default: ${DEFAULT-VALUE}.")
        int imageSize;

        @Option(names = "--cache-dir", description = "Where decoded images are cached. Default: ~/.cache/mldg-bench.")
        Path cacheDir;

        DatasetOptions toOptions(int defaultMaxPerDomain, java.io.PrintWriter warnings) {
            var o = DatasetOptions.defaults().withDataDir(dataDir)
                    .withMaxPerDomain(maxPerDomain != null ? maxPerDomain : defaultMaxPerDomain).withImageSize(imageSize)
                    .withWarnings(line -> {
                        warnings.println("warning: " + line);
                        warnings.flush();
                    });
            return cacheDir == null ? o : o.withCacheDir(cacheDir);
        }
    }

    /** Everything that defines a sweep; shared by {@code sweep} and {@code slurm}. */
    static final class SweepOptions {
        @Option(names = "--dataset", defaultValue = "synthetic",
                description = "Dataset (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.",
                completionCandidates = DatasetNames.class)
        String dataset;

        @CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--preset", defaultValue = "full",
                description = "quick or full: the dataset's steps, checkpoint interval, seeds and per-domain cap "
                        + "(explicit options win). Default: ${DEFAULT-VALUE}.")
        String preset;

        @Option(names = "--algorithms", split = ",",
                description = "Comma-separated algorithms. Default: all registered (${COMPLETION-CANDIDATES}).",
                completionCandidates = AlgorithmNames.class)
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

        Sweep.Plan toPlan(java.io.PrintWriter warnings) {
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
                    shard == null ? Sweep.Shard.ALL : Sweep.Shard.parse(shard), out, Devices.select(device));
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
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Train every (held-out domain × seed × algorithm × trial) run not yet done, then collect.")
    static final class SweepCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        SweepOptions options = new SweepOptions();

        @Option(names = {"-q", "--quiet"}, description = "No progress; print only the final tables.")
        boolean quiet;

        @Override
        public Integer call() {
            var plan = options.toPlan(spec.commandLine().getErr());
            new Sweep(AllAlgorithms.REGISTRY, spec.commandLine().getOut(), quiet).run(plan);
            return 0;
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Recompute leaderboards, verdicts, gradient diagnostics and plots from the run records "
                    + "under a directory (never trains).")
    static final class CollectCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", defaultValue = "results",
                description = "Directory holding runs/; outputs are written there. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() {
            var store = new RunStore(out);
            if (store.readFinished().isEmpty()) {
                throw new IllegalArgumentException("no finished runs under " + store.runsDir());
            }
            Collect.run(store, AllAlgorithms.REGISTRY, out, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "slurm", mixinStandardHelpOptions = true,
            description = "Write a Slurm job-array script for a sweep (one array task per shard) and the collect step "
                    + "that runs after it, plus submit.sh to queue both.")
    static final class SlurmCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--shards", required = true, description = "Number of array tasks (shards).")
        int shards;

        @Option(names = "--script-dir", defaultValue = "slurm", description = "Where to write the scripts. Default: ${DEFAULT-VALUE}.")
        Path scriptDir;

        @Option(names = "--partition", description = "Slurm partition.")
        String partition;

        @Option(names = "--time", defaultValue = "04:00:00", description = "Wall time per shard. Default: ${DEFAULT-VALUE}.")
        String time;

        @Option(names = "--cpus-per-task", defaultValue = "2", description = "CPUs per shard. Default: ${DEFAULT-VALUE}.")
        int cpus;

        @Option(names = "--mem", defaultValue = "8G", description = "Memory per shard. Default: ${DEFAULT-VALUE}.")
        String mem;

        @Option(names = "--gpus-per-task", defaultValue = "0", description = "GPUs per shard. Default: ${DEFAULT-VALUE}.")
        int gpus;

        @CommandLine.Parameters(paramLabel = "SWEEP_OPTION",
                description = "The sweep's options, after --, e.g. -- --dataset rotated-fashion-mnist --seeds 5 --out /shared/results")
        List<String> sweepArgs = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            // Parse (and validate) the sweep options exactly as the array tasks will.
            var parsed = new SweepOptions();
            new CommandLine(parsed).parseArgs(sweepArgs.toArray(new String[0]));
            if (parsed.shard != null) {
                throw new IllegalArgumentException("do not pass --shard to slurm: each array task gets its own");
            }
            List<RunSpec> runs = new Sweep(AllAlgorithms.REGISTRY, spec.commandLine().getOut(), true)
                    .specs(parsed.toPlan(spec.commandLine().getErr()));
            var script = new SlurmScripts(shards, partition, time, cpus, mem, gpus, sweepArgs, parsed.out);
            script.write(scriptDir);
            var out = spec.commandLine().getOut();
            out.printf("%d runs in %d shards (about %d each). Wrote %s, %s and %s.%nSubmit with: bash %s%n",
                    runs.size(), shards, (runs.size() + shards - 1) / shards,
                    scriptDir.resolve(SlurmScripts.SWEEP), scriptDir.resolve(SlurmScripts.COLLECT),
                    scriptDir.resolve(SlurmScripts.SUBMIT), scriptDir.resolve(SlurmScripts.SUBMIT));
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List algorithms (with hyper-parameter defaults and search ranges) and datasets.")
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.print(Listing.render(AllAlgorithms.REGISTRY));
            out.flush();
            return 0;
        }
    }

    @Command(name = "datasets", mixinStandardHelpOptions = true,
            description = "List the datasets, or load one and print its summary: domains, classes, input shape, "
                    + "per-domain example counts and SHA-256.")
    static final class DatasetsCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "NAME", description = "Dataset to summarise.")
        String name;

        @CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            if (name == null) {
                for (Datasets.Entry e : Datasets.entries()) {
                    out.printf("%-22s %s%n", e.name(), e.description());
                }
                out.flush();
                return 0;
            }
            long start = System.nanoTime();
            DomainDataset d = Datasets.load(name, data.toOptions(0, spec.commandLine().getErr()));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.print(DatasetSummary.of(d, seconds));
            out.flush();
            return 0;
        }
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
