package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/** Fully connected layer {@code y = x Wᵀ + b}, with {@code W} of shape (out, in) as in PyTorch. */
public record Linear(int in, int out) implements Layer {

    public Linear {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear sizes must be positive: in=" + in + ", out=" + out);
        }
    }

    @Override
    public List<ParamSpec> parameters(String prefix, long[] inputShape) {
        outputShape(inputShape);
        return List.of(
                new ParamSpec(prefix + ".weight", new long[] {out, in}, in),
                new ParamSpec(prefix + ".bias", new long[] {out}, in));
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] != in) {
            throw new IllegalArgumentException(
                    "Linear(" + in + "→" + out + ") needs inputs of shape [" + in + "], got "
                            + java.util.Arrays.toString(inputShape));
        }
        return new long[] {out};
    }

    @Override
    public NDArray forward(ParamSet params, String prefix, NDArray x) {
        return x.matMul(params.get(prefix + ".weight").transpose()).add(params.get(prefix + ".bias"));
    }

    @Override
    public Gradient backward(
            ParamSet params, String prefix, NDArray x, NDArray dy, boolean needInputGradient) {
        NDArray w = params.get(prefix + ".weight");
        NDArray dw = dy.transpose().matMul(x);
        NDArray db = dy.sum(new int[] {0});
        NDArray dx = needInputGradient ? dy.matMul(w) : null;
        return new Gradient(dx, Map.of(prefix + ".weight", dw, prefix + ".bias", db));
    }
}
