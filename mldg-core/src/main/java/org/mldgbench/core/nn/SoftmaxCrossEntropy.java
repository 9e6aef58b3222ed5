package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Weighted softmax cross-entropy {@code L = −Σᵢ wᵢ log softmax(zᵢ)[yᵢ]} and its gradient
 * {@code ∂L/∂zᵢ = wᵢ (softmax(zᵢ) − onehot(yᵢ))}, both as differentiable tensor expressions.
 * Per-example weights let one batch express "mean over domains of each domain's mean loss" and
 * the β-weighted losses of MLDG.
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {}

    /** Scalar loss; {@code oneHot} is (n, classes), {@code weights} is (n, 1). */
    public static NDArray loss(NDArray logits, NDArray oneHot, NDArray weights) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}, true).mul(weights).sum().neg();
    }

    /** Gradient of {@link #loss} with respect to {@code logits}. */
    public static NDArray gradient(NDArray logits, NDArray oneHot, NDArray weights) {
        return logits.softmax(1).sub(oneHot).mul(weights);
    }
}
