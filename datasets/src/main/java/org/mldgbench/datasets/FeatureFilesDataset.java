package org.mldgbench.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Precomputed features, one file per domain in a directory — the setting of the official MLDG code
 * (an MLP on ResNet-18 features). The domain is the file name without its extension:
 *
 * <ul>
 *   <li>{@code <domain>.npz} with arrays {@code features} (N × D, float) and {@code labels} (N,
 *       integer or integral float);
 *   <li>{@code <domain>.npy}, an N × (D + 1) float array whose last column is the label;
 *   <li>{@code <domain>.csv}, rows of D numbers followed by the label; a first row whose last
 *       field is {@code label} is a header.
 * </ul>
 *
 * An optional {@code classes.txt} (one class name per line) fixes the number of classes; without
 * it the classes are {@code 0 .. max label}.
 */
public final class FeatureFilesDataset {

    private static final List<String> EXTENSIONS = List.of(".npz", ".npy", ".csv");

    private FeatureFilesDataset() {}

    /** Parsed content of one domain file. */
    private record Table(Path file, float[] features, int[] labels, int dim) {}

    public static DomainDataset load(DatasetOptions options) {
        Path dir = options.requireDataDir("features", "a directory of <domain>.npz, <domain>.npy or <domain>.csv files");
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir, "directory not found; expected <domain>.npz, <domain>.npy or <domain>.csv files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> extension(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(dir, "cannot list directory: " + e.getMessage(), e);
        }
        if (files.size() < 2) {
            throw new DataFileException(dir, "found " + files.size() + " domain file(s) (" + String.join(", ", EXTENSIONS)
                    + "); a multi-domain dataset needs at least 2");
        }
        MessageDigest digest = Checksums.newSha256();
        Path classesFile = dir.resolve("classes.txt");
        List<String> declaredClasses = null;
        if (Files.isRegularFile(classesFile)) {
            byte[] bytes = readAll(classesFile);
            digest.update(bytes);
            declaredClasses = new String(bytes, StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        }
        var tables = new LinkedHashMap<String, Table>();
        for (Path f : files) {
            String domain = f.getFileName().toString();
            domain = domain.substring(0, domain.length() - extension(f).length());
            if (tables.containsKey(domain)) {
                throw new DataFileException(f, "domain '" + domain + "' also comes from " + tables.get(domain).file().getFileName()
                        + "; keep one file per domain");
            }
            byte[] bytes = readAll(f);
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            Table t = switch (extension(f)) {
                case ".npz" -> parseNpz(f, bytes);
                case ".npy" -> parseNpy(f, bytes);
                default -> parseCsv(f, bytes);
            };
            if (t.labels().length == 0) {
                throw new DataFileException(f, "empty domain: no examples");
            }
            tables.put(domain, t);
        }
        Table first = tables.values().iterator().next();
        int maxLabel = 0;
        for (Table t : tables.values()) {
            if (t.dim() != first.dim()) {
                throw new DataFileException(t.file(), "has " + t.dim() + " features per example but " + first.file().getFileName()
                        + " has " + first.dim() + "; every domain must have the same feature dimension");
            }
            for (int y : t.labels()) {
                maxLabel = Math.max(maxLabel, y);
            }
        }
        int numClasses = declaredClasses != null ? declaredClasses.size() : maxLabel + 1;
        var domains = new ArrayList<Domain>();
        for (var e : tables.entrySet()) {
            Table t = e.getValue();
            for (int i = 0; i < t.labels().length; i++) {
                if (t.labels()[i] >= numClasses) {
                    throw new DataFileException(t.file(), "example " + i + " has label " + t.labels()[i] + ", outside [0, "
                            + numClasses + ") as declared by " + classesFile.getFileName());
                }
            }
            int n = options.maxPerDomain() > 0 ? Math.min(options.maxPerDomain(), t.labels().length) : t.labels().length;
            Examples ex = Examples.of(java.util.Arrays.copyOf(t.features(), n * t.dim()),
                    java.util.Arrays.copyOf(t.labels(), n), new int[] {t.dim()});
            ImageFolderDataset.requireSeveralClasses(t.file(), ex, numClasses);
            domains.add(new Domain(e.getKey(), ex));
        }
        List<String> classNames = declaredClasses != null ? declaredClasses
                : java.util.stream.IntStream.range(0, numClasses).mapToObj(Integer::toString).toList();
        String base = dir.toAbsolutePath().normalize().getFileName() == null ? "root" : dir.toAbsolutePath().normalize().getFileName().toString();
        String name = "features-" + base + (options.maxPerDomain() > 0 ? "-max" + options.maxPerDomain() : "");
        return new LoadedDataset(name, domains, classNames, new int[] {first.dim()}, HexFormat.of().formatHex(digest.digest()),
                List.of());
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().filter(n::endsWith).findFirst().orElse(null);
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new DataFileException(f, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Table parseNpy(Path f, byte[] bytes) {
        NumpyArray.Array a = readNpy(f.toString(), new ByteArrayInputStream(bytes));
        requireFloat(f.toString(), a);
        if (a.rank() != 2 || a.shape()[1] < 2) {
            throw new DataFileException(f, "expected a 2-D array of shape (examples, features + 1) with the label in the last column, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        int n = (int) a.shape()[0];
        int cols = (int) a.shape()[1];
        float[] x = new float[n * (cols - 1)];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols - 1; j++) {
                x[i * (cols - 1) + j] = (float) a.values()[i * cols + j];
            }
            y[i] = label(f, i, a.values()[i * cols + cols - 1]);
        }
        return new Table(f, x, y, cols - 1);
    }

    private static Table parseNpz(Path f, byte[] bytes) {
        Map<String, NumpyArray.Array> arrays = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                if (entryName.equals("features.npy") || entryName.equals("labels.npy")) {
                    arrays.put(entryName, readNpy(f + "!" + entryName, zip));
                }
            }
        } catch (IOException e) {
            throw new DataFileException(f, "not a readable .npz (zip) archive: " + e.getMessage(), e);
        }
        NumpyArray.Array features = arrays.get("features.npy");
        NumpyArray.Array labels = arrays.get("labels.npy");
        if (features == null || labels == null) {
            throw new DataFileException(f, "an .npz domain file must contain arrays 'features' and 'labels', found "
                    + arrays.keySet());
        }
        requireFloat(f + "!features.npy", features);
        if (features.rank() != 2) {
            throw new DataFileException(f, "'features' must be 2-D (examples, features), got shape " + java.util.Arrays.toString(features.shape()));
        }
        if (labels.rank() != 1 || labels.shape()[0] != features.shape()[0]) {
            throw new DataFileException(f, "'labels' must be 1-D with one entry per example (" + features.shape()[0]
                    + "), got shape " + java.util.Arrays.toString(labels.shape()));
        }
        int n = (int) features.shape()[0];
        int d = (int) features.shape()[1];
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) features.values()[i];
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = label(f, i, labels.values()[i]);
        }
        return new Table(f, x, y, d);
    }

    private static Table parseCsv(Path f, byte[] bytes) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
        } catch (IOException | RuntimeException e) {
            throw new DataFileException(f, "not a readable CSV file: " + e.getMessage(), e);
        }
        int start = 0;
        if (!records.isEmpty() && records.get(0).get(records.get(0).size() - 1).trim().equalsIgnoreCase("label")) {
            start = 1;
        }
        int n = records.size() - start;
        if (n <= 0) {
            return new Table(f, new float[0], new int[0], 0);
        }
        int fields = records.get(start).size();
        if (fields < 2) {
            throw new DataFileException(f, "line " + records.get(start).getRecordNumber() + " has " + fields
                    + " field; expected features followed by a label");
        }
        int d = fields - 1;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = records.get(start + i);
            if (r.size() != fields) {
                throw new DataFileException(f, "line " + r.getRecordNumber() + " has " + r.size() + " fields, expected "
                        + fields + " (as in line " + records.get(start).getRecordNumber() + ")");
            }
            for (int j = 0; j < fields; j++) {
                double v;
                try {
                    v = Double.parseDouble(r.get(j));
                } catch (NumberFormatException e) {
                    throw new DataFileException(f, "line " + r.getRecordNumber() + ", field " + (j + 1) + ": '" + r.get(j)
                            + "' is not a number");
                }
                if (j < d) {
                    x[i * d + j] = (float) v;
                } else {
                    y[i] = label(f, i, v);
                }
            }
        }
        return new Table(f, x, y, d);
    }

    private static NumpyArray.Array readNpy(String what, InputStream in) {
        try {
            return NumpyArray.read(in, what);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read .npy: " + e.getMessage(), e);
        }
    }

    private static void requireFloat(String what, NumpyArray.Array a) {
        if (!a.dtype().startsWith("<f")) {
            throw new IllegalArgumentException(what + ": features have dtype " + a.dtype() + ", expected float32 (<f4) or float64 (<f8)");
        }
    }

    /** A label must be a non-negative integer. */
    private static int label(Path f, int example, double v) {
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new DataFileException(f, "example " + example + " has label " + v + "; labels must be integers ≥ 0");
        }
        return (int) v;
    }
}
