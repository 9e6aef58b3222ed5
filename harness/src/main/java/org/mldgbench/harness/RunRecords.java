package org.mldgbench.harness;

import java.util.List;
import java.util.Map;

/** The JSON shapes written to and read from a run directory. */
final class RunRecords {

    private RunRecords() {}

    /** {@code spec.json}: what was run, and where and with what it was run. */
    record SpecFile(String runId, RunSpec spec, Provenance provenance) {}

    /**
     * One line of {@code records.jsonl}: an evaluation at {@code step}. Losses are means over the
     * steps since the previous checkpoint; accuracies are fractions in [0, 1]. The held-out domain
     * is scored on all of its examples; its validation split's score is kept for oracle selection.
     * {@code validationDomainAccuracy} is the accuracy on the extra held-out source domain of a
     * leave-one-source-domain-out run (NaN otherwise); {@code diagnostics} holds the algorithm's
     * own measurements at this step (e.g. mldg-so's first- vs second-order gradient comparison).
     */
    record Checkpoint(
            int step,
            Map<String, Double> losses,
            Map<String, Double> sourceValidationAccuracy,
            double heldOutAccuracy,
            double heldOutValidationAccuracy,
            double validationDomainAccuracy,
            Map<String, Double> diagnostics,
            double elapsedSeconds) {}

    /** {@code done}: written last and atomically; a directory without it is redone. */
    record Done(String status, int stepsCompleted, double wallSeconds, String message) {
        static final String OK = "ok";
        static final String DIVERGED = "diverged";
    }

    /** A finished run as read back by {@code collect}. */
    record FinishedRun(SpecFile spec, List<Checkpoint> checkpoints, Done done) {
        boolean ok() {
            return done.status().equals(Done.OK);
        }
    }
}
