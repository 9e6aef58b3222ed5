package org.mldgbench.harness;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.core.AlgorithmSpec;
import org.mldgbench.core.TrainingSetup;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.DomainDataset;

/**
 * A leave-one-domain-out sweep: held-out domain × seed × algorithm × hyper-parameter trial (and,
 * for leave-one-source-domain-out selection, × validation domain). Runs whose {@code done} marker
 * exists are skipped, so an interrupted sweep resumes where it stopped; with {@code --shard i/n}
 * a process takes every n-th run, so n processes (a Slurm job array) share one output directory.
 */
final class Sweep {

    /** What to run. */
    record Plan(
            DomainDataset dataset,
            List<String> algorithms,
            List<String> testDomains,
            int seeds,
            int hparamTrials,
            int steps,
            int checkpointEvery,
            int diagnosticsEvery,
            Map<String, Object> hparamOverrides,
            BatchSampler.Mode sampler,
            boolean leaveOneSourceOut,
            Shard shard,
            Path out,
            Device device) {}

    /** Shard {@code index} of {@code count}: the runs whose position modulo {@code count} is {@code index}. */
    record Shard(int index, int count) {
        static final Shard ALL = new Shard(0, 1);

        Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("--shard must be i/n with 0 ≤ i < n, got " + index + "/" + count);
            }
        }

        static Shard parse(String text) {
            String[] parts = text.split("/");
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("--shard must be i/n with 0 ≤ i < n, e.g. 0/4, got '" + text + "'");
        }

        boolean takes(int position) {
            return position % count == index;
        }
    }

    private final AlgorithmRegistry registry;
    private final PrintWriter log;
    private final boolean quiet;

    Sweep(AlgorithmRegistry registry, PrintWriter log, boolean quiet) {
        this.registry = registry;
        this.log = log;
        this.quiet = quiet;
    }

    /** Validates the plan and lists all its runs (every shard's) in execution order. */
    List<RunSpec> specs(Plan plan) {
        DomainDataset dataset = plan.dataset();
        if (plan.seeds() < 1 || plan.steps() < 1 || plan.checkpointEvery() < 1) {
            throw new IllegalArgumentException("--seeds, --steps and --checkpoint-every must be at least 1, got "
                    + plan.seeds() + ", " + plan.steps() + ", " + plan.checkpointEvery());
        }
        if (plan.diagnosticsEvery() < 0) {
            throw new IllegalArgumentException("--diagnostics-every must be ≥ 0 (0 = never), got " + plan.diagnosticsEvery());
        }
        if (plan.hparamTrials() < 0) {
            throw new IllegalArgumentException("--hparam-trials must be ≥ 0 (0 = registry defaults), got " + plan.hparamTrials());
        }
        for (String d : plan.testDomains()) {
            dataset.domain(d);
        }
        plan.hparamOverrides().keySet().forEach(k -> {
            boolean used = plan.algorithms().stream().anyMatch(a -> has(registry.get(a), k));
            if (!used) {
                throw new IllegalArgumentException("--hparam " + k + ": none of the algorithms " + plan.algorithms()
                        + " has a hyper-parameter of that name");
            }
        });
        List<Integer> trials = plan.hparamTrials() == 0 ? List.of(0)
                : java.util.stream.IntStream.rangeClosed(1, plan.hparamTrials()).boxed().toList();
        var hparams = new LinkedHashMap<String, HParams>();
        for (String name : plan.algorithms()) {
            AlgorithmSpec spec = registry.get(name);
            var applicable = new LinkedHashMap<String, Object>();
            plan.hparamOverrides().forEach((k, v) -> {
                if (has(spec, k)) {
                    applicable.put(k, v);
                }
            });
            for (int trial : trials) {
                HParams drawn = spec.hparams().trial(dataset.name(), trial);
                hparams.put(name + "#" + trial, spec.hparams().override(drawn, applicable));
            }
        }
        int sources = dataset.domains().size() - (plan.leaveOneSourceOut() ? 2 : 1);
        for (String name : plan.algorithms()) {
            for (int trial : trials) {
                // Construct once so that constraints involving the data (e.g. MLDG's meta-test
                // count versus the number of source domains) fail before any run starts.
                var probe = new TrainingSetup(Models.networkFor(dataset), sources, hparams.get(name + "#" + trial),
                        0, 0, plan.device(), DataType.FLOAT32);
                registry.create(name, probe).close();
            }
        }
        String network = Models.networkFor(dataset).describe();
        var specs = new ArrayList<RunSpec>();
        for (String testDomain : plan.testDomains()) {
            var validationDomains = new ArrayList<String>();
            validationDomains.add("");
            if (plan.leaveOneSourceOut()) {
                dataset.domainNames().stream().filter(d -> !d.equals(testDomain)).forEach(validationDomains::add);
            }
            for (int seed = 0; seed < plan.seeds(); seed++) {
                for (String validationDomain : validationDomains) {
                    for (String name : plan.algorithms()) {
                        for (int trial : trials) {
                            specs.add(new RunSpec(dataset.name(), dataset.checksum(), dataset.domainNames(), testDomain,
                                    validationDomain, name, trial, hparams.get(name + "#" + trial).values(), seed,
                                    plan.steps(), plan.checkpointEvery(), plan.diagnosticsEvery(), network, plan.sampler().name(),
                                    DataType.FLOAT32.name()));
                        }
                    }
                }
            }
        }
        return specs;
    }

    private static boolean has(AlgorithmSpec spec, String hparam) {
        return spec.hparams().params().stream().anyMatch(p -> p.name().equals(hparam));
    }

    /** {@link #run(List)} for one dataset. */
    List<Leaderboard> run(Plan plan) {
        return run(List.of(plan));
    }

    /**
     * Runs this shard's unfinished runs of every plan (one per dataset, all into the same output
     * directory). Without sharding it then computes, writes and returns the results of
     * {@code collect}; a shard leaves that to a final {@code collect} and returns null.
     */
    List<Leaderboard> run(List<Plan> plans) {
        for (Plan plan : plans) {
            train(plan);
        }
        Plan last = plans.get(plans.size() - 1);
        if (last.shard().count() > 1) {
            log.printf("Shard %d/%d done. When every shard is done, run: collect --out %s%n",
                    last.shard().index(), last.shard().count(), last.out());
            log.flush();
            return null;
        }
        return Collect.run(new RunStore(last.out()).readFinished(), registry, last.out(), log);
    }

    private void train(Plan plan) {
        List<RunSpec> all = specs(plan);
        var mine = new ArrayList<RunSpec>();
        for (int i = 0; i < all.size(); i++) {
            if (plan.shard().takes(i)) {
                mine.add(all.get(i));
            }
        }
        var store = new RunStore(plan.out());
        var todo = mine.stream().filter(s -> !store.isDone(s.id())).toList();
        var provenance = Provenance.capture(plan.device());
        var executor = new RunExecutor(plan.dataset(), registry, plan.device(), store, provenance);
        long start = System.nanoTime();
        if (!quiet) {
            log.printf(Locale.ROOT, "Sweep: %s, %d held-out domain(s) × %d seed(s) × %d algorithm(s) × %d trial(s)%s = %d runs"
                            + "%s of %d steps on %s; %d already done; records in %s%n",
                    plan.dataset().name(), plan.testDomains().size(), plan.seeds(), plan.algorithms().size(),
                    Math.max(1, plan.hparamTrials()), plan.leaveOneSourceOut() ? " × (1 + validation domains)" : "",
                    all.size(), plan.shard().count() > 1 ? " (this shard " + plan.shard().index() + "/" + plan.shard().count()
                            + ": " + mine.size() + ")" : "", plan.steps(), plan.device(), mine.size() - todo.size(), store.runsDir());
            log.flush();
        }
        int trained = 0;
        try (var progress = new SweepProgress(todo.size(), quiet)) {
            for (RunSpec spec : todo) {
                try (RunStore.Claim claim = store.claim(spec.id())) {
                    if (claim == null) {
                        progress.finished(spec.label() + ": being run by another process, skipped", log);
                        continue;
                    }
                    if (store.isDone(spec.id())) {
                        progress.finished(spec.label() + ": finished by another process meanwhile", log);
                        continue;
                    }
                    RunExecutor.Outcome outcome = executor.run(spec);
                    trained++;
                    progress.finished(spec.label() + ": " + describe(outcome), log);
                }
            }
        }
        if (!quiet) {
            double wall = (System.nanoTime() - start) / 1e9;
            log.printf(Locale.ROOT, "%nTrained %d run(s) in %s; training steps took %.1f s of %.1f s (harness overhead %.1f%%).%n%n",
                    trained, duration(wall), executor.trainingSeconds(), wall,
                    wall > 0 ? 100 * (wall - executor.trainingSeconds()) / wall : 0.0);
            log.flush();
        }
    }

    private static String describe(RunExecutor.Outcome o) {
        if (!o.done().status().equals(RunRecords.Done.OK)) {
            return "DIVERGED after " + o.done().stepsCompleted() + " steps (" + o.done().message() + ")";
        }
        var c = o.last();
        double sourceVal = new ModelSelection.TrainingDomainValidation().score(c);
        return String.format(Locale.ROOT, "held-out %.1f%%, source validation %.1f%% at step %d, %.1f s",
                100 * c.heldOutAccuracy(), 100 * sourceVal, c.step(), o.done().wallSeconds());
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
