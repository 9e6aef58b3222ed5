package org.mldgbench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Held-out-domain accuracy per algorithm and held-out domain, computed from run records only.
 *
 * <p>For each (algorithm, held-out domain) the selection method picks a checkpoint in every run
 * and, when several hyper-parameter trials exist, the trial with the best mean validation score
 * over seeds (DomainBed's protocol). Cells are mean ± standard error over seeds of the selected
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

    static Leaderboard compute(String dataset, List<String> algorithmOrder,
                               List<RunRecords.FinishedRun> allRuns, ModelSelection selection) {
        var runs = allRuns.stream().filter(r -> r.spec().spec().dataset().equals(dataset)).toList();
        List<String> domainOrder = runs.isEmpty() ? List.of() : runs.get(0).spec().spec().datasetDomains();
        List<String> domains = domainOrder.stream()
                .filter(d -> runs.stream().anyMatch(r -> r.spec().spec().testDomain().equals(d))).toList();
        var rows = new ArrayList<Row>();
        for (String algorithm : algorithmOrder) {
            var mine = runs.stream().filter(r -> r.spec().spec().algorithm().equals(algorithm)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            int diverged = (int) mine.stream().filter(r -> !r.done().status().equals(RunRecords.Done.OK)).count();
            var byDomain = new LinkedHashMap<String, Cell>();
            var perSeed = new TreeMap<Integer, Map<String, Double>>();
            for (String domain : domains) {
                Map<Integer, Double> heldOutBySeed = selectTrial(
                        mine.stream().filter(r -> r.spec().spec().testDomain().equals(domain)).toList(), selection);
                byDomain.put(domain, Cell.of(new ArrayList<>(heldOutBySeed.values())));
                heldOutBySeed.forEach((seed, acc) -> perSeed.computeIfAbsent(seed, s -> new LinkedHashMap<>()).put(domain, acc));
            }
            var averages = new ArrayList<Double>();
            for (Map<String, Double> seedValues : perSeed.values()) {
                if (seedValues.size() == domains.size()) {
                    averages.add(seedValues.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                }
            }
            rows.add(new Row(algorithm, byDomain, Cell.of(averages), mine.size(), diverged));
        }
        return new Leaderboard(dataset, selection.name(), domains, rows);
    }

    /**
     * Held-out accuracy by seed for the best hyper-parameter trial: the trial whose finished runs
     * have the highest mean selected validation score. Diverged runs are left out.
     */
    private static Map<Integer, Double> selectTrial(List<RunRecords.FinishedRun> runs, ModelSelection selection) {
        var byTrial = new TreeMap<Integer, Map<Integer, RunRecords.Checkpoint>>();
        for (RunRecords.FinishedRun r : runs) {
            if (!r.done().status().equals(RunRecords.Done.OK)) {
                continue;
            }
            RunRecords.Checkpoint c = selection.select(r.checkpoints());
            if (c != null) {
                byTrial.computeIfAbsent(r.spec().spec().hparamTrial(), t -> new TreeMap<>()).put(r.spec().spec().seed(), c);
            }
        }
        Map<Integer, RunRecords.Checkpoint> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map<Integer, RunRecords.Checkpoint> trial : byTrial.values()) {
            double score = trial.values().stream().mapToDouble(selection::score).average().orElse(Double.NaN);
            if (score > bestScore) {
                bestScore = score;
                best = trial;
            }
        }
        var out = new TreeMap<Integer, Double>();
        if (best != null) {
            best.forEach((seed, c) -> out.put(seed, c.heldOutAccuracy()));
        }
        return out;
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

    /** The leaderboard as CSV text (header row, then one row per algorithm). */
    String toCsv() {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header());
            for (List<String> line : cells()) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    void writeCsv(Path file) {
        RunStore.writeAtomically(file, toCsv());
    }

    /** An aligned plain-text table for the terminal. */
    String toTable() {
        var all = new ArrayList<List<String>>();
        all.add(header());
        all.addAll(cells());
        int[] width = new int[header().size()];
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Held-out-domain accuracy (%%), mean ± standard error over seeds — %s, %s selection%n",
                dataset, selection));
        for (int li = 0; li < all.size(); li++) {
            List<String> line = all.get(li);
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                sb.append(i == 0 ? String.format("%-" + width[i] + "s", cell) : String.format("  %" + width[i] + "s", cell));
            }
            sb.append(System.lineSeparator());
            if (li == 0) {
                sb.append("-".repeat(java.util.Arrays.stream(width).sum() + 2 * (width.length - 1))).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
