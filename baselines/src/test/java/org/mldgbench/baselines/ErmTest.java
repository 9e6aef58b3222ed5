package org.mldgbench.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mldgbench.core.Algorithm;
import org.mldgbench.core.Devices;
import org.mldgbench.core.DomainBatch;
import org.mldgbench.core.TrainingSetup;
import org.mldgbench.core.hparams.HParams;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;
import org.mldgbench.core.nn.SoftmaxCrossEntropy;

class ErmTest {

    private static final Network NET = Network.mlp(4, new int[] {5}, 3);

    /** Domains of different sizes, so "mean over domains" and "mean over examples" differ. */
    private static List<DomainBatch> batches() {
        var rng = new SplittableRandom(9);
        var out = new ArrayList<DomainBatch>();
        for (int n : new int[] {2, 6}) {
            float[] x = new float[n * 4];
            int[] y = new int[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(3);
            }
            out.add(new DomainBatch(x, y, new long[] {4}));
        }
        return out;
    }

    @Test
    void oneStepIsPlainSgdOnTheMeanOverDomainsOfEachDomainsMeanLoss() {
        var h = new LinkedHashMap<>(Erm.SPEC.hparams().defaults().values());
        h.put("momentum", 0.0);
        h.put("weight_decay", 0.0);
        h.put("lr", 0.1);
        var setup = new TrainingSetup(NET, 2, new HParams(h), 3, 4, Device.cpu(), DataType.FLOAT64);
        List<DomainBatch> batches = batches();
        try (NDManager m = Devices.engine().newBaseManager();
             Algorithm erm = AllAlgorithms.REGISTRY.create("erm", setup)) {
            // Independent reference: autograd of (loss on domain 0 + loss on domain 1) / 2.
            ParamSet theta = ParamSet.initialize(NET, 3, DataType.FLOAT64, m).leaves(m);
            try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                NDArray total = null;
                for (DomainBatch b : batches) {
                    NDArray logits = NET.forward(theta, b.features(m, DataType.FLOAT64));
                    double[] oneHotValues = new double[b.size() * 3];
                    double[] weightValues = new double[b.size()];
                    for (int i = 0; i < b.size(); i++) {
                        oneHotValues[i * 3 + b.labels()[i]] = 1;
                        weightValues[i] = 0.5 / b.size();
                    }
                    NDArray oneHot = m.create(oneHotValues, new Shape(b.size(), 3));
                    NDArray w = m.create(weightValues, new Shape(b.size(), 1));
                    NDArray l = SoftmaxCrossEntropy.loss(logits, oneHot, w);
                    total = total == null ? l : total.add(l);
                }
                gc.backward(total);
            }
            double[] before = theta.flatten();
            double[] grad = theta.gradients(m).flatten();
            erm.update(batches);
            double[] after = erm.parameters().flatten();
            double worst = 0;
            for (int i = 0; i < before.length; i++) {
                worst = Math.max(worst, Math.abs(after[i] - (before[i] - 0.1 * grad[i])));
            }
            assertTrue(worst < 1e-7, "largest deviation from θ − lr·∇ " + worst);
        }
    }

    @Test
    void registryListsAlgorithmsAndRejectsUnknownNames() {
        assertEquals(List.of("erm", "mldg-fo", "mldg-so"), AllAlgorithms.REGISTRY.names());
        var e = assertThrows(IllegalArgumentException.class, () -> AllAlgorithms.REGISTRY.get("fish"));
        assertEquals("unknown algorithm 'fish'; valid algorithms: erm, mldg-fo, mldg-so", e.getMessage());
    }

    @Test
    void wrongNumberOfDomainBatchesIsRejected() {
        var setup = new TrainingSetup(NET, 3, Erm.SPEC.hparams().defaults(), 1, 2, Device.cpu(), DataType.FLOAT32);
        try (Algorithm erm = new Erm(setup)) {
            var e = assertThrows(IllegalArgumentException.class, () -> erm.update(batches()));
            assertEquals("expected one batch for each of the 3 source domains, got 2", e.getMessage());
        }
    }
}
