package org.mldgbench.datasets;

import java.util.List;

/**
 * Per-channel standardisation {@code (x − mean) / std}. A channel is one feature of a feature
 * vector, or one colour plane of an image. The statistics are fitted on the source domains'
 * training splits only: the held-out domain must not leak into training through its statistics.
 */
public record Normalization(float[] mean, float[] std, int channelSize) {

    /** Fits mean and standard deviation per channel over every example of {@code sources}. */
    public static Normalization fit(List<Examples> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("normalisation needs at least one source split");
        }
        int[] shape = sources.get(0).exampleShape();
        int channels = shape[0];
        int channelSize = shape.length == 1 ? 1 : Math.toIntExact(Examples.product(shape) / shape[0]);
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        long count = 0;
        float[] row = new float[Math.toIntExact(Examples.product(shape))];
        for (Examples ex : sources) {
            for (int i = 0; i < ex.size(); i++) {
                ex.copyFeatures(i, row, 0);
                for (int k = 0; k < row.length; k++) {
                    int c = k / channelSize;
                    sum[c] += row[k];
                    sumSq[c] += (double) row[k] * row[k];
                }
            }
            count += ex.size();
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        long n = count * channelSize;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / n;
            double var = Math.max(0, sumSq[c] / n - m * m);
            mean[c] = (float) m;
            // A constant channel (e.g. an always-black border) is centred but not scaled.
            std[c] = (float) (var > 1e-12 ? Math.sqrt(var) : 1.0);
        }
        return new Normalization(mean, std, channelSize);
    }

    /** Standardises {@code features} (row-major examples) in place and returns it. */
    public float[] apply(float[] features) {
        int k = 0;
        while (k < features.length) {
            for (int c = 0; c < mean.length; c++) {
                float m = mean[c];
                float s = std[c];
                for (int end = k + channelSize; k < end; k++) {
                    features[k] = (features[k] - m) / s;
                }
            }
        }
        return features;
    }
}
