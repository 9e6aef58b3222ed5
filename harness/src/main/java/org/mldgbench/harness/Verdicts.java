package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's answers, per dataset and selection method: paired differences of
 * {@code mldg-so − mldg-fo} (does the second-order term matter?) and of every other algorithm
 * {@code − erm} (does it beat source-only training?), over matched (held-out domain, seed) pairs.
 */
record Verdicts(String dataset, String selection, List<Verdicts.Row> rows) {

    /** Equivalence margin, in accuracy points. */
    static final double MARGIN = 1.0;

    record Row(String algorithm, String baseline, PairedComparison comparison) {}

    static Verdicts of(SelectedResults results) {
        var rows = new ArrayList<Row>();
        if (results.algorithms().contains("mldg-so") && results.algorithms().contains("mldg-fo")) {
            rows.add(compare(results, "mldg-so", "mldg-fo"));
        }
        if (results.algorithms().contains("erm")) {
            for (String algorithm : results.algorithms()) {
                if (!algorithm.equals("erm")) {
                    rows.add(compare(results, algorithm, "erm"));
                }
            }
        }
        return new Verdicts(results.dataset(), results.selection().name(), rows);
    }

    private static Row compare(SelectedResults results, String algorithm, String baseline) {
        var diffs = new ArrayList<Double>();
        for (String domain : results.domains()) {
            Map<Integer, Double> a = results.heldOut().get(algorithm).get(domain);
            Map<Integer, Double> b = results.heldOut().get(baseline).get(domain);
            a.forEach((seed, acc) -> {
                Double base = b.get(seed);
                if (base != null) {
                    diffs.add(100 * (acc - base));
                }
            });
        }
        double[] d = diffs.stream().mapToDouble(Double::doubleValue).toArray();
        return new Row(algorithm, baseline, PairedComparison.of(d, MARGIN));
    }

    static final List<String> HEADER = List.of("comparison", "pairs", "mean_difference", "ci95_low", "ci95_high",
            "p_value", "tost_p_value", "margin", "verdict");

    private List<List<String>> cells() {
        var out = new ArrayList<List<String>>();
        for (Row r : rows) {
            PairedComparison c = r.comparison();
            out.add(List.of(r.algorithm() + " − " + r.baseline(), Integer.toString(c.pairs()), num(c.meanDifference(), 2),
                    num(c.ciLow(), 2), num(c.ciHigh(), 2), num(c.pValue(), 4), num(c.tostPValue(), 4),
                    num(c.margin(), 1), c.verdict()));
        }
        return out;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    String toCsv() {
        return Tables.csv(HEADER, cells());
    }

    void writeCsv(Path file) {
        RunStore.writeAtomically(file, toCsv());
    }

    String toTable() {
        var sb = new StringBuilder(String.format(Locale.ROOT,
                "Paired differences in held-out accuracy (points; pairs = held-out domain × seed), 95%% CI, equivalence margin ±%.0f — %s, %s selection%n",
                MARGIN, dataset, selection));
        sb.append(Tables.render(HEADER, cells()));
        return sb.toString();
    }
}
