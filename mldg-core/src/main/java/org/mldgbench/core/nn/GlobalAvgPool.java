package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Averages each channel over height and width: (C, H, W) → (C). */
public record GlobalAvgPool() implements Layer {

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(
                    "GlobalAvgPool needs (channels, height, width) inputs, got "
                            + java.util.Arrays.toString(inputShape));
        }
        return new long[] {inputShape[0]};
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return x.mean(new int[] {3}).mean(new int[] {2});
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        if (!needInputGradient) {
            return new Gradient(null, Map.of());
        }
        var s = x.getShape();
        long h = s.get(2);
        long w = s.get(3);
        NDArray dx = dy.reshape(s.get(0), s.get(1), 1, 1).repeat(2, h).repeat(3, w).mul(Scalars.of(dy, 1.0 / (h * w)));
        return new Gradient(dx, Map.of());
    }
}
