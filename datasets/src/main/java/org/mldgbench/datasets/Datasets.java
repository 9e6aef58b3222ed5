package org.mldgbench.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Registry of dataset names. Unknown names get an error that lists the valid ones. */
public final class Datasets {

    /** A registered loader and what it is. */
    public record Entry(String name, String description, Function<DatasetOptions, DomainDataset> loader) {}

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        register("synthetic", "generated, 4 domains × 1,000 examples, 5 classes, 16 features (the default; no files)",
                o -> SyntheticDataset.standard());
        register("debug", "generated, 3 domains × 60 examples, 3 classes, 6 features (for tests)",
                o -> SyntheticDataset.debug());
        register(RotatedFashionMnist.NAME, "Fashion-MNIST in 6 domains rotated 0°–75° (Debian dataset-fashion-mnist or --data-dir)",
                RotatedFashionMnist::load);
        register("imagefolder", "images in --data-dir/<domain>/<class>/<image> (PACS, VLCS, OfficeHome, TerraIncognita, DomainNet)",
                ImageFolderDataset::load);
        register("features", "precomputed features, one <domain>.npz/.npy/.csv per domain in --data-dir",
                FeatureFilesDataset::load);
    }

    private Datasets() {}

    private static void register(String name, String description, Function<DatasetOptions, DomainDataset> loader) {
        REGISTRY.put(name, new Entry(name, description, loader));
    }

    /** Registered names, default first. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static List<Entry> entries() {
        return List.copyOf(REGISTRY.values());
    }

    /** Loads (or generates) the named dataset with default options. */
    public static DomainDataset load(String name) {
        return load(name, DatasetOptions.defaults());
    }

    public static DomainDataset load(String name, DatasetOptions options) {
        return entry(name).loader().apply(options);
    }

    /** The registry entry for {@code name}; unknown names get an error listing the valid ones. */
    public static Entry entry(String name) {
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown dataset '" + name + "'; valid datasets: " + String.join(", ", names()));
        }
        return entry;
    }
}
