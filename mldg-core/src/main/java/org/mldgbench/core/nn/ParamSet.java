package org.mldgbench.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Network parameters held outside the network: an ordered map from parameter name to tensor.
 * Because a network is a pure function of a {@code ParamSet}, the virtual inner step
 * {@code θ' = θ − α∇F(θ)} is simply {@code theta.zip(gradF, (p, g) -> p.sub(g.mul(a)))} with {@code a} a {@link Scalars scalar tensor}.
 */
public final class ParamSet {

    private final Map<String, NDArray> tensors;

    public ParamSet(Map<String, NDArray> tensors) {
        this.tensors = new LinkedHashMap<>(tensors);
    }

    /**
     * Initial parameters for {@code network}, drawn in Java from {@code seed} (not from the engine's
     * random generator) so that every algorithm, device and engine build starts from the same
     * values: weights and biases uniform in ±1/√fan_in, PyTorch's default for Linear and Conv2d.
     */
    public static ParamSet initialize(Network network, long seed, DataType dataType, NDManager manager) {
        var rng = new SplittableRandom(seed);
        var result = new LinkedHashMap<String, NDArray>();
        for (ParamSpec spec : network.parameterSpecs()) {
            double bound = 1.0 / Math.sqrt(spec.fanIn());
            double[] values = new double[Math.toIntExact(spec.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = bound * (2 * rng.nextDouble() - 1);
            }
            result.put(spec.name(), fromDoubles(manager, values, new Shape(spec.shape()), dataType));
        }
        return new ParamSet(result);
    }

    /** Creates a tensor of {@code dataType} from doubles (rounded in Java for FLOAT32). */
    public static NDArray fromDoubles(NDManager manager, double[] values, Shape shape, DataType dataType) {
        return switch (dataType) {
            case FLOAT64 -> manager.create(values, shape);
            case FLOAT32 -> {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                yield manager.create(f, shape);
            }
            default -> throw new IllegalArgumentException(
                    "parameters must be FLOAT32 or FLOAT64, got " + dataType);
        };
    }

    /** The tensor named {@code name}. */
    public NDArray get(String name) {
        NDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters: " + tensors.keySet());
        }
        return t;
    }

    /** Parameter names in network order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** Applies {@code f} to every tensor. */
    public ParamSet map(UnaryOperator<NDArray> f) {
        var out = new LinkedHashMap<String, NDArray>();
        tensors.forEach((name, t) -> out.put(name, f.apply(t)));
        return new ParamSet(out);
    }

    /** Combines two parameter sets with the same names entry by entry. */
    public ParamSet zip(ParamSet other, BinaryOperator<NDArray> f) {
        var out = new LinkedHashMap<String, NDArray>();
        tensors.forEach((name, t) -> out.put(name, f.apply(t, other.get(name))));
        return new ParamSet(out);
    }

    /**
     * Fresh autograd leaves for one training step: detached views of these tensors, attached to
     * the step's manager (so every intermediate of the step dies with it) and requiring gradient.
     */
    public ParamSet leaves(NDManager step) {
        return views(step).map(leaf -> {
            leaf.setRequiresGradient(true);
            return leaf;
        });
    }

    /**
     * Detached views of these tensors (sharing their storage, no copy) attached to {@code scope}:
     * operations on them put their results in {@code scope}, never in the parameters' long-lived
     * manager, and closing the scope releases only the views.
     */
    public ParamSet views(NDManager scope) {
        return map(t -> {
            NDArray view = t.stopGradient();
            view.attach(scope);
            return view;
        });
    }

    /** The gradients accumulated on leaves made by {@link #leaves}, attached to {@code step}. */
    public ParamSet gradients(NDManager step) {
        return map(t -> {
            NDArray g = t.getGradient();
            g.attach(step);
            return g;
        });
    }

    /** All entries concatenated in name order as doubles (for checks, hashes and export). */
    public double[] flatten() {
        double[] out = new double[Math.toIntExact(count())];
        int[] offset = {0};
        copyOut(DataType.FLOAT64, (name, t) -> {
            double[] part = t.toDoubleArray();
            System.arraycopy(part, 0, out, offset[0], part.length);
            offset[0] += part.length;
        });
        return out;
    }

    /** Every entry as float32 values in name order, with its shape (for saving). */
    public Map<String, Map.Entry<long[], float[]>> toFloatArrays() {
        var out = new LinkedHashMap<String, Map.Entry<long[], float[]>>();
        copyOut(DataType.FLOAT32, (name, t) -> out.put(name, Map.entry(t.getShape().getShape(), t.toFloatArray())));
        return out;
    }

    /**
     * Hands each tensor, converted to {@code type}, to {@code sink} inside a scope of its own, so
     * that reading parameters never leaves conversions behind in the parameters' long-lived
     * manager.
     */
    private void copyOut(DataType type, java.util.function.BiConsumer<String, NDArray> sink) {
        for (var e : tensors.entrySet()) {
            NDArray t = e.getValue();
            try (NDManager scope = t.getManager().newSubManager()) {
                NDArray view = t.stopGradient();
                view.attach(scope);
                sink.accept(e.getKey(), view.toType(type, false));
            }
        }
    }

    /** Number of scalar parameters. */
    public long count() {
        long total = 0;
        for (NDArray t : tensors.values()) {
            total += t.size();
        }
        return total;
    }
}
