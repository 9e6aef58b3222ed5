package org.mldgbench.datasets;

import java.util.Arrays;

/**
 * A block of labelled examples. Example {@code i} has an integer label and
 * {@code exampleSize()} float features laid out row-major in {@code exampleShape()} (e.g.
 * {@code {16}} for a feature vector, {@code {3, 64, 64}} for an RGB image).
 *
 * <p>Features are copied out on demand rather than exposed as one array, so that a domain can live
 * in a float array ({@link #of}), in bytes ({@link ByteExamples}: 4× smaller, for images), or in a
 * memory-mapped cache file too large for the heap (DomainNet), and splits are cheap index views.
 */
public interface Examples {

    int size();

    /** Shape of one example (a fresh copy). */
    int[] exampleShape();

    int label(int i);

    /** Writes example {@code i}'s features into {@code dst[offset .. offset + exampleSize())}. */
    void copyFeatures(int i, float[] dst, int offset);

    /** In-memory examples from a row-major float array. */
    static Examples of(float[] features, int[] labels, int[] exampleShape) {
        return new FloatExamples(features, labels, exampleShape);
    }

    /** Number of floats per example. */
    default int exampleSize() {
        return Math.toIntExact(product(exampleShape()));
    }

    /** All labels, in order. */
    default int[] labels() {
        int[] y = new int[size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = label(i);
        }
        return y;
    }

    /** Features of the examples at {@code indices}, row-major. */
    default float[] features(int[] indices) {
        int d = exampleSize();
        float[] x = new float[indices.length * d];
        for (int k = 0; k < indices.length; k++) {
            copyFeatures(indices[k], x, k * d);
        }
        return x;
    }

    /** Features of examples {@code from .. from + count - 1}, row-major. */
    default float[] features(int from, int count) {
        int d = exampleSize();
        float[] x = new float[count * d];
        for (int k = 0; k < count; k++) {
            copyFeatures(from + k, x, k * d);
        }
        return x;
    }

    /** A view of the examples at {@code indices}, in that order (no copy). */
    default Examples select(int[] indices) {
        return new SubsetExamples(this, indices);
    }

    /** Number of examples of each class {@code 0 .. numClasses-1}. */
    default int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
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

    /** Examples held as one float array. */
    record FloatExamples(float[] data, int[] labelArray, int[] shape) implements Examples {

        public FloatExamples {
            long size = product(shape);
            if (size <= 0) {
                throw new IllegalArgumentException("exampleShape must be positive, got " + Arrays.toString(shape));
            }
            if (data.length != (long) labelArray.length * size) {
                throw new IllegalArgumentException(
                        "features has " + data.length + " values but " + labelArray.length
                                + " labels × example size " + size + " = " + (long) labelArray.length * size
                                + " were expected");
            }
            shape = shape.clone();
        }

        @Override
        public int size() {
            return labelArray.length;
        }

        @Override
        public int[] exampleShape() {
            return shape.clone();
        }

        @Override
        public int label(int i) {
            return labelArray[i];
        }

        @Override
        public void copyFeatures(int i, float[] dst, int offset) {
            int d = data.length / Math.max(1, labelArray.length);
            System.arraycopy(data, i * d, dst, offset, d);
        }
    }

    /** A view of some examples of another block. */
    final class SubsetExamples implements Examples {
        private final Examples base;
        private final int[] indices;

        SubsetExamples(Examples base, int[] indices) {
            for (int i : indices) {
                if (i < 0 || i >= base.size()) {
                    throw new IndexOutOfBoundsException("example " + i + " of " + base.size());
                }
            }
            this.base = base instanceof SubsetExamples s ? s.base : base;
            this.indices = base instanceof SubsetExamples s
                    ? Arrays.stream(indices).map(i -> s.indices[i]).toArray()
                    : indices.clone();
        }

        @Override
        public int size() {
            return indices.length;
        }

        @Override
        public int[] exampleShape() {
            return base.exampleShape();
        }

        @Override
        public int label(int i) {
            return base.label(indices[i]);
        }

        @Override
        public void copyFeatures(int i, float[] dst, int offset) {
            base.copyFeatures(indices[i], dst, offset);
        }
    }
}
