package org.mldgbench.datasets;

/**
 * Deterministic rotation of a single-channel square image about its centre, as in DomainBed's
 * Rotated MNIST (torchvision's {@code rotate}: counter-clockwise for positive angles, bilinear
 * interpolation, zero fill). Pure Java with {@link StrictMath}, so the result is bit-identical on
 * every machine.
 */
final class Rotation {

    private Rotation() {}

    /** Rotates a {@code size × size} image of unsigned bytes by {@code degrees}; returns new bytes. */
    static byte[] rotate(byte[] image, int size, double degrees) {
        byte[] out = new byte[image.length];
        double radians = StrictMath.toRadians(degrees);
        double cos = StrictMath.cos(radians);
        double sin = StrictMath.sin(radians);
        double centre = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse map: the source of output pixel (x, y). Image y grows downwards, so a
                // counter-clockwise turn on screen is a clockwise turn in (x, y) coordinates.
                double dx = x - centre;
                double dy = y - centre;
                double sx = cos * dx - sin * dy + centre;
                double sy = sin * dx + cos * dy + centre;
                double v = bilinear(image, size, sx, sy);
                out[y * size + x] = (byte) Math.min(255, (int) Math.floor(v + 0.5));
            }
        }
        return out;
    }

    private static double bilinear(byte[] img, int size, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * pixel(img, size, x0, y0)
                + fx * (1 - fy) * pixel(img, size, x0 + 1, y0)
                + (1 - fx) * fy * pixel(img, size, x0, y0 + 1)
                + fx * fy * pixel(img, size, x0 + 1, y0 + 1);
    }

    private static int pixel(byte[] img, int size, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0 : img[y * size + x] & 0xFF;
    }
}
