package org.mldgbench.harness;

import java.util.Arrays;
import java.util.Locale;
import org.mldgbench.datasets.Domain;
import org.mldgbench.datasets.DomainDataset;

/** The human-readable summary printed by {@code datasets NAME}. */
final class DatasetSummary {

    private DatasetSummary() {}

    static String of(DomainDataset d, double loadSeconds) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "dataset      %s%n", d.name()));
        sb.append(String.format(Locale.ROOT, "sha256       %s%n", d.checksum()));
        sb.append(String.format(Locale.ROOT, "input shape  %s%n", Arrays.toString(d.inputShape())));
        sb.append(String.format(Locale.ROOT, "classes      %d: %s%n", d.numClasses(), String.join(", ", d.classNames())));
        sb.append(String.format(Locale.ROOT, "domains      %d%n", d.domains().size()));
        long total = 0;
        for (Domain domain : d.domains()) {
            int[] counts = domain.examples().classCounts(d.numClasses());
            sb.append(String.format(Locale.ROOT, "  %-16s %8d examples; per class %s%n",
                    domain.name(), domain.examples().size(), Arrays.toString(counts)));
            total += domain.examples().size();
        }
        sb.append(String.format(Locale.ROOT, "total        %d examples, loaded in %.2f s%n", total, loadSeconds));
        for (String note : d.notes()) {
            sb.append("note         ").append(note).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
