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
 * A leave-one-domain-out sweep: held-out domain × seed × algorithm. Runs whose {@code done}
 * marker exists are skipped, so an interrupted sweep resumes where it stopped; the leaderboard is
 * recomputed from the run records at the end.
 */
final class Sweep {

    /** What to run. */
    record Plan(
            DomainDataset dataset,
            List<String> algorithms,
            List<String> testDomains,
            int seeds,
            int steps,
            int checkpointEvery,
            Map<String, Object> hparamOverrides,
            BatchSampler.Mode sampler,
            Path out,
            Device device) {}

    private final AlgorithmRegistry registry;
    private final PrintWriter log;
    private final boolean quiet;

    Sweep(AlgorithmRegistry registry, PrintWriter log, boolean quiet) {
        this.registry = registry;
        this.log = log;
        this.quiet = quiet;
    }

    /** Validates the plan and lists its runs in execution order. */
    List<RunSpec> specs(Plan plan) {
        DomainDataset dataset = plan.dataset();
        if (plan.seeds() < 1 || plan.steps() < 1 || plan.checkpointEvery() < 1) {
            throw new IllegalArgumentException("--seeds, --steps and --checkpoint-every must be at least 1, got "
                    + plan.seeds() + ", " + plan.steps() + ", " + plan.checkpointEvery());
        }
        for (String d : plan.testDomains()) {
            dataset.domain(d);
        }
        var hparams = new LinkedHashMap<String, HParams>();
        for (String name : plan.algorithms()) {
            AlgorithmSpec spec = registry.get(name);
            var applicable = new LinkedHashMap<String, Object>();
            plan.hparamOverrides().forEach((k, v) -> {
                if (spec.hparams().params().stream().anyMatch(p -> p.name().equals(k))) {
                    applicable.put(k, v);
                }
            });
            hparams.put(name, spec.hparams().override(spec.hparams().defaults(), applicable));
        }
        plan.hparamOverrides().keySet().forEach(k -> {
            boolean used = plan.algorithms().stream().anyMatch(a ->
                    registry.get(a).hparams().params().stream().anyMatch(p -> p.name().equals(k)));
            if (!used) {
                throw new IllegalArgumentException("--hparam " + k + ": none of the algorithms " + plan.algorithms()
                        + " has a hyper-parameter of that name");
            }
        });
        String network = Models.networkFor(dataset).describe();
        int sources = dataset.domains().size() - 1;
        for (String name : plan.algorithms()) {
            // Construct once so that constraints involving the data (e.g. MLDG's meta-test count
            // versus the number of source domains) fail before any run starts.
            var probe = new TrainingSetup(Models.networkFor(dataset), sources, hparams.get(name), 0, 0, plan.device(), DataType.FLOAT32);
            registry.create(name, probe).close();
        }
        var specs = new ArrayList<RunSpec>();
        for (String testDomain : plan.testDomains()) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                for (String name : plan.algorithms()) {
                    specs.add(new RunSpec(dataset.name(), dataset.checksum(), dataset.domainNames(), testDomain, name, 0,
                            hparams.get(name).values(), seed, plan.steps(), plan.checkpointEvery(), network,
                            plan.sampler().name(), DataType.FLOAT32.name()));
                }
            }
        }
        return specs;
    }

    /** Runs every unfinished run of the plan, then computes, writes and returns the leaderboard. */
    Leaderboard run(Plan plan) {
        List<RunSpec> specs = specs(plan);
        var store = new RunStore(plan.out());
        var provenance = Provenance.capture(plan.device());
        var executor = new RunExecutor(plan.dataset(), registry, plan.device(), store, provenance);
        long start = System.nanoTime();
        int trained = 0;
        log.printf(Locale.ROOT, "Sweep: %s, %d held-out domain(s) × %d seed(s) × %d algorithm(s) = %d runs of %d steps on %s; records in %s%n",
                plan.dataset().name(), plan.testDomains().size(), plan.seeds(), plan.algorithms().size(), specs.size(),
                plan.steps(), plan.device(), store.runsDir());
        for (int i = 0; i < specs.size(); i++) {
            RunSpec spec = specs.get(i);
            String prefix = String.format(Locale.ROOT, "[%" + Integer.toString(specs.size()).length() + "d/%d] %s",
                    i + 1, specs.size(), spec.label());
            if (store.isDone(spec.id())) {
                if (!quiet) {
                    log.println(prefix + ": already done, skipped");
                }
                continue;
            }
            RunExecutor.Outcome outcome = executor.run(spec);
            trained++;
            if (!quiet) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                int remaining = (int) specs.subList(i + 1, specs.size()).stream().filter(s -> !store.isDone(s.id())).count();
                double eta = elapsed / trained * remaining;
                log.println(prefix + ": " + describe(outcome) + String.format(Locale.ROOT, " | ETA %s", duration(eta)));
                log.flush();
            }
        }
        log.printf(Locale.ROOT, "%nSweep finished in %s (%d run(s) trained, %d already done).%n%n",
                duration((System.nanoTime() - start) / 1e9), trained, specs.size() - trained);
        return Collect.leaderboards(store, registry, plan.out(), log).stream()
                .filter(b -> b.dataset().equals(plan.dataset().name())).findFirst().orElseThrow();
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
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
