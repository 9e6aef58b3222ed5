package org.mldgbench.harness;

import java.nio.file.Path;
import org.mldgbench.datasets.DatasetOptions;
import picocli.CommandLine.Option;

/** Options that say where a dataset's files are and how to load them. */
final class DataOptions {
    @Option(names = "--data-dir", description = "Directory of the dataset's files (rotated-fashion-mnist: default "
            + "/usr/share/datasets/fashion-mnist; required for imagefolder and features).")
    Path dataDir;

    @Option(names = "--max-per-domain",
            description = "Keep at most N examples per domain (0 = all). Default: the preset's.")
    Integer maxPerDomain;

    @Option(names = "--image-size", defaultValue = "" + DatasetOptions.DEFAULT_IMAGE_SIZE,
            description = "imagefolder: resize images to N×N RGB. Default: ${DEFAULT-VALUE}.")
    int imageSize;

    @Option(names = "--cache-dir", description = "Where decoded images are cached. Default: ~/.cache/mldg-bench.")
    Path cacheDir;

    DatasetOptions toOptions(int defaultMaxPerDomain, java.io.PrintWriter warnings) {
        var o = DatasetOptions.defaults().withDataDir(dataDir)
                .withMaxPerDomain(maxPerDomain != null ? maxPerDomain : defaultMaxPerDomain).withImageSize(imageSize)
                .withWarnings(line -> {
                    warnings.println("warning: " + line);
                    warnings.flush();
                });
        return cacheDir == null ? o : o.withCacheDir(cacheDir);
    }
}
