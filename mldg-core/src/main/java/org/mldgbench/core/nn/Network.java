package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed-forward network as an ordered list of named layers: a pure function
 * {@code forward(θ, x)} plus its hand-written, differentiable backward. Export and the exact
 * inner gradient walk this same list, so they cannot drift apart.
 */
public final class Network {

    /** A layer and the name that prefixes its parameters. */
    public record NamedLayer(String name, Layer layer) {}

    /** Inputs of every layer (in order) and the final output of one forward pass. */
    public record Trace(List<NDArray> layerInputs, NDArray output) {}

    private final long[] inputShape;
    private final List<NamedLayer> layers;
    private final List<ParamSpec> parameterSpecs;
    private final int numClasses;

    public Network(long[] inputShape, List<NamedLayer> layers) {
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        var specs = new ArrayList<ParamSpec>();
        long[] shape = inputShape.clone();
        for (NamedLayer l : layers) {
            specs.addAll(l.layer().parameters(l.name(), shape));
            shape = l.layer().outputShape(shape);
        }
        if (shape.length != 1) {
            throw new IllegalArgumentException(
                    "a classifier must end in a vector of logits, got per-example shape " + Arrays.toString(shape));
        }
        this.parameterSpecs = List.copyOf(specs);
        this.numClasses = Math.toIntExact(shape[0]);
    }

    /**
     * A ReLU multi-layer perceptron {@code inputDim → hidden[0] → … → numClasses}. With no hidden
     * layers it is multinomial logistic regression.
     */
    public static Network mlp(int inputDim, int[] hidden, int numClasses) {
        var layers = new ArrayList<NamedLayer>();
        int in = inputDim;
        for (int i = 0; i < hidden.length; i++) {
            layers.add(new NamedLayer("fc" + i, new Linear(in, hidden[i])));
            layers.add(new NamedLayer("relu" + i, new Relu()));
            in = hidden[i];
        }
        layers.add(new NamedLayer("classifier", new Linear(in, numClasses)));
        return new Network(new long[] {inputDim}, layers);
    }

    /**
     * A small CNN without batch normalisation (its running statistics do not fit the functional
     * θ' step): for each width a 3×3 convolution (padding 1) and ReLU, followed by 2×2 average
     * pooling between stages, then global average pooling and a linear classifier. For 28×28
     * single-channel images and widths {16, 32, 64}: 28 → 14 → 7.
     */
    public static Network cnn(int channels, int height, int width, int[] widths, int numClasses) {
        var layers = new ArrayList<NamedLayer>();
        int in = channels;
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                layers.add(new NamedLayer("pool" + (i - 1), new AvgPool2x2()));
            }
            layers.add(new NamedLayer("conv" + i, new Conv2d(in, widths[i], 3, 1)));
            layers.add(new NamedLayer("relu" + i, new Relu()));
            in = widths[i];
        }
        layers.add(new NamedLayer("gap", new GlobalAvgPool()));
        layers.add(new NamedLayer("classifier", new Linear(in, numClasses)));
        return new Network(new long[] {channels, height, width}, layers);
    }

    public long[] inputShape() {
        return inputShape.clone();
    }

    public List<NamedLayer> layers() {
        return layers;
    }

    public List<ParamSpec> parameterSpecs() {
        return parameterSpecs;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Logits for the batch {@code x}. */
    public NDArray forward(ParamSet theta, NDArray x) {
        NDArray h = x;
        for (NamedLayer l : layers) {
            h = l.layer().forward(theta, l.name(), h);
        }
        return h;
    }

    /** A forward pass that keeps every layer's input for {@link #backward}. */
    public Trace trace(ParamSet theta, NDArray x) {
        var inputs = new ArrayList<NDArray>(layers.size());
        NDArray h = x;
        for (NamedLayer l : layers) {
            inputs.add(h);
            h = l.layer().forward(theta, l.name(), h);
        }
        return new Trace(inputs, h);
    }

    /**
     * Gradient of a scalar loss with respect to every parameter, given the loss's gradient
     * {@code dOutput} with respect to the traced output. Built from ordinary tensor operations,
     * so the result can itself be differentiated (exact second-order MLDG).
     */
    public ParamSet backward(ParamSet theta, Trace trace, NDArray dOutput) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        NDArray dy = dOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            NamedLayer l = layers.get(i);
            Layer.Gradient g = l.layer().backward(theta, l.name(), trace.layerInputs().get(i), dy, i > 0);
            grads.putAll(g.parameters());
            dy = g.input();
        }
        var ordered = new LinkedHashMap<String, NDArray>();
        for (ParamSpec spec : parameterSpecs) {
            ordered.put(spec.name(), grads.get(spec.name()));
        }
        return new ParamSet(ordered);
    }

    /** One line per layer, for logs and run records. */
    public String describe() {
        var sb = new StringBuilder("input ").append(Arrays.toString(inputShape));
        for (NamedLayer l : layers) {
            sb.append(" → ").append(l.name()).append(':').append(l.layer());
        }
        return sb.toString();
    }
}
