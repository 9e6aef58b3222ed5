package org.mldgbench.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;

/** Small seeded inputs and numeric helpers shared by the core tests. */
final class Fixtures {

    private Fixtures() {}

    /** A 2-hidden-layer MLP, small enough for finite differences over every parameter. */
    static Network smallMlp() {
        return Network.mlp(5, new int[] {7, 6}, 3);
    }

    /** A CNN with every layer kind: conv, ReLU, 2×2 pooling, global pooling, linear. */
    static Network smallCnn() {
        return Network.cnn(1, 8, 8, new int[] {3, 4}, 3);
    }

    /** {@code domains} random batches of {@code n} examples shaped for {@code network}. */
    static List<DomainBatch> batches(Network network, int domains, int n, long seed) {
        var rng = new SplittableRandom(seed);
        long[] shape = network.inputShape();
        int size = 1;
        for (long s : shape) {
            size *= (int) s;
        }
        var out = new ArrayList<DomainBatch>();
        for (int d = 0; d < domains; d++) {
            float[] x = new float[n * size];
            int[] y = new int[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rng.nextDouble() * 2 - 1 + 0.3 * d);
            }
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(network.numClasses());
            }
            out.add(new DomainBatch(x, y, shape));
        }
        return out;
    }

    static NDArray random(NDManager m, Shape shape, long seed) {
        var rng = new SplittableRandom(seed);
        double[] v = new double[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble() * 2 - 1;
        }
        return m.create(v, shape);
    }

    /** ‖a − b‖ / ‖b‖ (or ‖a‖ when b is zero). */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-300);
    }

    static HParams mldgHParams(double alpha, double beta) {
        Map<String, Object> v = new LinkedHashMap<>(Mldg.SECOND_ORDER.hparams().defaults().values());
        v.put(Mldg.ALPHA, alpha);
        v.put(Mldg.BETA, beta);
        return Mldg.SECOND_ORDER.hparams().validate(new HParams(v));
    }

    static TrainingSetup setup(Network network, int sources, HParams h, long seed, DataType type) {
        return new TrainingSetup(network, sources, h, seed, seed + 1, Device.cpu(), type);
    }

    /** A parameter set whose flattened entries are {@code flat}, shaped like {@code like}. */
    static ParamSet unflatten(ParamSet like, double[] flat, NDManager m) {
        var out = new LinkedHashMap<String, NDArray>();
        int offset = 0;
        for (String name : like.names()) {
            Shape shape = like.get(name).getShape();
            double[] part = new double[(int) shape.size()];
            System.arraycopy(flat, offset, part, 0, part.length);
            offset += part.length;
            out.put(name, m.create(part, shape));
        }
        return new ParamSet(out);
    }

    static ParamSet initialParams(Network network, long seed, NDManager m) {
        return ParamSet.initialize(network, seed, DataType.FLOAT64, m);
    }
}
