package org.mldgbench.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mldgbench.core.AlgorithmRegistry;

/** Turns run records into leaderboards: one per dataset found, written as CSV and printed. */
final class Collect {

    private Collect() {}

    static List<Leaderboard> leaderboards(RunStore store, AlgorithmRegistry registry, Path out, PrintWriter log) {
        List<RunRecords.FinishedRun> runs = store.readFinished();
        var datasets = new TreeSet<String>();
        runs.forEach(r -> datasets.add(r.spec().spec().dataset()));
        var boards = new ArrayList<Leaderboard>();
        var selection = new ModelSelection.TrainingDomainValidation();
        for (String dataset : datasets) {
            Leaderboard board = Leaderboard.compute(dataset, registry.names(), runs, selection);
            Path csv = out.resolve("leaderboard-" + dataset + "-" + board.selection() + ".csv");
            board.writeCsv(csv);
            log.print(board.toTable());
            log.println("Leaderboard written to " + csv);
            log.println();
            boards.add(board);
            log.flush();
        }
        return boards;
    }
}
