package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;
import org.mldgbench.core.nn.SoftmaxCrossEntropy;

/** Weighted cross-entropy of a network on a batch, with its hand-written differentiable gradient. */
public final class ClassificationLoss {

    /** A scalar loss and its gradient with respect to every parameter. */
    public record ValueAndGradient(NDArray value, ParamSet gradient) {}

    private ClassificationLoss() {}

    public static NDArray value(Network network, ParamSet theta, WeightedBatch batch) {
        NDArray logits = network.forward(theta, batch.features());
        return SoftmaxCrossEntropy.loss(logits, batch.oneHot(), batch.weights());
    }

    /**
     * Loss and gradient from one forward pass. The gradient is made of ordinary tensor operations
     * and can itself be differentiated.
     */
    public static ValueAndGradient valueAndGradient(Network network, ParamSet theta, WeightedBatch batch) {
        Network.Trace trace = network.trace(theta, batch.features());
        NDArray logits = trace.output();
        NDArray loss = SoftmaxCrossEntropy.loss(logits, batch.oneHot(), batch.weights());
        NDArray dLogits = SoftmaxCrossEntropy.gradient(logits, batch.oneHot(), batch.weights());
        return new ValueAndGradient(loss, network.backward(theta, trace, dLogits));
    }
}
