package org.mldgbench.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mldgbench.core.AlgorithmRegistry;

/**
 * {@code collect}: turns run records into every derived output, and never trains. Per dataset
 * found under {@code runs/}: for each applicable model-selection method a leaderboard and a
 * verdicts CSV (printed as tables too); the second-order gradient diagnostics; and PNG plots.
 */
final class Collect {

    private Collect() {}

    /** Writes everything under {@code out} and returns the leaderboards (training-domain validation first). */
    static List<Leaderboard> run(List<RunRecords.FinishedRun> runs, AlgorithmRegistry registry, Path out, PrintWriter log) {
        var datasets = new TreeSet<String>();
        runs.forEach(r -> datasets.add(r.spec().spec().dataset()));
        var boards = new ArrayList<Leaderboard>();
        for (String dataset : datasets) {
            var mine = runs.stream().filter(r -> r.spec().spec().dataset().equals(dataset)).toList();
            var validationRuns = mine.stream().filter(r -> !r.spec().spec().validationDomain().isEmpty()).toList();
            for (ModelSelection selection : ModelSelection.all()) {
                if (!selection.applicable(validationRuns)) {
                    continue;
                }
                SelectedResults results = SelectedResults.compute(dataset, registry.names(), mine, selection);
                Leaderboard board = Leaderboard.of(results);
                Verdicts verdicts = Verdicts.of(results);
                String stem = dataset + "-" + selection.name();
                board.writeCsv(out.resolve("leaderboard-" + stem + ".csv"));
                verdicts.writeCsv(out.resolve("verdicts-" + stem + ".csv"));
                Plots.leaderboard(board, out.resolve("plots").resolve(stem + "-leaderboard.png"));
                Plots.differences(results, out.resolve("plots").resolve(stem + "-differences.png"));
                log.print(board.toTable());
                log.println();
                log.print(verdicts.toTable());
                log.println();
                boards.add(board);
            }
            GradientDiagnostics diagnostics = GradientDiagnostics.of(dataset, mine);
            if (!diagnostics.rows().isEmpty()) {
                diagnostics.writeCsv(out.resolve("gradient-diagnostics-" + dataset + ".csv"));
                Plots.diagnostics(diagnostics, out.resolve("plots").resolve(dataset + "-gradient-diagnostics.png"));
                log.print(diagnostics.summary());
                log.println();
            }
        }
        log.println("Leaderboards, verdicts, diagnostics and plots written to " + out);
        log.flush();
        return boards;
    }
}
