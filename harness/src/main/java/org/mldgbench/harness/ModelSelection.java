package org.mldgbench.harness;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a checkpoint and a hyper-parameter trial are chosen, kept separate from training as in
 * DomainBed. Selection is done per seed (DomainBed's trial seed): among the trials of one
 * (algorithm, held-out domain, seed), the one with the best validation score wins, and the
 * held-out accuracy of its chosen checkpoint is reported.
 */
sealed interface ModelSelection permits ModelSelection.PerRun, ModelSelection.LeaveOneSourceDomainOut {

    /** Name used in file names and tables. */
    String name();

    /**
     * Held-out accuracy by seed for one algorithm and held-out domain.
     *
     * @param main the runs trained on every source domain (all trials and seeds)
     * @param validationRuns the extra runs that also hold out one source domain (may be empty)
     */
    Map<Integer, Double> heldOutBySeed(List<RunRecords.FinishedRun> main, List<RunRecords.FinishedRun> validationRuns);

    /** Whether this method can say anything with the runs at hand. */
    default boolean applicable(List<RunRecords.FinishedRun> validationRuns) {
        return true;
    }

    /**
     * Scores closer than this are ties, resolved in favour of the earlier candidate (lower trial,
     * earlier step). Without it, a tie between checkpoints with equal mean accuracy would be
     * decided by the rounding of the summation order.
     */
    double TIE = 1e-12;

    static boolean better(double candidate, double incumbent) {
        return candidate > incumbent + TIE;
    }

    static List<ModelSelection> all() {
        return List.of(new TrainingDomainValidation(), new LeaveOneSourceDomainOut(), new TestDomainOracle());
    }

    /**
     * Selection that looks only at each main run's own checkpoints: pick a checkpoint, score it,
     * and keep the best-scoring trial per seed.
     */
    sealed interface PerRun extends ModelSelection permits TrainingDomainValidation, TestDomainOracle {
        RunRecords.Checkpoint select(List<RunRecords.Checkpoint> checkpoints);

        double score(RunRecords.Checkpoint checkpoint);

        @Override
        default Map<Integer, Double> heldOutBySeed(List<RunRecords.FinishedRun> runs, List<RunRecords.FinishedRun> validationRuns) {
            var best = new TreeMap<Integer, RunRecords.Checkpoint>();
            var bestScore = new TreeMap<Integer, Double>();
            for (RunRecords.FinishedRun r : sortedByTrial(runs)) {
                if (!r.ok()) {
                    continue;
                }
                RunRecords.Checkpoint c = select(r.checkpoints());
                if (c == null) {
                    continue;
                }
                int seed = r.spec().spec().seed();
                double s = score(c);
                if (!bestScore.containsKey(seed) || better(s, bestScore.get(seed))) {
                    bestScore.put(seed, s);
                    best.put(seed, c);
                }
            }
            var out = new TreeMap<Integer, Double>();
            best.forEach((seed, c) -> out.put(seed, c.heldOutAccuracy()));
            return out;
        }
    }

    private static List<RunRecords.FinishedRun> sortedByTrial(List<RunRecords.FinishedRun> runs) {
        return runs.stream().sorted(java.util.Comparator.comparingInt(r -> r.spec().spec().hparamTrial())).toList();
    }

    /** The highest-scoring checkpoint, the earliest on ties. */
    private static RunRecords.Checkpoint argmax(List<RunRecords.Checkpoint> checkpoints,
                                                java.util.function.ToDoubleFunction<RunRecords.Checkpoint> score) {
        RunRecords.Checkpoint best = null;
        for (RunRecords.Checkpoint c : checkpoints) {
            if (best == null || better(score.applyAsDouble(c), score.applyAsDouble(best))) {
                best = c;
            }
        }
        return best;
    }

    /** DomainBed's default: mean accuracy over the source domains' validation splits. */
    record TrainingDomainValidation() implements PerRun {
        @Override
        public String name() {
            return "training-domain-validation";
        }

        @Override
        public double score(RunRecords.Checkpoint checkpoint) {
            return checkpoint.sourceValidationAccuracy().values().stream()
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        @Override
        public RunRecords.Checkpoint select(List<RunRecords.Checkpoint> checkpoints) {
            return argmax(checkpoints, this::score);
        }
    }

    /**
     * Test-domain validation, an oracle: the last checkpoint, trials ranked by accuracy on the
     * held-out domain's validation split. It peeks at the held-out domain, so it is reported
     * separately as an upper bound on what model selection could achieve, never as a result.
     */
    record TestDomainOracle() implements PerRun {
        @Override
        public String name() {
            return "test-domain-oracle";
        }

        @Override
        public double score(RunRecords.Checkpoint checkpoint) {
            return checkpoint.heldOutValidationAccuracy();
        }

        @Override
        public RunRecords.Checkpoint select(List<RunRecords.Checkpoint> checkpoints) {
            return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        }
    }

    /**
     * Leave-one-source-domain-out validation (DomainBed's leave-one-domain-out cross-validation):
     * for each source domain s, an extra run trains without the held-out domain and without s and
     * is scored on all of s. A (trial, step) is scored by the mean over s of those accuracies at
     * that step; the reported accuracy is the main run's held-out accuracy at the chosen step.
     * Needs the extra runs of {@code sweep --loso}.
     */
    record LeaveOneSourceDomainOut() implements ModelSelection {
        @Override
        public String name() {
            return "leave-one-source-domain-out";
        }

        @Override
        public boolean applicable(List<RunRecords.FinishedRun> validationRuns) {
            return !validationRuns.isEmpty();
        }

        @Override
        public Map<Integer, Double> heldOutBySeed(List<RunRecords.FinishedRun> main, List<RunRecords.FinishedRun> validationRuns) {
            var bestScore = new TreeMap<Integer, Double>();
            var out = new TreeMap<Integer, Double>();
            for (RunRecords.FinishedRun m : sortedByTrial(main)) {
                if (!m.ok()) {
                    continue;
                }
                RunSpec spec = m.spec().spec();
                var mine = validationRuns.stream().filter(v -> v.spec().spec().seed() == spec.seed()
                        && v.spec().spec().hparamTrial() == spec.hparamTrial()).toList();
                if (mine.isEmpty() || mine.stream().anyMatch(v -> !v.ok())) {
                    continue;
                }
                for (RunRecords.Checkpoint c : m.checkpoints()) {
                    double sum = 0;
                    boolean complete = true;
                    for (RunRecords.FinishedRun v : mine) {
                        var at = v.checkpoints().stream().filter(x -> x.step() == c.step()).findFirst();
                        if (at.isEmpty()) {
                            complete = false;
                            break;
                        }
                        sum += at.get().validationDomainAccuracy();
                    }
                    if (!complete) {
                        continue;
                    }
                    double score = sum / mine.size();
                    if (!bestScore.containsKey(spec.seed()) || better(score, bestScore.get(spec.seed()))) {
                        bestScore.put(spec.seed(), score);
                        out.put(spec.seed(), c.heldOutAccuracy());
                    }
                }
            }
            return out;
        }
    }
}
