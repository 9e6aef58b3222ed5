package org.mldgbench.datasets;

import java.nio.MappedByteBuffer;
import java.util.List;

/**
 * Images stored as unsigned bytes, one byte per value, read back as {@code value / 255} in [0, 1].
 * The bytes live either in a heap array or in memory-mapped segments of a cache file, so a
 * DomainNet-sized domain is paged in by the operating system instead of being held on the heap.
 */
public final class ByteExamples implements Examples {

    /** Where the bytes of example {@code i} come from. */
    interface Store {
        void read(int example, byte[] dst);
    }

    private final Store store;
    private final int[] labels;
    private final int[] shape;
    private final int exampleBytes;

    ByteExamples(Store store, int[] labels, int[] shape) {
        this.store = store;
        this.labels = labels;
        this.shape = shape.clone();
        this.exampleBytes = Math.toIntExact(Examples.product(shape));
    }

    /** Bytes held on the heap: example {@code i} is {@code data[i*size .. (i+1)*size)}. */
    static ByteExamples onHeap(byte[] data, int[] labels, int[] shape) {
        int size = Math.toIntExact(Examples.product(shape));
        if (data.length != (long) labels.length * size) {
            throw new IllegalArgumentException(data.length + " bytes for " + labels.length + " examples of " + size);
        }
        return new ByteExamples((i, dst) -> System.arraycopy(data, i * size, dst, 0, size), labels, shape);
    }

    /**
     * Bytes in mapped segments, each holding {@code perSegment} whole examples (a single mapping
     * cannot exceed 2 GiB).
     */
    static ByteExamples mapped(List<MappedByteBuffer> segments, int perSegment, int[] labels, int[] shape) {
        int size = Math.toIntExact(Examples.product(shape));
        return new ByteExamples(
                (i, dst) -> segments.get(i / perSegment).get((i % perSegment) * size, dst, 0, size),
                labels, shape);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int[] exampleShape() {
        return shape.clone();
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public void copyFeatures(int i, float[] dst, int offset) {
        byte[] raw = new byte[exampleBytes];
        store.read(i, raw);
        for (int k = 0; k < exampleBytes; k++) {
            dst[offset + k] = (raw[k] & 0xFF) / 255f;
        }
    }

    /** The raw bytes of example {@code i} (for checksums and caches). */
    byte[] rawBytes(int i) {
        byte[] raw = new byte[exampleBytes];
        store.read(i, raw);
        return raw;
    }
}
