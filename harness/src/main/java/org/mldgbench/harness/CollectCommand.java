package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mldgbench.baselines.AllAlgorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Recompute leaderboards, verdicts, gradient diagnostics and plots from the run records "
                + "under a directory (never trains).")
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "results",
            description = "Directory holding runs/; outputs are written there. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() {
        var store = new RunStore(out);
        var runs = store.readFinished();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no finished runs under " + store.runsDir());
        }
        Collect.run(runs, AllAlgorithms.REGISTRY, out, spec.commandLine().getOut());
        return 0;
    }
}
