package org.mldgbench.core;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.hparams.TrainingHParams;

/** Builds DJL optimisers from hyper-parameters; updates go through {@code Optimizer.update}. */
public final class Optimizers {

    private Optimizers() {}

    public static Optimizer create(HParams h) {
        float lr = (float) h.real(TrainingHParams.LEARNING_RATE);
        float wd = (float) h.real(TrainingHParams.WEIGHT_DECAY);
        return switch (h.text(TrainingHParams.OPTIMIZER)) {
            case "sgd" -> Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed(lr))
                    .optMomentum((float) h.real(TrainingHParams.MOMENTUM))
                    .optWeightDecays(wd)
                    .build();
            case "adam" -> Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(lr))
                    .optWeightDecays(wd)
                    .build();
            default -> throw new IllegalArgumentException(
                    "hyper-parameter 'optimizer' must be sgd or adam, got " + h.text(TrainingHParams.OPTIMIZER));
        };
    }
}
