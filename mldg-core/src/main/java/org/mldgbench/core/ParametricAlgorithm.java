package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;

/**
 * Plumbing shared by algorithms that train a {@link Network} with a DJL optimiser: the long-lived
 * manager that owns the parameters and optimiser state, per-step scopes, and prediction.
 *
 * <p>Memory discipline (DESIGN.md): an NDArray op attaches its result to its first operand's
 * manager, so nothing is ever computed directly on the long-lived parameters. Steps work on
 * {@link ParamSet#leaves leaves} in a step scope, and prediction on views in a call scope.
 */
public abstract class ParametricAlgorithm implements Algorithm {

    protected final Network network;
    protected final HParams hparams;
    protected final DataType dataType;
    protected final int numSourceDomains;
    private final NDManager manager;
    private final ParamSet params;
    private final Optimizer optimizer;

    protected ParametricAlgorithm(TrainingSetup setup) {
        this.network = setup.network();
        this.hparams = setup.hparams();
        this.dataType = setup.dataType();
        this.numSourceDomains = setup.numSourceDomains();
        this.manager = NDManager.newBaseManager(setup.device());
        this.params = ParamSet.initialize(network, setup.initSeed(), dataType, manager);
        this.optimizer = Optimizers.create(hparams);
    }

    /** A scope for one step; close it (try-with-resources) to free everything the step made. */
    protected NDManager newStepScope() {
        return manager.newSubManager();
    }

    /** Checks that there is one batch per source domain. */
    protected void requireOneBatchPerSource(List<DomainBatch> batches) {
        if (batches.size() != numSourceDomains) {
            throw new IllegalArgumentException(
                    "expected one batch for each of the " + numSourceDomains + " source domains, got " + batches.size());
        }
    }

    /**
     * Applies {@code gradient} to the parameters with the optimiser. Must be called with gradient
     * recording off (after the {@code GradientCollector} is closed): PyTorch refuses in-place
     * updates of tensors that take part in a recorded graph.
     */
    protected void applyGradient(ParamSet gradient) {
        for (String name : params.names()) {
            optimizer.update(name, params.get(name), gradient.get(name));
        }
    }

    /** A scalar tensor as a double. */
    protected static double scalar(NDArray t) {
        return t.toType(DataType.FLOAT64, false).getDouble();
    }

    @Override
    public NDArray predict(NDArray x) {
        NDManager caller = x.getManager();
        try (NDManager scope = caller.newSubManager()) {
            // A new handle (never x itself) so closing the scope leaves the caller's x intact.
            NDArray input = x.getDataType() == dataType ? x.stopGradient() : x.toType(dataType, false);
            input.attach(scope);
            NDArray logits = network.forward(params.views(scope), input);
            logits.attach(caller);
            return logits;
        }
    }

    @Override
    public ParamSet parameters() {
        return params;
    }

    @Override
    public void close() {
        manager.close();
    }
}
