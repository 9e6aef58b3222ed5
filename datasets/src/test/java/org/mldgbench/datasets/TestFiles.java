package org.mldgbench.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writers for the small data files the dataset tests generate. */
final class TestFiles {

    private TestFiles() {}

    /** An IDX file of unsigned bytes, gzip-compressed when the name ends in .gz. */
    static void idx(Path file, int[] dims, byte[] data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length).order(ByteOrder.BIG_ENDIAN);
        header.putInt(0x00000800 | dims.length);
        for (int d : dims) {
            header.putInt(d);
        }
        bytes.write(header.array());
        bytes.write(data);
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
    }

    /**
     * A Fashion-MNIST-like directory with {@code train} + {@code test} 28×28 images; image i is
     * filled with the value {@code i} and labelled {@code i % 10}.
     */
    static void fashionMnist(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? train : test;
            int offset = split.equals("train") ? 0 : train;
            byte[] images = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(images, i * 784, (i + 1) * 784, (byte) (offset + i));
                labels[i] = (byte) ((offset + i) % 10);
            }
            idx(dir.resolve(split + "-images-idx3-ubyte.gz"), new int[] {n, 28, 28}, images);
            idx(dir.resolve(split + "-labels-idx1-ubyte.gz"), new int[] {n}, labels);
        }
    }

    /** A solid-colour image file (format from the extension: png, jpg, bmp). */
    static void image(Path file, int width, int height, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).replace("jpeg", "jpg");
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    /** A .npy array (C order) of the given little-endian dtype. */
    static byte[] npy(String dtype, long[] shape, double[] values) {
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + String.join(", ", java.util.Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
        String header = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        int width = dtype.endsWith("8") ? 8 : 4;
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            switch (dtype) {
                case "<f4" -> buf.putFloat((float) v);
                case "<f8" -> buf.putDouble(v);
                case "<i4" -> buf.putInt((int) v);
                default -> buf.putLong((long) v);
            }
        }
        return buf.array();
    }

    /** An .npz archive of the named .npy arrays. */
    static void npz(Path file, List<String> names, List<byte[]> arrays) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(arrays.get(i));
                zip.closeEntry();
            }
        }
    }

    /** Feature rows {@code x[i][j] = domain + i + j/10} with labels {@code i % classes}. */
    static List<double[]> rows(int n, int dim, int classes, double domain) {
        var rows = new ArrayList<double[]>();
        for (int i = 0; i < n; i++) {
            double[] r = new double[dim + 1];
            for (int j = 0; j < dim; j++) {
                r[j] = domain + i + j / 10.0;
            }
            r[dim] = i % classes;
            rows.add(r);
        }
        return rows;
    }

    static double[] flatten(List<double[]> rows) {
        return rows.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
