package org.mldgbench.datasets;

import ai.djl.modality.cv.ImageFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Any dataset in DomainBed's on-disk layout, {@code root/<domain>/<class>/<image>} (PACS, VLCS,
 * OfficeHome, TerraIncognita, DomainNet). Domains are the sorted sub-directories of the root;
 * classes are the sorted union of class directories over all domains (a domain may lack a class:
 * that is allowed and reported). Images are decoded with DJL's image API and resized to
 * {@code size × size} RGB ({@link Resize}).
 *
 * <p>Decoding is done once: the decoded bytes are cached under {@code cacheDir} keyed by a hash of
 * the file listing (relative path, size and modification time of every image) and the image size,
 * and later loads memory-map the cache instead of decoding. Neither decoding nor loading holds more
 * than a few hundred images on the heap, so DomainNet-sized folders work.
 *
 * <p>An image that cannot be decoded is skipped, counted and reported with its path; more than 1%
 * of a domain failing is an error.
 */
public final class ImageFolderDataset {

    static final String LOADER_VERSION = "imagefolder-v1";
    static final double MAX_CORRUPT_FRACTION = 0.01;
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");
    private static final int DECODE_CHUNK = 256;

    private ImageFolderDataset() {}

    /** One image file of the listing. */
    record Source(Path file, String domain, int label) {}

    public static DomainDataset load(DatasetOptions options) {
        Path root = options.requireDataDir("imagefolder", "root/<domain>/<class>/<image>");
        if (!Files.isDirectory(root)) {
            throw new DataFileException(root, "directory not found; expected root/<domain>/<class>/<image>");
        }
        List<Path> domainDirs = subdirectories(root);
        if (domainDirs.size() < 2) {
            throw new DataFileException(root, "found " + domainDirs.size()
                    + " domain directories; a multi-domain dataset needs at least 2 (root/<domain>/<class>/<image>)");
        }
        var classSet = new java.util.TreeSet<String>();
        var classesByDomain = new TreeMap<String, List<String>>();
        for (Path d : domainDirs) {
            List<String> classes = subdirectories(d).stream().map(p -> p.getFileName().toString()).toList();
            classesByDomain.put(d.getFileName().toString(), classes);
            classSet.addAll(classes);
        }
        List<String> classNames = List.copyOf(classSet);
        if (classNames.size() < 2) {
            throw new DataFileException(root, "found " + classNames.size() + " class directories in all; need at least 2");
        }
        var notes = new ArrayList<String>();
        var sourcesByDomain = new TreeMap<String, List<Source>>();
        for (Path d : domainDirs) {
            String domain = d.getFileName().toString();
            var sources = new ArrayList<Source>();
            for (String cls : classesByDomain.get(domain)) {
                int label = classNames.indexOf(cls);
                for (Path f : imageFiles(d.resolve(cls))) {
                    sources.add(new Source(f, domain, label));
                }
            }
            if (sources.isEmpty()) {
                throw new DataFileException(d, "empty domain: no images (" + String.join(", ", EXTENSIONS) + ") in its class directories");
            }
            var missing = classNames.stream().filter(c -> !classesByDomain.get(domain).contains(c)).toList();
            if (!missing.isEmpty()) {
                notes.add("domain " + domain + " has no images of class(es) " + String.join(", ", missing));
            }
            if (options.maxPerDomain() > 0 && sources.size() > options.maxPerDomain()) {
                sources = new ArrayList<>(sources.subList(0, options.maxPerDomain()));
            }
            sourcesByDomain.put(domain, sources);
        }
        notes.forEach(options.warnings());

        int size = options.imageSize();
        String key = listingKey(root, sourcesByDomain, size);
        Path cache = options.cacheDir().resolve("imagefolder-" + key);
        ImageCache.Contents contents = Files.isRegularFile(cache.resolve(ImageCache.INDEX))
                ? ImageCache.read(cache)
                : decodeAll(root, sourcesByDomain, classNames.size(), size, cache, options);
        var domains = new ArrayList<Domain>();
        for (String domain : sourcesByDomain.keySet()) {
            Examples ex = contents.domains().get(domain);
            requireSeveralClasses(root.resolve(domain), ex, classNames.size());
            domains.add(new Domain(domain, ex));
        }
        notes.addAll(contents.notes());
        String base = root.toAbsolutePath().normalize().getFileName() == null ? "root" : root.toAbsolutePath().normalize().getFileName().toString();
        String name = "imagefolder-" + base + "-" + size + "px" + (options.maxPerDomain() > 0 ? "-max" + options.maxPerDomain() : "");
        return new LoadedDataset(name, domains, classNames, new int[] {3, size, size}, contents.checksum(), notes);
    }

    /** A domain whose examples are all of one class cannot be split or learned from meaningfully. */
    static void requireSeveralClasses(Path where, Examples ex, int numClasses) {
        long present = java.util.Arrays.stream(ex.classCounts(numClasses)).filter(c -> c > 0).count();
        if (present < 2) {
            throw new DataFileException(where, "domain has examples of only " + present + " class; need at least 2");
        }
    }

    private static ImageCache.Contents decodeAll(Path root, Map<String, List<Source>> sourcesByDomain, int numClasses,
                                                 int size, Path cache, DatasetOptions options) {
        MessageDigest content = Checksums.newSha256();
        var writer = new ImageCache.Writer(cache, new int[] {3, size, size});
        var notes = new ArrayList<String>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            for (var entry : sourcesByDomain.entrySet()) {
                String domain = entry.getKey();
                List<Source> sources = entry.getValue();
                writer.beginDomain(domain);
                var corrupt = new ArrayList<Path>();
                for (int start = 0; start < sources.size(); start += DECODE_CHUNK) {
                    var futures = new ArrayList<Future<Decoded>>();
                    for (Source s : sources.subList(start, Math.min(sources.size(), start + DECODE_CHUNK))) {
                        futures.add(pool.submit(() -> decode(s, size)));
                    }
                    for (Future<Decoded> f : futures) {
                        Decoded d = f.get();
                        content.update(root.relativize(d.source().file()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        content.update(d.fileBytes());
                        if (d.pixels() == null) {
                            corrupt.add(d.source().file());
                            options.warnings().accept("skipping corrupt image " + d.source().file() + ": " + d.error());
                        } else {
                            writer.add(d.pixels(), d.source().label());
                        }
                    }
                }
                if (corrupt.size() > MAX_CORRUPT_FRACTION * sources.size()) {
                    throw new DataFileException(root.resolve(domain), String.format(Locale.ROOT,
                            "%d of %d images (%.1f%%) could not be decoded, more than the %.0f%% allowed; first: %s",
                            corrupt.size(), sources.size(), 100.0 * corrupt.size() / sources.size(),
                            100 * MAX_CORRUPT_FRACTION, corrupt.subList(0, Math.min(3, corrupt.size()))));
                }
                if (!corrupt.isEmpty()) {
                    notes.add("domain " + domain + ": skipped " + corrupt.size() + " corrupt image(s)");
                }
                writer.endDomain();
            }
            return writer.commit(HexFormat.of().formatHex(content.digest()), notes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding " + root, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding " + root + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            writer.abandon();
        }
    }

    /** A decoded image, or (pixels null) the reason it could not be decoded. */
    private record Decoded(Source source, byte[] fileBytes, byte[] pixels, String error) {}

    private static Decoded decode(Source s, int size) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(s.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + s.file(), e);
        }
        try {
            var image = ImageFactory.getInstance().fromInputStream(new ByteArrayInputStream(bytes));
            BufferedImage img = (BufferedImage) image.getWrappedImage();
            int w = img.getWidth();
            int h = img.getHeight();
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            return new Decoded(s, bytes, Resize.toChannelsFirst(argb, w, h, size), null);
        } catch (IOException | RuntimeException e) {
            return new Decoded(s, bytes, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** SHA-256 (16 hex digits) of the loader version, image size and every file's path, size and mtime. */
    private static String listingKey(Path root, Map<String, List<Source>> sourcesByDomain, int size) {
        MessageDigest digest = Checksums.newSha256();
        digest.update((LOADER_VERSION + "\n" + size + "\n" + root.toAbsolutePath().normalize() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (List<Source> sources : sourcesByDomain.values()) {
            for (Source s : sources) {
                try {
                    String line = root.relativize(s.file()) + "\t" + s.label() + "\t" + Files.size(s.file()) + "\t"
                            + Files.getLastModifiedTime(s.file()).toMillis() + "\n";
                    digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new DataFileException(s.file(), "cannot read file attributes: " + e.getMessage(), e);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(dir, "cannot list directory: " + e.getMessage(), e);
        }
    }

    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return EXTENSIONS.stream().anyMatch(n::endsWith);
            }).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(dir, "cannot list directory: " + e.getMessage(), e);
        }
    }
}
