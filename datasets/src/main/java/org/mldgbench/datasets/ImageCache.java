package org.mldgbench.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The on-disk cache of decoded images: a directory with, per domain {@code i}, {@code i.pixels}
 * (unsigned bytes, one example after another) and {@code i.labels} (little-endian int32), plus
 * {@code index.properties} naming the domains, the example shape and the source checksum. The
 * directory is built under a temporary name and renamed into place when complete, so a crash
 * never leaves a half-written cache that a later run would trust.
 */
final class ImageCache {

    static final String INDEX = "index.properties";
    private static final String FORMAT = "mldg-bench-image-cache-1";
    /** Largest mapping of one segment; whole examples only. */
    private static final long SEGMENT_BYTES = 1L << 30;

    private ImageCache() {}

    record Contents(Map<String, Examples> domains, String checksum, List<String> notes) {}

    static Contents read(Path dir) {
        Path indexFile = dir.resolve(INDEX);
        var index = new Properties();
        try (Reader r = Files.newBufferedReader(indexFile, StandardCharsets.UTF_8)) {
            index.load(r);
        } catch (IOException e) {
            throw new DataFileException(indexFile, "unreadable image cache index (delete " + dir + " to rebuild): " + e.getMessage(), e);
        }
        if (!FORMAT.equals(index.getProperty("format"))) {
            throw new DataFileException(indexFile, "not an image cache of format " + FORMAT + " (delete " + dir + " to rebuild)");
        }
        int[] shape = Arrays.stream(index.getProperty("shape").split(",")).mapToInt(Integer::parseInt).toArray();
        int exampleBytes = Math.toIntExact(Examples.product(shape));
        int perSegment = (int) Math.max(1, SEGMENT_BYTES / exampleBytes);
        var domains = new LinkedHashMap<String, Examples>();
        int count = Integer.parseInt(index.getProperty("domains"));
        for (int i = 0; i < count; i++) {
            String name = index.getProperty("domain." + i + ".name");
            int n = Integer.parseInt(index.getProperty("domain." + i + ".count"));
            Path pixels = dir.resolve(i + ".pixels");
            Path labels = dir.resolve(i + ".labels");
            try (FileChannel ch = FileChannel.open(pixels, StandardOpenOption.READ)) {
                if (ch.size() != (long) n * exampleBytes || Files.size(labels) != 4L * n) {
                    throw new DataFileException(dir, "image cache is inconsistent for domain " + name
                            + " (delete the directory to rebuild)");
                }
                var segments = new ArrayList<MappedByteBuffer>();
                for (long first = 0; first < n; first += perSegment) {
                    long len = Math.min(perSegment, n - first) * (long) exampleBytes;
                    segments.add(ch.map(FileChannel.MapMode.READ_ONLY, first * exampleBytes, len));
                }
                int[] y = new int[n];
                ByteBuffer.wrap(Files.readAllBytes(labels)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(y);
                domains.put(name, ByteExamples.mapped(segments, perSegment, y, shape));
            } catch (IOException e) {
                throw new DataFileException(pixels, "cannot map image cache (delete " + dir + " to rebuild): " + e.getMessage(), e);
            }
        }
        var notes = new ArrayList<String>();
        int noteCount = Integer.parseInt(index.getProperty("notes", "0"));
        for (int i = 0; i < noteCount; i++) {
            notes.add(index.getProperty("note." + i));
        }
        return new Contents(domains, index.getProperty("checksum"), notes);
    }

    /** Streams decoded images into a new cache directory. */
    static final class Writer {
        private final Path target;
        private final Path temp;
        private final int[] shape;
        private final Properties index = new Properties();
        private int domainCount;
        private OutputStream pixels;
        private ByteBuffer labels = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private int examples;
        private boolean committed;

        Writer(Path target, int[] shape) {
            this.target = target;
            this.shape = shape.clone();
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                this.temp = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".tmp");
            } catch (IOException e) {
                throw new DataFileException(target, "cannot create the image cache: " + e.getMessage(), e);
            }
            index.setProperty("format", FORMAT);
            index.setProperty("shape", String.join(",", Arrays.stream(shape).mapToObj(Integer::toString).toList()));
        }

        void beginDomain(String name) {
            try {
                pixels = new java.io.BufferedOutputStream(Files.newOutputStream(temp.resolve(domainCount + ".pixels")), 1 << 20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            labels.clear();
            examples = 0;
            index.setProperty("domain." + domainCount + ".name", name);
        }

        void add(byte[] example, int label) {
            try {
                pixels.write(example);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the image cache under " + temp, e);
            }
            if (labels.remaining() < 4) {
                labels = ByteBuffer.allocate(labels.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN).put(labels.flip());
            }
            labels.putInt(label);
            examples++;
        }

        void endDomain() {
            try {
                pixels.close();
                Files.write(temp.resolve(domainCount + ".labels"), Arrays.copyOf(labels.array(), labels.position()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the image cache under " + temp, e);
            }
            index.setProperty("domain." + domainCount + ".count", Integer.toString(examples));
            domainCount++;
        }

        /** Writes the index, renames the directory into place and opens it. */
        Contents commit(String checksum, List<String> notes) {
            index.setProperty("domains", Integer.toString(domainCount));
            index.setProperty("checksum", checksum);
            index.setProperty("notes", Integer.toString(notes.size()));
            for (int i = 0; i < notes.size(); i++) {
                index.setProperty("note." + i, notes.get(i));
            }
            try (var w = Files.newBufferedWriter(temp.resolve(INDEX), StandardCharsets.UTF_8)) {
                index.store(w, "MLDG Bench decoded-image cache; safe to delete");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the image cache index under " + temp, e);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process finished the same cache first; its copy is identical.
            } catch (AtomicMoveNotSupportedException e) {
                throw new DataFileException(target, "cannot rename the finished image cache into place atomically", e);
            } catch (IOException e) {
                throw new DataFileException(target, "cannot rename the finished image cache into place: " + e.getMessage(), e);
            }
            return read(target);
        }

        /** Deletes the temporary directory unless it was committed. */
        void abandon() {
            if (committed || !Files.exists(temp)) {
                return;
            }
            try (Stream<Path> files = Files.walk(temp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Best effort: a stray temporary directory is harmless and never read.
            }
        }
    }
}
