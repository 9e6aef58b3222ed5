package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three selection methods on hand-made records whose right answer is known. */
class ModelSelectionTest {

    private static RunRecords.Checkpoint checkpoint(int step, double sourceVal, double heldOut, double heldOutVal,
                                                    double validationDomain) {
        return new RunRecords.Checkpoint(step, Map.of("loss", 1.0), Map.of("a", sourceVal, "b", sourceVal),
                heldOut, heldOutVal, validationDomain, Map.of(), 0.0);
    }

    private static RunRecords.FinishedRun run(int trial, int seed, String validationDomain, RunRecords.Checkpoint... cs) {
        var spec = new RunSpec("ds", "sum", List.of("a", "b", "c", "t"), "t", validationDomain, "erm", trial, Map.of(),
                seed, 2, 1, 1, "net", "UNIFORM", "FLOAT32");
        return new RunRecords.FinishedRun(new RunRecords.SpecFile(spec.id(), spec, null), List.of(cs),
                new RunRecords.Done(RunRecords.Done.OK, 2, 1.0, ""));
    }

    /** Two trials, two steps each, one seed. */
    private static final List<RunRecords.FinishedRun> MAIN = List.of(
            run(1, 0, "", checkpoint(1, 0.70, 0.50, 0.90, Double.NaN), checkpoint(2, 0.80, 0.55, 0.60, Double.NaN)),
            run(2, 0, "", checkpoint(1, 0.75, 0.65, 0.70, Double.NaN), checkpoint(2, 0.60, 0.40, 0.95, Double.NaN)));

    @Test
    void trainingDomainValidationPicksTheBestSourceValidationCheckpointAcrossTrials() {
        // Trial 1 step 2 has the highest source validation (0.80): held-out 0.55.
        assertEquals(Map.of(0, 0.55), new ModelSelection.TrainingDomainValidation().heldOutBySeed(MAIN, List.of()));
    }

    @Test
    void oracleRanksTrialsByTheLastCheckpointsHeldOutValidationAccuracy() {
        // Last checkpoints: trial 1 (0.60) vs trial 2 (0.95): trial 2's held-out 0.40.
        assertEquals(Map.of(0, 0.40), new ModelSelection.TestDomainOracle().heldOutBySeed(MAIN, List.of()));
    }

    @Test
    void leaveOneSourceOutAveragesTheLeftOutDomainsPerStep() {
        var validation = List.of(
                run(1, 0, "a", checkpoint(1, 0, 0, 0, 0.20), checkpoint(2, 0, 0, 0, 0.30)),
                run(1, 0, "b", checkpoint(1, 0, 0, 0, 0.40), checkpoint(2, 0, 0, 0, 0.30)),
                run(2, 0, "a", checkpoint(1, 0, 0, 0, 0.10), checkpoint(2, 0, 0, 0, 0.90)),
                run(2, 0, "b", checkpoint(1, 0, 0, 0, 0.20), checkpoint(2, 0, 0, 0, 0.50)));
        // Means: trial 1 → 0.30, 0.30; trial 2 → 0.15, 0.70. Best: trial 2, step 2 → main held-out 0.40.
        var loso = new ModelSelection.LeaveOneSourceDomainOut();
        assertEquals(Map.of(0, 0.40), loso.heldOutBySeed(MAIN, validation));
        assertEquals(false, loso.applicable(List.of()));
    }
}
