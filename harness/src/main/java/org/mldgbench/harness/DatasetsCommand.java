package org.mldgbench.harness;

import java.util.List;
import java.util.concurrent.Callable;
import org.mldgbench.datasets.Datasets;
import org.mldgbench.datasets.DomainDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets, or load one and print its summary: domains, classes, input shape, "
                + "per-domain example counts and SHA-256.")
final class DatasetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "NAME", description = "Dataset to summarise.")
    String name;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (name == null) {
            for (Datasets.Entry e : Datasets.entries()) {
                out.printf("%-22s %s%n", e.name(), e.description());
            }
            out.flush();
            return 0;
        }
        long start = System.nanoTime();
        DomainDataset d = Datasets.load(name, data.toOptions(0, spec.commandLine().getErr()));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.print(DatasetSummary.of(d, seconds));
        out.flush();
        return 0;
    }
}
