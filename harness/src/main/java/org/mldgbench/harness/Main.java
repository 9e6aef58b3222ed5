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
        subcommands = {Main.SweepCommand.class, Main.CollectCommand.class, Main.DatasetsCommand.class})
public final class Main implements Callable<Integer> {

    /** Default number of training steps per run for the default sweep. */
    static final int DEFAULT_STEPS = 1000;

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
            if (e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                return 2;
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

        @Option(names = "--max-per-domain", defaultValue = "0",
                description = "Keep at most N examples per domain (0 = all). Default: ${DEFAULT-VALUE}.")
        int maxPerDomain;

        @Option(names = "--image-size", defaultValue = "" + DatasetOptions.DEFAULT_IMAGE_SIZE,
                description = "imagefolder: resize images to N×N RGB. Default: ${DEFAULT-VALUE}.")
        int imageSize;

        @Option(names = "--cache-dir", description = "imagefolder: where decoded images are cached. Default: ~/.cache/mldg-bench.")
        Path cacheDir;

        DatasetOptions toOptions(java.io.PrintWriter warnings) {
            var o = DatasetOptions.defaults().withDataDir(dataDir).withMaxPerDomain(maxPerDomain).withImageSize(imageSize)
                    .withWarnings(line -> warnings.println("warning: " + line));
            return cacheDir == null ? o : o.withCacheDir(cacheDir);
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Train every (held-out domain × seed × algorithm) run not yet done, then print the leaderboard.")
    static final class SweepCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", defaultValue = "synthetic",
                description = "Dataset name (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.",
                completionCandidates = DatasetNames.class)
        String dataset;

        @CommandLine.Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--sampler", defaultValue = "uniform",
                description = "Batch sampler per source domain: uniform or class-balanced. Default: ${DEFAULT-VALUE}.")
        String sampler;

        @Option(names = "--algorithms", split = ",",
                description = "Comma-separated algorithms. Default: all registered (${COMPLETION-CANDIDATES}).",
                completionCandidates = AlgorithmNames.class)
        List<String> algorithms;

        @Option(names = "--test-domains", split = ",",
                description = "Held-out domains. Default: every domain in turn (leave-one-domain-out).")
        List<String> testDomains;

        @Option(names = "--seeds", defaultValue = "3", description = "Seeds 0..N-1 per held-out domain. Default: ${DEFAULT-VALUE}.")
        int seeds;

        @Option(names = "--steps", defaultValue = "" + DEFAULT_STEPS, description = "Training steps per run. Default: ${DEFAULT-VALUE}.")
        int steps;

        @Option(names = "--checkpoint-every", defaultValue = "100",
                description = "Evaluate and record every N steps. Default: ${DEFAULT-VALUE}.")
        int checkpointEvery;

        @Option(names = "--hparam", paramLabel = "NAME=VALUE",
                description = "Override a hyper-parameter for every algorithm that has it, e.g. --hparam lr=0.01 (repeatable).")
        Map<String, String> hparams = new LinkedHashMap<>();

        @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:<i>. Default: ${DEFAULT-VALUE}.")
        String device;

        @Option(names = "--out", defaultValue = "results",
                description = "Output directory: runs/ (run records) and leaderboard CSVs. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "Print only the final leaderboard.")
        boolean quiet;

        @Override
        public Integer call() {
            DomainDataset loaded = Datasets.load(dataset, data.toOptions(spec.commandLine().getErr()));
            var plan = new Sweep.Plan(
                    loaded,
                    algorithms == null ? AllAlgorithms.REGISTRY.names() : List.copyOf(algorithms),
                    testDomains == null ? loaded.domainNames() : List.copyOf(testDomains),
                    seeds, steps, checkpointEvery, parseOverrides(hparams), samplerMode(sampler), out, Devices.select(device));
            new Sweep(AllAlgorithms.REGISTRY, spec.commandLine().getOut(), quiet).run(plan);
            return 0;
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

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Recompute the leaderboards from the run records under a directory (never trains).")
    static final class CollectCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", defaultValue = "results",
                description = "Directory holding runs/; leaderboards are written there. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() {
            if (Collect.leaderboards(new RunStore(out), AllAlgorithms.REGISTRY, out, spec.commandLine().getOut()).isEmpty()) {
                throw new IllegalArgumentException("no finished runs under " + new RunStore(out).runsDir());
            }
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
                return 0;
            }
            long start = System.nanoTime();
            DomainDataset d = Datasets.load(name, data.toOptions(spec.commandLine().getErr()));
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
