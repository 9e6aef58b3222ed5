package org.mldgbench.datasets;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to load a dataset.
 *
 * @param dataDir where the files are; null means the dataset's default location (e.g. the Debian
 *     package's directory for Fashion-MNIST). Required for {@code imagefolder} and {@code features}.
 * @param maxPerDomain keep at most this many examples per domain (the first ones in the
 *     dataset's fixed order); 0 keeps all. Quick presets use it to stay small.
 * @param imageSize side length images are resized to ({@code imagefolder})
 * @param cacheDir where decoded images are cached
 * @param warnings receives one line per recoverable problem (e.g. a skipped corrupt image)
 */
public record DatasetOptions(Path dataDir, int maxPerDomain, int imageSize, Path cacheDir, Consumer<String> warnings) {

    public static final int DEFAULT_IMAGE_SIZE = 64;

    public DatasetOptions {
        if (maxPerDomain < 0) {
            throw new IllegalArgumentException("--max-per-domain must be ≥ 0 (0 keeps all), got " + maxPerDomain);
        }
        if (imageSize < 4 || imageSize > 1024) {
            throw new IllegalArgumentException("--image-size must be in [4, 1024], got " + imageSize);
        }
    }

    /** Defaults: dataset's own location, no cap, 64×64 images, cache under the user's home, warnings to stderr. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(null, 0, DEFAULT_IMAGE_SIZE, defaultCacheDir(), System.err::println);
    }

    public DatasetOptions withDataDir(Path dir) {
        return new DatasetOptions(dir, maxPerDomain, imageSize, cacheDir, warnings);
    }

    public DatasetOptions withMaxPerDomain(int max) {
        return new DatasetOptions(dataDir, max, imageSize, cacheDir, warnings);
    }

    public DatasetOptions withImageSize(int size) {
        return new DatasetOptions(dataDir, maxPerDomain, size, cacheDir, warnings);
    }

    public DatasetOptions withCacheDir(Path dir) {
        return new DatasetOptions(dataDir, maxPerDomain, imageSize, dir, warnings);
    }

    public DatasetOptions withWarnings(Consumer<String> sink) {
        return new DatasetOptions(dataDir, maxPerDomain, imageSize, cacheDir, sink);
    }

    /** {@code $XDG_CACHE_HOME/mldg-bench}, else {@code ~/.cache/mldg-bench}. */
    static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mldg-bench");
    }

    /** The data directory, or an error naming the dataset and what the directory must hold. */
    Path requireDataDir(String dataset, String layout) {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataset '" + dataset + "' needs --data-dir pointing at " + layout);
        }
        return dataDir;
    }
}
