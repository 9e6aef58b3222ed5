package org.mldgbench.harness;

import java.util.concurrent.Callable;
import org.mldgbench.baselines.AllAlgorithms;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train every (held-out domain × seed × algorithm × trial) run not yet done, then collect.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SweepOptions options = new SweepOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress; print only the final tables.")
    boolean quiet;

    @Override
    public Integer call() {
        var plans = options.toPlans(spec.commandLine().getErr());
        new Sweep(AllAlgorithms.REGISTRY, spec.commandLine().getOut(), quiet).run(plans);
        return 0;
    }
}
