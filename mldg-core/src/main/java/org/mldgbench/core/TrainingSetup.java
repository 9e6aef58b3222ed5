package org.mldgbench.core;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.nn.Network;

/**
 * Everything an algorithm needs to be constructed.
 *
 * @param initSeed seed of the initial weights; the harness gives every algorithm the same one for
 *     a given (dataset, held-out domain, seed) so paired differences measure the algorithm
 * @param algorithmSeed seed of the algorithm's own randomness (e.g. MLDG's meta-test draws)
 */
public record TrainingSetup(
        Network network,
        int numSourceDomains,
        HParams hparams,
        long initSeed,
        long algorithmSeed,
        Device device,
        DataType dataType) {}
