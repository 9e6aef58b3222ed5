package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * A network layer as a value. A layer owns no tensors: its parameters are looked up by name in a
 * {@link ParamSet}, so a network is a pure function {@code forward(θ, x)} and {@code θ' = θ − α∇F}
 * is just another {@code ParamSet}.
 *
 * <p>Each layer writes its backward pass as ordinary NDArray expressions. Those expressions are
 * themselves differentiable, which is what makes exact second-order MLDG a single ordinary
 * backward pass (DESIGN.md, "Engine notes": autograd with {@code createGraph} leaks in a loop).
 * The set of layers is closed so that every later consumer of the layer list — the exact inner
 * gradient today, ONNX export next — handles all of them.
 */
public sealed interface Layer permits Linear, Relu, Conv2d, AvgPool2x2, GlobalAvgPool, Flatten {

    /**
     * Parameters this layer needs for a per-example input of shape {@code inputShape}, with names
     * prefixed by {@code prefix + "."}. Rejects inputs the layer cannot take. By default a layer
     * has no parameters.
     */
    default List<ParamSpec> parameters(String prefix, long[] inputShape) {
        outputShape(inputShape);
        return List.of();
    }

    /** Per-example output shape for a per-example input shape; rejects inputs it cannot take. */
    long[] outputShape(long[] inputShape);

    /** Applies the layer to a batch {@code x} (batch axis first). */
    NDArray forward(ParamSet params, String prefix, NDArray x);

    /**
     * Back-propagates {@code dy}, the gradient of a scalar loss with respect to this layer's
     * output, given the input {@code x} it was applied to.
     *
     * @param needInputGradient false for the first layer, whose input gradient nobody reads
     */
    Gradient backward(ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient);

    /** Gradients produced by one layer's backward: the input gradient (or null) and parameters'. */
    record Gradient(NDArray input, Map<String, NDArray> parameters) {}
}
