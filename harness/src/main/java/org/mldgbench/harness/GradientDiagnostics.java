package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Does the second-order term matter along training? Summarises, per algorithm and step, the
 * diagnostics MLDG runs record at each checkpoint: {@code grad_rel_diff = ‖∇L − ∇L₁‖ / ‖∇L‖} and
 * {@code grad_cosine = cos(∇L, ∇L₁)} (mean and standard error over runs).
 */
record GradientDiagnostics(String dataset, List<GradientDiagnostics.Row> rows) {

    static final String REL_DIFF = "grad_rel_diff";
    static final String COSINE = "grad_cosine";

    record Row(String algorithm, int step, Leaderboard.Cell relativeDifference, Leaderboard.Cell cosine) {}

    static GradientDiagnostics of(String dataset, List<RunRecords.FinishedRun> runs) {
        var values = new TreeMap<String, TreeMap<Integer, List<double[]>>>();
        for (RunRecords.FinishedRun r : runs) {
            if (!r.spec().spec().validationDomain().isEmpty()) {
                continue;
            }
            for (RunRecords.Checkpoint c : r.checkpoints()) {
                Map<String, Double> d = c.diagnostics();
                if (d != null && d.containsKey(REL_DIFF) && d.containsKey(COSINE)) {
                    values.computeIfAbsent(r.spec().spec().algorithm(), a -> new TreeMap<>())
                            .computeIfAbsent(c.step(), s -> new ArrayList<>())
                            .add(new double[] {d.get(REL_DIFF), d.get(COSINE)});
                }
            }
        }
        var rows = new ArrayList<Row>();
        values.forEach((algorithm, bySteps) -> bySteps.forEach((step, list) -> rows.add(new Row(algorithm, step,
                Leaderboard.Cell.of(list.stream().map(v -> v[0]).toList()),
                Leaderboard.Cell.of(list.stream().map(v -> v[1]).toList())))));
        return new GradientDiagnostics(dataset, rows);
    }

    String toCsv() {
        var cells = new ArrayList<List<String>>();
        for (Row r : rows) {
            cells.add(List.of(r.algorithm(), Integer.toString(r.step()), Integer.toString(r.relativeDifference().n()),
                    num(r.relativeDifference().mean()), num(r.relativeDifference().standardError()),
                    num(r.cosine().mean()), num(r.cosine().standardError())));
        }
        return Tables.csv(List.of("algorithm", "step", "runs", "grad_rel_diff_mean", "grad_rel_diff_se",
                "grad_cosine_mean", "grad_cosine_se"), cells);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    void writeCsv(Path file) {
        RunStore.writeAtomically(file, toCsv());
    }

    /** One line per algorithm: the diagnostics averaged over every recorded step. */
    String summary() {
        var sb = new StringBuilder(String.format(Locale.ROOT,
                "Second-order term — %s: ‖∇L − ∇L₁‖/‖∇L‖ and cos(∇L, ∇L₁), mean over checkpoints and runs%n", dataset));
        var byAlgorithm = new TreeMap<String, double[]>();
        for (Row r : rows) {
            double[] acc = byAlgorithm.computeIfAbsent(r.algorithm(), a -> new double[3]);
            acc[0] += r.relativeDifference().mean() * r.relativeDifference().n();
            acc[1] += r.cosine().mean() * r.cosine().n();
            acc[2] += r.relativeDifference().n();
        }
        byAlgorithm.forEach((a, acc) -> sb.append(String.format(Locale.ROOT,
                "  %-8s relative difference %.4f, cosine %.4f (%d measurements)%n", a, acc[0] / acc[2], acc[1] / acc[2], (int) acc[2])));
        return sb.toString();
    }
}
