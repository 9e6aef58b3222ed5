package org.mldgbench.harness;

import java.util.List;

/**
 * How a checkpoint (and a hyper-parameter trial) is chosen without looking at the held-out
 * domain's labels. Kept separate from training, as in DomainBed; leave-one-source-domain-out and
 * the test-domain oracle join this closed set with the full harness.
 */
sealed interface ModelSelection permits ModelSelection.TrainingDomainValidation {

    /** Name used in file names and tables. */
    String name();

    /** The validation score this method maximises for a checkpoint. */
    double score(RunRecords.Checkpoint checkpoint);

    /** The checkpoint with the highest score (the earliest one on ties), or null when there is none. */
    default RunRecords.Checkpoint select(List<RunRecords.Checkpoint> checkpoints) {
        RunRecords.Checkpoint best = null;
        for (RunRecords.Checkpoint c : checkpoints) {
            if (best == null || score(c) > score(best)) {
                best = c;
            }
        }
        return best;
    }

    /** DomainBed's default: mean accuracy over the source domains' validation splits. */
    record TrainingDomainValidation() implements ModelSelection {
        @Override
        public String name() {
            return "training-domain-validation";
        }

        @Override
        public double score(RunRecords.Checkpoint checkpoint) {
            return checkpoint.sourceValidationAccuracy().values().stream()
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }
}
