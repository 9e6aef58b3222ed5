package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.Map;

/**
 * 2×2 average pooling with stride 2, the CNN's down-sampling (DJL's PyTorch engine has no
 * transposed convolution, so strided convolutions would have no expressible backward). Height
 * and width must be even so that the backward — the upstream gradient repeated 2× along H and W,
 * divided by 4 — covers every input position.
 */
public record AvgPool2x2() implements Layer {

    private static final Shape WINDOW = new Shape(2, 2);
    private static final Shape NO_PADDING = new Shape(0, 0);

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 3 || inputShape[1] % 2 != 0 || inputShape[2] % 2 != 0) {
            throw new IllegalArgumentException(
                    "AvgPool2x2 needs (channels, height, width) inputs with even height and width, got "
                            + java.util.Arrays.toString(inputShape));
        }
        return new long[] {inputShape[0], inputShape[1] / 2, inputShape[2] / 2};
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return Pool.avgPool2d(x, WINDOW, WINDOW, NO_PADDING, false, true);
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        if (!needInputGradient) {
            return new Gradient(null, Map.of());
        }
        return new Gradient(dy.repeat(2, 2).repeat(3, 2).mul(Scalars.of(dy, 0.25)), Map.of());
    }
}
