package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;

/**
 * Rectified linear unit. Its backward multiplies by the mask {@code x > 0}, a constant: the
 * second derivative of ReLU is zero almost everywhere, so treating the mask as constant is exact.
 */
public record Relu() implements Layer {

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return Activation.relu(x);
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        if (!needInputGradient) {
            return new Gradient(null, Map.of());
        }
        NDArray mask = x.gt(0).toType(dy.getDataType(), false);
        return new Gradient(dy.mul(mask), Map.of());
    }
}
