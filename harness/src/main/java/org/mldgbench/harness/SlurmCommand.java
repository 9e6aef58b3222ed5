package org.mldgbench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mldgbench.baselines.AllAlgorithms;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Write a Slurm job-array script for a sweep (one array task per shard) and the collect step "
                + "that runs after it, plus submit.sh to queue both.")
final class SlurmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--shards", required = true, description = "Number of array tasks (shards).")
    int shards;

    @Option(names = "--script-dir", defaultValue = "slurm", description = "Where to write the scripts. Default: ${DEFAULT-VALUE}.")
    Path scriptDir;

    @Option(names = "--partition", description = "Slurm partition.")
    String partition;

    @Option(names = "--time", defaultValue = "04:00:00", description = "Wall time per shard. Default: ${DEFAULT-VALUE}.")
    String time;

    @Option(names = "--cpus-per-task", defaultValue = "2", description = "CPUs per shard. Default: ${DEFAULT-VALUE}.")
    int cpus;

    @Option(names = "--mem", defaultValue = "8G", description = "Memory per shard. Default: ${DEFAULT-VALUE}.")
    String mem;

    @Option(names = "--gpus-per-task", defaultValue = "0", description = "GPUs per shard. Default: ${DEFAULT-VALUE}.")
    int gpus;

    @CommandLine.Parameters(paramLabel = "SWEEP_OPTION",
            description = "The sweep's options, after --, e.g. -- --dataset rotated-fashion-mnist --seeds 5 --out /shared/results")
    List<String> sweepArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        // Parse (and validate) the sweep options exactly as the array tasks will.
        var parsed = new SweepOptions();
        new CommandLine(parsed).parseArgs(sweepArgs.toArray(new String[0]));
        if (parsed.shard != null) {
            throw new IllegalArgumentException("do not pass --shard to slurm: each array task gets its own");
        }
        var sweep = new Sweep(AllAlgorithms.REGISTRY, spec.commandLine().getOut(), true);
        List<RunSpec> runs = parsed.toPlans(spec.commandLine().getErr()).stream()
                .flatMap(plan -> sweep.specs(plan).stream()).toList();
        var script = new SlurmScripts(shards, partition, time, cpus, mem, gpus, sweepArgs, parsed.out);
        script.write(scriptDir);
        var out = spec.commandLine().getOut();
        out.printf("%d runs in %d shards (about %d each). Wrote %s, %s and %s.%nSubmit with: bash %s%n",
                runs.size(), shards, (runs.size() + shards - 1) / shards,
                scriptDir.resolve(SlurmScripts.SWEEP), scriptDir.resolve(SlurmScripts.COLLECT),
                scriptDir.resolve(SlurmScripts.SUBMIT), scriptDir.resolve(SlurmScripts.SUBMIT));
        out.flush();
        return 0;
    }
}
