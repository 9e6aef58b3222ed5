package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;
import org.mldgbench.core.nn.Scalars;

/**
 * The only class that touches {@code ai.djl.pytorch} internals: an independent computation of the
 * exact MLDG gradient by PyTorch autograd with {@code create_graph=True}. Fine for one step in a
 * test; unusable in a training loop (it leaks, DESIGN.md), which is why training uses the
 * hand-written differentiable backward instead.
 */
final class TorchAutograd {

    private TorchAutograd() {}

    /**
     * ∇L for L = F(θ) + β G(θ − α ∇F(θ)), where ∇F itself comes from autograd.
     *
     * <p>The first backward (create_graph) leaves ∇F on each leaf's {@code .grad} as a
     * differentiable tensor; the second backward, of β·G(θ − α∇F), accumulates into the same
     * {@code .grad}, which therefore ends up holding ∇F + β∇_θ G(θ − α∇F) = ∇L.
     */
    static double[] mldgGradientWithCreateGraph(
            Network network, ParamSet theta0, WeightedBatch metaTrain, WeightedBatch metaTest,
            double alpha, double beta, NDManager scope) {
        ParamSet theta = theta0.leaves(scope);
        try (GradientCollector collector = Devices.engine().newGradientCollector()) {
            NDArray f = ClassificationLoss.value(network, theta, metaTrain);
            NDArray ones = scope.ones(f.getShape(), f.getDataType());
            JniUtils.backward((PtNDArray) f, (PtNDArray) ones, true, true);
            ParamSet gradF = theta.gradients(scope);
            ParamSet adapted = theta.zip(gradF, (p, g) -> p.sub(g.mul(Scalars.of(g, alpha))));
            NDArray g = ClassificationLoss.value(network, adapted, metaTest);
            g = g.mul(Scalars.of(g, beta));
            collector.backward(g);
        }
        return theta.gradients(scope).flatten();
    }
}
