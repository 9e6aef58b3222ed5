package org.mldgbench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rotated Fashion-MNIST, following DomainBed's Rotated MNIST protocol on Fashion-MNIST's real
 * images: the 60,000 training and 10,000 test images are pooled, shuffled with a fixed seed, and
 * dealt round-robin into 6 disjoint domains, rotated by 0°, 15°, 30°, 45°, 60° and 75°
 * ({@link Rotation}). 10 classes, 1×28×28 images with values in [0, 1].
 *
 * <p>The IDX files come from Debian's {@code dataset-fashion-mnist} package
 * ({@value #DEBIAN_DIR}) or from {@code --data-dir}; nothing is downloaded. The rotated images are
 * cached like decoded image folders ({@link ImageCache}), keyed by the SHA-256 of the source files
 * and the per-domain cap, so later loads only hash the files and map the cache.
 */
public final class RotatedFashionMnist {

    public static final String NAME = "rotated-fashion-mnist";
    static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    static final int[] ANGLES = {0, 15, 30, 45, 60, 75};
    static final long SHUFFLE_SEED = 0L;
    static final String[] FILES = {
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
    };
    private static final int SIDE = 28;
    /** Part of the cache key: bump when the dealing or the rotation changes. */
    private static final String CACHE_VERSION = "v1";
    private static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private RotatedFashionMnist() {}

    /**
     * Loads the IDX files from {@code options.dataDir()} (default: the Debian package's directory),
     * keeping at most {@code options.maxPerDomain()} images per domain when it is positive. The
     * name records the cap ({@code rotated-fashion-mnist-max1000}) so capped and full results
     * never share a leaderboard.
     */
    public static DomainDataset load(DatasetOptions options) {
        Path dir = options.dataDir() != null ? options.dataDir() : Path.of(DEBIAN_DIR);
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir, "directory not found; expected the Fashion-MNIST IDX files "
                    + String.join(", ", FILES) + " (install Debian's dataset-fashion-mnist package or pass --data-dir)");
        }
        Path[] files = new Path[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            files[i] = resolve(dir, FILES[i]);
        }
        String checksum = sha256(files);
        String name = NAME + (options.maxPerDomain() > 0 ? "-max" + options.maxPerDomain() : "");
        Path cache = options.cacheDir().resolve(name + "-" + checksum.substring(0, 16) + "-" + CACHE_VERSION);
        ImageCache.Contents contents = Files.isRegularFile(cache.resolve(ImageCache.INDEX))
                ? ImageCache.read(cache)
                : build(files, options.maxPerDomain(), cache, checksum);
        var domains = new ArrayList<Domain>();
        for (var e : contents.domains().entrySet()) {
            domains.add(new Domain(e.getKey(), e.getValue()));
        }
        return new LoadedDataset(name, domains, CLASS_NAMES, new int[] {1, SIDE, SIDE}, checksum, List.of());
    }

    /** Reads the IDX files, deals and rotates the images, and writes them to a new cache. */
    private static ImageCache.Contents build(Path[] files, int maxPerDomain, Path cache, String checksum) {
        Idx.Array trainImages = Idx.read(files[0], 3);
        Idx.Array trainLabels = Idx.read(files[1], 1);
        Idx.Array testImages = Idx.read(files[2], 3);
        Idx.Array testLabels = Idx.read(files[3], 1);
        checkPair(files[0], trainImages, files[1], trainLabels);
        checkPair(files[2], testImages, files[3], testLabels);

        int n = trainImages.dims()[0] + testImages.dims()[0];
        int pixels = SIDE * SIDE;
        byte[] pooled = new byte[n * pixels];
        System.arraycopy(trainImages.data(), 0, pooled, 0, trainImages.data().length);
        System.arraycopy(testImages.data(), 0, pooled, trainImages.data().length, testImages.data().length);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            byte b = i < trainLabels.data().length ? trainLabels.data()[i] : testLabels.data()[i - trainLabels.data().length];
            labels[i] = b & 0xFF;
            if (labels[i] > 9) {
                Path f = i < trainLabels.data().length ? files[1] : files[3];
                throw new DataFileException(f, "label " + labels[i] + " at index " + i + " is outside [0, 10)");
            }
        }
        int[] order = DomainSplit.identity(n);
        DomainSplit.shuffle(order, new SplittableRandom(SHUFFLE_SEED));

        var writer = new ImageCache.Writer(cache, new int[] {1, SIDE, SIDE});
        try {
            byte[] image = new byte[pixels];
            for (int e = 0; e < ANGLES.length; e++) {
                int count = (n - e + ANGLES.length - 1) / ANGLES.length;
                if (maxPerDomain > 0) {
                    count = Math.min(count, maxPerDomain);
                }
                writer.beginDomain("rot" + ANGLES[e]);
                for (int k = 0; k < count; k++) {
                    int src = order[e + k * ANGLES.length];
                    System.arraycopy(pooled, src * pixels, image, 0, pixels);
                    writer.add(Rotation.rotate(image, SIDE, ANGLES[e]), labels[src]);
                }
                writer.endDomain();
            }
            return writer.commit(checksum, List.of());
        } finally {
            writer.abandon();
        }
    }

    /** The gzip name, or the same name without {@code .gz} (an uncompressed copy). */
    private static Path resolve(Path dir, String file) {
        Path gz = dir.resolve(file);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(file.substring(0, file.length() - 3));
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DataFileException(gz, "file not found (nor " + plain.getFileName() + "); a Fashion-MNIST directory holds "
                + String.join(", ", FILES));
    }

    private static void checkPair(Path imageFile, Idx.Array images, Path labelFile, Idx.Array labels) {
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new DataFileException(imageFile, "images are " + images.dims()[1] + "×" + images.dims()[2]
                    + ", expected 28×28");
        }
        if (images.dims()[0] != labels.dims()[0]) {
            throw new DataFileException(labelFile, labels.dims()[0] + " labels for the " + images.dims()[0]
                    + " images of " + imageFile.getFileName());
        }
    }

    /** SHA-256 over the four source files' bytes, in a fixed order. */
    private static String sha256(Path[] files) {
        MessageDigest digest = Checksums.newSha256();
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                int r;
                while ((r = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, r);
                }
            } catch (IOException e) {
                throw new DataFileException(f, "cannot read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
