package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mldgbench.core.nn.Network;

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
