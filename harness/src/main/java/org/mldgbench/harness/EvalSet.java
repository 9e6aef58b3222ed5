package org.mldgbench.harness;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mldgbench.core.Algorithm;
import org.mldgbench.datasets.Examples;
import org.mldgbench.datasets.Normalization;

/**
 * The named example sets scored at every checkpoint (source validation splits, the held-out
 * domain, …). When they are small (the usual case) their normalised features are computed once
 * and scored with a few large forward passes; large ones (DomainNet) are streamed in chunks.
 */
final class EvalSet {

    /** At most this many floats are kept normalised in memory (64 MB). */
    static final long CACHE_FLOATS = 16L << 20;
    private static final int CHUNK = 4096;

    private final List<String> names = new ArrayList<>();
    private final List<Examples> sets = new ArrayList<>();
    private final Normalization normalization;
    private final long[] exampleShape;
    private float[] cachedFeatures;
    private int[] cachedLabels;

    EvalSet(Map<String, Examples> sets, Normalization normalization, int[] exampleShape) {
        sets.forEach((name, ex) -> {
            names.add(name);
            this.sets.add(ex);
        });
        this.normalization = normalization;
        this.exampleShape = java.util.Arrays.stream(exampleShape).asLongStream().toArray();
        long rows = this.sets.stream().mapToLong(Examples::size).sum();
        long size = 1;
        for (long s : this.exampleShape) {
            size *= s;
        }
        if (rows * size <= CACHE_FLOATS) {
            cachedFeatures = new float[(int) (rows * size)];
            cachedLabels = new int[(int) rows];
            int row = 0;
            for (Examples ex : this.sets) {
                float[] x = ex.features(0, ex.size());
                System.arraycopy(x, 0, cachedFeatures, (int) (row * size), x.length);
                for (int i = 0; i < ex.size(); i++) {
                    cachedLabels[row + i] = ex.label(i);
                }
                row += ex.size();
            }
            normalization.apply(cachedFeatures);
        }
    }

    /** Accuracy of {@code algorithm} on every set, by name. */
    Map<String, Double> accuracies(Algorithm algorithm, Device device) {
        var out = new LinkedHashMap<String, Double>();
        if (cachedFeatures != null) {
            boolean[] correct = score(algorithm, device, cachedFeatures, cachedLabels);
            int row = 0;
            for (int s = 0; s < sets.size(); s++) {
                int n = sets.get(s).size();
                int hits = 0;
                for (int i = 0; i < n; i++) {
                    hits += correct[row + i] ? 1 : 0;
                }
                out.put(names.get(s), (double) hits / n);
                row += n;
            }
            return out;
        }
        for (int s = 0; s < sets.size(); s++) {
            Examples ex = sets.get(s);
            int hits = 0;
            for (int start = 0; start < ex.size(); start += CHUNK) {
                int n = Math.min(CHUNK, ex.size() - start);
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = ex.label(start + i);
                }
                for (boolean c : score(algorithm, device, normalization.apply(ex.features(start, n)), labels)) {
                    hits += c ? 1 : 0;
                }
            }
            out.put(names.get(s), (double) hits / ex.size());
        }
        return out;
    }

    /** Whether the arg-max logit is the label, for each row of {@code features}, in chunks. */
    private boolean[] score(Algorithm algorithm, Device device, float[] features, int[] labels) {
        int rows = labels.length;
        int size = features.length / Math.max(1, rows);
        boolean[] correct = new boolean[rows];
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            long[] shape = new long[exampleShape.length + 1];
            shape[0] = n;
            System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
            float[] x = start == 0 && n == rows ? features : java.util.Arrays.copyOfRange(features, start * size, (start + n) * size);
            try (NDManager m = NDManager.newBaseManager(device)) {
                NDArray logits = algorithm.predict(m.create(x, new Shape(shape)));
                long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                for (int i = 0; i < n; i++) {
                    correct[start + i] = predicted[i] == labels[start + i];
                }
            }
        }
        return correct;
    }
}
