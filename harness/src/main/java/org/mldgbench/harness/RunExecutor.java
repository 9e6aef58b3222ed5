package org.mldgbench.harness;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mldgbench.core.Algorithm;
import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.core.DomainBatch;
import org.mldgbench.core.Seeds;
import org.mldgbench.core.StepStats;
import org.mldgbench.core.TrainingSetup;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.hparams.TrainingHParams;
import org.mldgbench.core.nn.Network;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.Domain;
import org.mldgbench.datasets.DomainDataset;
import org.mldgbench.datasets.DomainSplit;
import org.mldgbench.datasets.Examples;
import org.mldgbench.datasets.Normalization;

/**
 * Trains and evaluates one run and writes its records.
 *
 * <p>Common random numbers: the initial weights, every domain's train/validation split and every
 * source domain's batch order are seeded from (dataset, held-out domain, seed) only — never from
 * the algorithm — so for a given (held-out domain, seed) all algorithms start from the same
 * weights and see the same batches, and paired differences measure the algorithm.
 */
final class RunExecutor {


    private final DomainDataset dataset;
    private final AlgorithmRegistry registry;
    private final Device device;
    private final RunStore store;
    private final Provenance provenance;

    RunExecutor(DomainDataset dataset, AlgorithmRegistry registry, Device device, RunStore store, Provenance provenance) {
        this.dataset = dataset;
        this.registry = registry;
        this.device = device;
        this.store = store;
        this.provenance = provenance;
    }

    /** The outcome shown on the progress line. */
    record Outcome(RunRecords.Done done, RunRecords.Checkpoint last) {}

    Outcome run(RunSpec spec) {
        String id = spec.id();
        long start = System.nanoTime();
        store.start(new RunRecords.SpecFile(id, spec, provenance));

        Prepared data = prepare(spec.testDomain(), spec.validationDomain(), spec.seed());
        Map<String, DomainSplit> splits = data.splits();
        List<Domain> sources = data.sources();
        var samplers = new ArrayList<BatchSampler>();
        for (Domain d : sources) {
            samplers.add(new BatchSampler(splits.get(d.name()).train(),
                    Seeds.derive("batches", dataset.name(), spec.testDomain(), spec.seed(), d.name()),
                    BatchSampler.Mode.valueOf(spec.sampler())));
        }
        Network network = Models.networkFor(dataset);
        HParams hparams = new HParams(spec.hparams());
        var setup = new TrainingSetup(network, sources.size(), hparams,
                Seeds.derive("init", dataset.name(), spec.testDomain(), spec.seed()),
                Seeds.derive("algorithm", spec.algorithm(), dataset.name(), spec.testDomain(), spec.seed()),
                device, DataType.valueOf(spec.dataType()));
        int batchSize = hparams.integer(TrainingHParams.BATCH_SIZE);
        long[] exampleShape = toLong(dataset.inputShape());
        var selection = new ModelSelection.TrainingDomainValidation();

        RunRecords.Checkpoint last = null;
        RunRecords.Checkpoint best = null;
        Map<String, Map.Entry<long[], float[]>> selectedParams = null;
        try (Algorithm algorithm = registry.create(spec.algorithm(), setup)) {
            var lossSums = new LinkedHashMap<String, Double>();
            int stepsSinceCheckpoint = 0;
            for (int step = 1; step <= spec.steps(); step++) {
                var batches = new ArrayList<DomainBatch>(samplers.size());
                for (BatchSampler s : samplers) {
                    BatchSampler.Batch b = s.next(batchSize);
                    batches.add(new DomainBatch(data.normalization().apply(b.features()), b.labels(), exampleShape));
                }
                long stepStart = System.nanoTime();
                StepStats stats = algorithm.update(batches);
                trainingNanos += System.nanoTime() - stepStart;
                if (stats.diverged()) {
                    var done = new RunRecords.Done(RunRecords.Done.DIVERGED, step - 1, seconds(start),
                            "non-finite loss at step " + step + ": " + stats.losses());
                    store.finish(id, done);
                    return new Outcome(done, last);
                }
                stats.losses().forEach((k, v) -> lossSums.merge(k, v, Double::sum));
                stepsSinceCheckpoint++;
                if (step % spec.checkpointEvery() == 0 || step == spec.steps()) {
                    var meanLosses = new LinkedHashMap<String, Double>();
                    int n = stepsSinceCheckpoint;
                    lossSums.forEach((k, v) -> meanLosses.put(k, v / n));
                    Map<String, Double> acc = data.evalSet().accuracies(algorithm, device);
                    var sourceAcc = new LinkedHashMap<String, Double>();
                    for (Domain d : sources) {
                        sourceAcc.put(d.name(), acc.get(SOURCE_VALIDATION + d.name()));
                    }
                    last = new RunRecords.Checkpoint(step, meanLosses, sourceAcc,
                            acc.get(HELD_OUT), acc.get(HELD_OUT_VALIDATION),
                            acc.getOrDefault(VALIDATION_DOMAIN, Double.NaN),
                            spec.diagnosticsEvery() > 0 && step % spec.diagnosticsEvery() == 0
                                    ? algorithm.diagnostics(batches) : Map.of(),
                            seconds(start));
                    store.appendCheckpoint(id, last);
                    if (best == null || ModelSelection.better(selection.score(last), selection.score(best))) {
                        best = last;
                        selectedParams = algorithm.parameters().toFloatArrays();
                    }
                    lossSums.clear();
                    stepsSinceCheckpoint = 0;
                }
            }
            store.saveParameters(id, RunStore.FINAL_PARAMS, algorithm.parameters().toFloatArrays());
            store.saveParameters(id, RunStore.SELECTED_PARAMS, selectedParams);
        }
        var done = new RunRecords.Done(RunRecords.Done.OK, spec.steps(), seconds(start), "");
        store.finish(id, done);
        return new Outcome(done, last);
    }

    /**
     * What every algorithm of one (held-out domain, validation domain, seed) shares: every
     * domain's seeded, stratified split (the held-out domain's too, for oracle selection) and the
     * normalisation fitted on the source domains' training splits only.
     */
    record Prepared(String testDomain, String validationDomain, int seed, List<Domain> sources,
                    Map<String, DomainSplit> splits, Normalization normalization, EvalSet evalSet) {}

    private static final String SOURCE_VALIDATION = "validation split of ";
    private static final String HELD_OUT = "held-out domain";
    private static final String HELD_OUT_VALIDATION = "held-out validation split";
    private static final String VALIDATION_DOMAIN = "validation domain";

    /** Time spent inside {@code Algorithm.update} since this executor was made (for the overhead report). */
    private long trainingNanos;

    double trainingSeconds() {
        return trainingNanos / 1e9;
    }

    /** The last prepared data: runs come grouped by (held-out domain, seed), so one is enough. */
    private Prepared prepared;

    private Prepared prepare(String testDomain, String validationDomain, int seed) {
        if (prepared != null && prepared.testDomain().equals(testDomain)
                && prepared.validationDomain().equals(validationDomain) && prepared.seed() == seed) {
            return prepared;
        }
        var splits = new LinkedHashMap<String, DomainSplit>();
        for (Domain d : dataset.domains()) {
            splits.put(d.name(), DomainSplit.stratified(d.examples(), dataset.numClasses(),
                    DomainSplit.DEFAULT_VALIDATION_FRACTION, Seeds.derive("split", dataset.name(), d.name(), seed)));
        }
        List<Domain> sources = dataset.domains().stream()
                .filter(d -> !d.name().equals(testDomain) && !d.name().equals(validationDomain)).toList();
        Normalization normalization = Normalization.fit(sources.stream().map(d -> splits.get(d.name()).train()).toList());
        var scored = new LinkedHashMap<String, Examples>();
        for (Domain d : sources) {
            scored.put(SOURCE_VALIDATION + d.name(), splits.get(d.name()).validation());
        }
        scored.put(HELD_OUT, dataset.domain(testDomain).examples());
        scored.put(HELD_OUT_VALIDATION, splits.get(testDomain).validation());
        if (!validationDomain.isEmpty()) {
            scored.put(VALIDATION_DOMAIN, dataset.domain(validationDomain).examples());
        }
        prepared = new Prepared(testDomain, validationDomain, seed, sources, splits, normalization,
                new EvalSet(scored, normalization, dataset.inputShape()));
        return prepared;
    }

    private static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
