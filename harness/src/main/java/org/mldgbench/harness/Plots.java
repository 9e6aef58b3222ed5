package org.mldgbench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** PNG plots of collected results (XChart, rendered headless). */
final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {}

    /** Bars of mean held-out accuracy per held-out domain and algorithm, with standard-error bars. */
    static void leaderboard(Leaderboard board, Path file) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Held-out accuracy — " + board.dataset() + " (" + board.selection() + ")")
                .xAxisTitle("held-out domain").yAxisTitle("accuracy (%)").build();
        var categories = new ArrayList<>(board.domains());
        categories.add("average");
        for (Leaderboard.Row row : board.rows()) {
            var means = new ArrayList<Double>();
            var errors = new ArrayList<Double>();
            for (String d : board.domains()) {
                add(row.byDomain().get(d), means, errors);
            }
            add(row.average(), means, errors);
            chart.addSeries(row.algorithm(), categories, means, errors);
        }
        save(chart, file);
    }

    private static void add(Leaderboard.Cell cell, List<Double> means, List<Double> errors) {
        means.add(cell.n() == 0 ? 0.0 : 100 * cell.mean());
        errors.add(Double.isNaN(cell.standardError()) ? 0.0 : 100 * cell.standardError());
    }

    /** Paired differences per held-out domain: mldg-so − mldg-fo, and every algorithm − erm. */
    static void differences(SelectedResults results, Path file) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Paired differences (points) — " + results.dataset() + " (" + results.selection().name() + ")")
                .xAxisTitle("held-out domain").yAxisTitle("difference in accuracy (points)").build();
        int series = 0;
        for (Verdicts.Row row : Verdicts.of(results).rows()) {
            var means = new ArrayList<Double>();
            var errors = new ArrayList<Double>();
            for (String domain : results.domains()) {
                Map<Integer, Double> a = results.heldOut().get(row.algorithm()).get(domain);
                Map<Integer, Double> b = results.heldOut().get(row.baseline()).get(domain);
                var diffs = new ArrayList<Double>();
                a.forEach((seed, acc) -> {
                    if (b.containsKey(seed)) {
                        diffs.add(acc - b.get(seed));
                    }
                });
                add(Leaderboard.Cell.of(diffs), means, errors);
            }
            chart.addSeries(row.algorithm() + " − " + row.baseline(), results.domains(), means, errors);
            series++;
        }
        if (series > 0) {
            save(chart, file);
        }
    }

    /** The relative difference and cosine between exact and first-order meta gradients over training. */
    static void diagnostics(GradientDiagnostics d, Path file) {
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("Second-order term over training — " + d.dataset())
                .xAxisTitle("step").yAxisTitle("value").build();
        var algorithms = d.rows().stream().map(GradientDiagnostics.Row::algorithm).distinct().toList();
        for (String a : algorithms) {
            var rows = d.rows().stream().filter(r -> r.algorithm().equals(a)).toList();
            var steps = rows.stream().map(r -> (double) r.step()).toList();
            chart.addSeries(a + " ‖∇L−∇L₁‖/‖∇L‖", steps, rows.stream().map(r -> r.relativeDifference().mean()).toList());
            chart.addSeries(a + " cos(∇L, ∇L₁)", steps, rows.stream().map(r -> r.cosine().mean()).toList());
        }
        save(chart, file);
    }

    private static void save(Chart<?, ?> chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }
}
