package org.mldgbench.baselines;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.mldgbench.core.AlgorithmSpec;
import org.mldgbench.core.ClassificationLoss;
import org.mldgbench.core.DomainBatch;
import org.mldgbench.core.ParametricAlgorithm;
import org.mldgbench.core.StepStats;
import org.mldgbench.core.TrainingSetup;
import org.mldgbench.core.WeightedBatch;
import org.mldgbench.core.hparams.HParamSpace;
import org.mldgbench.core.hparams.TrainingHParams;

/**
 * Source-only training ("ERM", "AGG" in the MLDG paper): minimise the mean over source domains of
 * each domain's mean cross-entropy. The reference every DG method must beat. Needs no autograd:
 * the network's hand-written backward gives the exact gradient.
 */
public final class Erm extends ParametricAlgorithm {

    public static final AlgorithmSpec SPEC = new AlgorithmSpec(
            "erm",
            "Source-only training (ERM / AGG): mean cross-entropy over all source domains",
            new HParamSpace("erm", TrainingHParams.shared()),
            Erm::new);

    public Erm(TrainingSetup setup) {
        super(setup);
    }

    @Override
    public StepStats update(List<DomainBatch> batches) {
        requireOneBatchPerSource(batches);
        try (NDManager step = newStepScope()) {
            var theta = parameters().leaves(step);
            var batch = WeightedBatch.meanOverDomains(step, dataType, network.numClasses(), batches);
            var result = ClassificationLoss.valueAndGradient(network, theta, batch);
            var stats = new StepStats(Map.of("loss", scalar(result.value())));
            if (!stats.diverged()) {
                applyGradient(result.gradient());
            }
            return stats;
        }
    }
}
