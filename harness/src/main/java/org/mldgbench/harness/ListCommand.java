package org.mldgbench.harness;

import java.util.List;
import java.util.concurrent.Callable;
import org.mldgbench.baselines.AllAlgorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List algorithms (with hyper-parameter defaults and search ranges) and datasets.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(Listing.render(AllAlgorithms.REGISTRY));
        out.flush();
        return 0;
    }
}
