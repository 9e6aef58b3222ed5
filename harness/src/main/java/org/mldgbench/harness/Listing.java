package org.mldgbench.harness;

import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.core.AlgorithmSpec;
import org.mldgbench.core.hparams.HParam;
import org.mldgbench.datasets.Datasets;

/** The text of {@code list}: every algorithm with its hyper-parameters, then every dataset. */
final class Listing {

    private Listing() {}

    static String render(AlgorithmRegistry registry) {
        var sb = new StringBuilder("Algorithms\n");
        for (AlgorithmSpec a : registry.specs()) {
            sb.append(String.format("%n  %s — %s%n", a.name(), a.description()));
            sb.append(String.format("    %-18s %-10s %-34s %-18s %s%n", "hyper-parameter", "default", "random search", "allowed", "why"));
            for (HParam p : a.hparams().params()) {
                String allowed = p.allowed() != null ? p.allowed().toString() : String.join("|", p.choices());
                sb.append(String.format("    %-18s %-10s %-34s %-18s %s%n", p.name(), p.defaultValue(), p.search(), allowed, p.why()));
            }
        }
        sb.append("\nDatasets\n");
        for (Datasets.Entry e : Datasets.entries()) {
            sb.append(String.format("  %-22s %s%n", e.name(), e.description()));
        }
        return sb.toString();
    }
}
