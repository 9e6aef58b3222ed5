package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;

/** Test 6: same seed ⇒ bit-identical parameters after 50 steps on CPU; different seed ⇒ different. */
class DeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"mldg-fo", "mldg-so"})
    void sameSeedSameBitsDifferentSeedDifferentBits(String name) {
        AlgorithmSpec spec = name.equals("mldg-so") ? Mldg.SECOND_ORDER : Mldg.FIRST_ORDER;
        Network net = Fixtures.smallCnn();
        List<List<DomainBatch>> stream = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Fixtures.batches(net, 3, 8, 1000 + i)).toList();
        double[] a = train(spec, net, stream, 17);
        double[] b = train(spec, net, stream, 17);
        double[] c = train(spec, net, stream, 18);
        assertArrayEquals(a, b, 0.0, name + ": same seed must give bit-identical parameters");
        assertFalse(Arrays.equals(a, c), name + ": a different seed must give different parameters");
    }

    /**
     * The same gradient evaluated 100 times, with garbage collections in between, is bit-identical.
     * Regression test for scalar constants freed under autograd's feet (see {@code Scalars}): with
     * {@code g.mul(beta)} written with a Java number this failed on every repeat.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn"})
    void repeatedGradientEvaluationsAreBitIdentical(String kind) {
        Network net = kind.equals("mlp") ? Network.mlp(32, new int[] {64, 64}, 5) : Fixtures.smallCnn();
        List<DomainBatch> all = Fixtures.batches(net, 3, 8, 1000);
        for (boolean secondOrder : new boolean[] {false, true}) {
            try (NDManager m = Devices.engine().newBaseManager()) {
                ParamSet theta0 = ParamSet.initialize(net, 3, DataType.FLOAT32, m);
                double[] reference = null;
                for (int rep = 0; rep < 100; rep++) {
                    try (NDManager step = m.newSubManager()) {
                        ParamSet theta = theta0.leaves(step);
                        var train = WeightedBatch.meanOverDomains(step, DataType.FLOAT32, net.numClasses(), all.subList(0, 2));
                        var test = WeightedBatch.meanOverDomains(step, DataType.FLOAT32, net.numClasses(), all.subList(2, 3));
                        try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                            gc.backward(MetaObjective.evaluate(net, theta, train, test, 0.5, 1.0, secondOrder).total());
                        }
                        double[] g = theta.gradients(step).flatten();
                        if (reference == null) {
                            reference = g;
                        } else {
                            assertArrayEquals(reference, g, 0.0, kind + " second order " + secondOrder + ", repeat " + rep);
                        }
                    }
                    if (rep % 10 == 0) {
                        System.gc();
                    }
                }
            }
        }
    }

    private static double[] train(AlgorithmSpec spec, Network net, List<List<DomainBatch>> stream, long seed) {
        var setup = Fixtures.setup(net, 3, spec.hparams().defaults(), seed, DataType.FLOAT32);
        try (Algorithm algorithm = spec.factory().create(setup)) {
            for (List<DomainBatch> batches : stream) {
                algorithm.update(batches);
            }
            return algorithm.parameters().flatten();
        }
    }
}
