package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Reshapes each example to a vector. */
public record Flatten() implements Layer {

    @Override
    public long[] outputShape(long[] inputShape) {
        long n = 1;
        for (long s : inputShape) {
            n *= s;
        }
        return new long[] {n};
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return x.reshape(x.getShape().get(0), -1);
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        return new Gradient(needInputGradient ? dy.reshape(x.getShape()) : null, Map.of());
    }
}
