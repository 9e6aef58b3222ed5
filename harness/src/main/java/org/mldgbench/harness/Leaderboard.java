package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out-domain accuracy per algorithm and held-out domain, computed from run records only
 * ({@link SelectedResults}). Cells are mean ± standard error over seeds of the selected
 * checkpoints' held-out accuracy; the average column averages over held-out domains within each
 * seed first, then takes mean ± standard error over seeds. Diverged runs are counted, not scored.
 */
record Leaderboard(String dataset, String selection, List<String> domains, List<Row> rows) {

    /** Mean ± standard error over {@code n} values (standard error is NaN for n < 2). */
    record Cell(double mean, double standardError, int n) {
        static Cell of(List<Double> values) {
            int n = values.size();
            if (n == 0) {
                return new Cell(Double.NaN, Double.NaN, 0);
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
            if (n < 2) {
                return new Cell(mean, Double.NaN, 1);
            }
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Cell(mean, Math.sqrt(ss / (n - 1) / n), n);
        }

        /** Percent with one decimal: {@code 71.3 ± 0.8}. */
        String format() {
            if (n == 0) {
                return "–";
            }
            String se = Double.isNaN(standardError) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * standardError);
            return String.format(Locale.ROOT, "%.1f ± %s", 100 * mean, se);
        }
    }

    record Row(String algorithm, Map<String, Cell> byDomain, Cell average, int runs, int diverged) {}

    /** The leaderboard of one selection method's results. */
    static Leaderboard of(SelectedResults results) {
        var rows = new ArrayList<Row>();
        for (String algorithm : results.algorithms()) {
            var byDomain = new LinkedHashMap<String, Cell>();
            var perSeed = new TreeMap<Integer, Map<String, Double>>();
            for (String domain : results.domains()) {
                Map<Integer, Double> bySeed = results.heldOut().get(algorithm).get(domain);
                byDomain.put(domain, Cell.of(new ArrayList<>(bySeed.values())));
                bySeed.forEach((seed, acc) -> perSeed.computeIfAbsent(seed, s -> new LinkedHashMap<>()).put(domain, acc));
            }
            var averages = new ArrayList<Double>();
            for (Map<String, Double> seedValues : perSeed.values()) {
                if (seedValues.size() == results.domains().size()) {
                    averages.add(seedValues.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                }
            }
            rows.add(new Row(algorithm, byDomain, Cell.of(averages),
                    results.runs().get(algorithm), results.diverged().get(algorithm)));
        }
        return new Leaderboard(results.dataset(), results.selection().name(), results.domains(), rows);
    }

    List<String> header() {
        var h = new ArrayList<String>();
        h.add("algorithm");
        h.addAll(domains);
        h.add("average");
        h.add("runs");
        h.add("diverged");
        return h;
    }

    private List<List<String>> cells() {
        var out = new ArrayList<List<String>>();
        for (Row r : rows) {
            var line = new ArrayList<String>();
            line.add(r.algorithm());
            for (String d : domains) {
                line.add(r.byDomain().get(d).format());
            }
            line.add(r.average().format());
            line.add(Integer.toString(r.runs()));
            line.add(Integer.toString(r.diverged()));
            out.add(line);
        }
        return out;
    }

    String toCsv() {
        return Tables.csv(header(), cells());
    }

    void writeCsv(Path file) {
        RunStore.writeAtomically(file, toCsv());
    }

    /** An aligned plain-text table for the terminal. */
    String toTable() {
        return String.format(Locale.ROOT, "Held-out-domain accuracy (%%), mean ± standard error over seeds — %s, %s selection%n",
                dataset, selection) + Tables.render(header(), cells());
    }
}
