package org.mldgbench.datasets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A dataset made of named domains that share one label space. This is the only contract the
 * harness sees; loaders for synthetic data, image folders or feature files all implement it.
 */
public interface DomainDataset {

    /** Registry name, e.g. {@code synthetic}. */
    String name();

    /** The domains, in a fixed documented order. */
    List<Domain> domains();

    /** Number of classes; labels are {@code 0 .. numClasses()-1}. */
    int numClasses();

    /** Shape of one example, e.g. {@code {16}} for feature vectors or {@code {1, 28, 28}}. */
    int[] inputShape();

    /**
     * SHA-256 (hex) over the dataset's content, recorded in every run's provenance so a result can
     * be tied to the exact data it was computed on.
     */
    String checksum();

    /** Class names, index = label. By default {@code "0" .. "K-1"}. */
    default List<String> classNames() {
        return java.util.stream.IntStream.range(0, numClasses()).mapToObj(Integer::toString).toList();
    }

    /** Facts worth reporting about the data as loaded (missing classes, skipped files, …). */
    default List<String> notes() {
        return List.of();
    }

    /** Domain names in order. */
    default List<String> domainNames() {
        return domains().stream().map(Domain::name).collect(Collectors.toList());
    }

    /** Looks a domain up by name; unknown names get an error that lists the valid ones. */
    default Domain domain(String domainName) {
        for (Domain d : domains()) {
            if (d.name().equals(domainName)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "dataset '" + name() + "' has no domain '" + domainName + "'; valid domains: "
                        + String.join(", ", domainNames()));
    }
}
