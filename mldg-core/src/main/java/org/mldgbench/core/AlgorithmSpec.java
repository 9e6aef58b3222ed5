package org.mldgbench.core;

import org.mldgbench.core.hparams.HParamSpace;

/** A registered algorithm: name, one-line description, hyper-parameter space, constructor. */
public record AlgorithmSpec(String name, String description, HParamSpace hparams, Factory factory) {

    /** Builds an algorithm from validated hyper-parameters. */
    @FunctionalInterface
    public interface Factory {
        Algorithm create(TrainingSetup setup);
    }
}
