package org.mldgbench.datasets;

import java.util.Arrays;

/**
 * A block of labelled examples stored row-major: example {@code i} occupies
 * {@code features[i * exampleSize() .. (i + 1) * exampleSize())}. Images are stored the same way
 * with {@code exampleShape = {channels, height, width}}.
 *
 * <p>Flat primitive arrays rather than per-example objects keep a 100k-example domain a few
 * contiguous arrays, and make checksums and batch gathers cheap.
 */
public record Examples(float[] features, int[] labels, int[] exampleShape) {

    public Examples {
        int size = Math.toIntExact(product(exampleShape));
        if (size <= 0) {
            throw new IllegalArgumentException(
                    "exampleShape must be positive, got " + Arrays.toString(exampleShape));
        }
        if (features.length != (long) labels.length * size) {
            throw new IllegalArgumentException(
                    "features has " + features.length + " values but " + labels.length
                            + " labels × example size " + size + " = "
                            + (long) labels.length * size + " were expected");
        }
        exampleShape = exampleShape.clone();
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Number of floats per example. */
    public int exampleSize() {
        return Math.toIntExact(product(exampleShape));
    }

    /** Copies the examples at {@code indices}, in that order, into a new block. */
    public Examples select(int[] indices) {
        int d = exampleSize();
        float[] x = new float[indices.length * d];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * d, x, i * d, d);
            y[i] = labels[indices[i]];
        }
        return new Examples(x, y, exampleShape);
    }

    /** Number of examples of each class {@code 0 .. numClasses-1}. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    static long product(int[] shape) {
        long p = 1;
        for (int s : shape) {
            p *= s;
        }
        return p;
    }
}
