package org.mldgbench.datasets;

/**
 * Resizes an RGB image with an antialiased bilinear (triangle) filter, separably: the filter's
 * support widens with the down-scaling factor so that shrinking a 227-pixel photo to 64 pixels
 * averages every source pixel instead of sampling a few (the behaviour of PIL's bilinear resize,
 * which torchvision uses). Pure Java, so the bytes are the same on every machine.
 */
final class Resize {

    private Resize() {}

    /**
     * @param argb {@code width × height} packed ARGB pixels
     * @return {@code 3 × size × size} unsigned bytes, channel-major (R plane, G plane, B plane)
     */
    static byte[] toChannelsFirst(int[] argb, int width, int height, int size) {
        double[][] planes = new double[3][width * height];
        for (int i = 0; i < argb.length; i++) {
            planes[0][i] = (argb[i] >> 16) & 0xFF;
            planes[1][i] = (argb[i] >> 8) & 0xFF;
            planes[2][i] = argb[i] & 0xFF;
        }
        Kernel horizontal = Kernel.of(width, size);
        Kernel vertical = Kernel.of(height, size);
        byte[] out = new byte[3 * size * size];
        double[] rows = new double[height * size];
        for (int c = 0; c < 3; c++) {
            double[] src = planes[c];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < size; x++) {
                    rows[y * size + x] = horizontal.apply(src, y * width, 1, x);
                }
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double v = vertical.apply(rows, x, size, y);
                    out[c * size * size + y * size + x] = (byte) Math.max(0, Math.min(255, (int) Math.floor(v + 0.5)));
                }
            }
        }
        return out;
    }

    /** Per output position: the first source index and the normalised weights. */
    private record Kernel(int[] start, double[][] weights) {

        static Kernel of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(scale, 1.0);
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in, (int) Math.ceil(centre + support));
                double[] w = new double[hi - lo];
                double sum = 0;
                for (int j = lo; j < hi; j++) {
                    double t = Math.abs((j + 0.5 - centre) / support);
                    w[j - lo] = Math.max(0, 1 - t);
                    sum += w[j - lo];
                }
                if (sum == 0) {
                    // Degenerate (1-pixel source): take the nearest pixel.
                    w = new double[] {1};
                    lo = Math.min(in - 1, Math.max(0, (int) centre));
                    sum = 1;
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= sum;
                }
                start[i] = lo;
                weights[i] = w;
            }
            return new Kernel(start, weights);
        }

        /** Weighted sum of {@code src[base + (start + k) * stride]} for output position {@code i}. */
        double apply(double[] src, int base, int stride, int i) {
            double[] w = weights[i];
            int s = start[i];
            double v = 0;
            for (int k = 0; k < w.length; k++) {
                v += w[k] * src[base + (s + k) * stride];
            }
            return v;
        }
    }
}
