package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A mini-batch from one source domain, as plain Java arrays. Algorithms turn it into tensors inside
 * their own per-step scope, so a batch never ties a tensor to a long-lived manager.
 *
 * @param features row-major, {@code labels.length × prod(exampleShape)} values
 * @param labels class indices
 * @param exampleShape shape of one example, e.g. {@code {16}} or {@code {1, 28, 28}}
 */
public record DomainBatch(float[] features, int[] labels, long[] exampleShape) {

    public DomainBatch {
        long size = 1;
        for (long s : exampleShape) {
            size *= s;
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("a domain batch needs at least one example");
        }
        if (features.length != labels.length * size) {
            throw new IllegalArgumentException(
                    "batch has " + features.length + " feature values for " + labels.length
                            + " examples of shape " + Arrays.toString(exampleShape));
        }
        exampleShape = exampleShape.clone();
    }

    public int size() {
        return labels.length;
    }

    /** The features as a (batch, exampleShape...) tensor of {@code dataType} in {@code manager}. */
    public NDArray features(NDManager manager, DataType dataType) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = labels.length;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return manager.create(features, new Shape(shape)).toType(dataType, false);
    }
}
