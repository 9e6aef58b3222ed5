package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;

/**
 * Stride-1 2-D convolution with a square kernel and symmetric zero padding. Its backward is two
 * more stride-1 convolutions (DESIGN.md, verified against autograd): the input gradient
 * convolves {@code dy} with the spatially flipped, in/out-swapped kernel at padding
 * {@code k − 1 − p}; the weight gradient convolves the batch-transposed input with the
 * batch-transposed {@code dy} at padding {@code p}.
 */
public record Conv2d(int inChannels, int outChannels, int kernel, int padding) implements Layer {

    private static final Shape STRIDE = new Shape(1, 1);
    private static final Shape DILATION = new Shape(1, 1);

    public Conv2d {
        if (inChannels <= 0 || outChannels <= 0 || kernel <= 0 || padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException(
                    "Conv2d needs positive channels and kernel and 0 ≤ padding < kernel, got in="
                            + inChannels + " out=" + outChannels + " kernel=" + kernel + " padding=" + padding);
        }
    }

    @Override
    public List<ParamSpec> parameters(String prefix, long[] inputShape) {
        outputShape(inputShape);
        long fanIn = (long) inChannels * kernel * kernel;
        return List.of(
                new ParamSpec(prefix + ".weight", new long[] {outChannels, inChannels, kernel, kernel}, fanIn),
                new ParamSpec(prefix + ".bias", new long[] {outChannels}, fanIn));
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 3 || inputShape[0] != inChannels) {
            throw new IllegalArgumentException(
                    "Conv2d needs (" + inChannels + ", height, width) inputs, got "
                            + java.util.Arrays.toString(inputShape));
        }
        long h = inputShape[1] + 2L * padding - kernel + 1;
        long w = inputShape[2] + 2L * padding - kernel + 1;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException(
                    "Conv2d kernel " + kernel + " is larger than its padded input "
                            + java.util.Arrays.toString(inputShape));
        }
        return new long[] {outChannels, h, w};
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return convolve(x, params.get(prefix + ".weight"), params.get(prefix + ".bias"), padding);
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        NDArray w = params.get(prefix + ".weight");
        NDArray dw = convolve(x.transpose(1, 0, 2, 3), dy.transpose(1, 0, 2, 3), null, padding)
                .transpose(1, 0, 2, 3);
        NDArray db = dy.sum(new int[] {0, 2, 3});
        NDArray dx = needInputGradient
                ? convolve(dy, w.flip(2, 3).transpose(1, 0, 2, 3), null, kernel - 1 - padding)
                : null;
        return new Gradient(dx, Map.of(prefix + ".weight", dw, prefix + ".bias", db));
    }

    private static NDArray convolve(NDArray x, NDArray w, NDArray b, int pad) {
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, STRIDE, new Shape(pad, pad), DILATION)
                .singletonOrThrow();
    }
}
