package org.mldgbench.core.hparams;

import java.util.List;

/**
 * Hyper-parameters every gradient-trained algorithm shares: the optimiser and the batch size.
 * Defaults start from the official MLDG code (SGD, momentum 0.9, weight decay 5e-5, 64 examples
 * per domain) with the learning rate raised from its 5e-4 (tuned there for fine-tuning a
 * pre-trained network for thousands of steps) to one that trains the from-scratch networks of the
 * default sweeps stably within a few hundred steps.
 */
public final class TrainingHParams {

    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "lr";
    public static final String MOMENTUM = "momentum";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String BATCH_SIZE = "batch_size";

    private TrainingHParams() {}

    public static List<HParam> shared() {
        return List.of(
                HParam.categorical(OPTIMIZER, "sgd", List.of("sgd", "adam"), new Distribution.Fixed("sgd"),
                        "SGD with momentum as in the official MLDG code; Adam is available for new datasets."),
                HParam.real(LEARNING_RATE, 0.05, new Distribution.LogUniform(0.005, 0.2), Range.leftOpen(0, 10),
                        "Official MLDG uses 5e-4 for fine-tuning; from scratch on the default sweep 0.05 "
                                + "reaches a plateau within the step budget for every algorithm without divergence."),
                HParam.real(MOMENTUM, 0.9, new Distribution.Fixed(0.9), new Range(0, true, 1, false),
                        "Official MLDG value."),
                HParam.real(WEIGHT_DECAY, 5e-5, new Distribution.LogUniform(1e-6, 1e-3), Range.closed(0, 1),
                        "Official MLDG value."),
                HParam.integer(BATCH_SIZE, 64, new Distribution.Choice(List.of(32, 64, 128)), Range.closed(1, 1 << 16),
                        "Examples per source domain per step, as in the official MLDG code."));
    }
}
