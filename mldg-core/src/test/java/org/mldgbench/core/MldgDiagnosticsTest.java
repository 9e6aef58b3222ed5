package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mldgbench.core.nn.Network;

class MldgDiagnosticsTest {

    private final Network net = Fixtures.smallMlp();
    private final List<DomainBatch> batches = Fixtures.batches(net, 3, 6, 4);

    private Algorithm mldg(double alpha) {
        var h = Fixtures.mldgHParams(alpha, 1.0);
        return Mldg.SECOND_ORDER.factory().create(Fixtures.setup(net, 3, h, 9, DataType.FLOAT64));
    }

    @Test
    void withoutAnInnerStepBothGradientsCoincide() {
        try (Algorithm a = mldg(0.0)) {
            Map<String, Double> d = a.diagnostics(batches);
            assertEquals(0.0, d.get("grad_rel_diff"), 1e-12);
            assertEquals(1.0, d.get("grad_cosine"), 1e-12);
        }
    }

    @Test
    void withAnInnerStepTheHessianTermShows() {
        try (Algorithm a = mldg(0.5)) {
            Map<String, Double> d = a.diagnostics(batches);
            assertTrue(d.get("grad_rel_diff") > 1e-3, d.toString());
            assertTrue(d.get("grad_cosine") < 1 && d.get("grad_cosine") > -1, d.toString());
        }
    }

    @Test
    void measuringDoesNotChangeTraining() {
        double[] plain;
        double[] measured;
        try (Algorithm a = mldg(0.5)) {
            for (int i = 0; i < 5; i++) {
                a.update(Fixtures.batches(net, 3, 6, 10 + i));
            }
            plain = a.parameters().flatten();
        }
        try (Algorithm a = mldg(0.5)) {
            for (int i = 0; i < 5; i++) {
                a.diagnostics(batches);
                a.update(Fixtures.batches(net, 3, 6, 10 + i));
            }
            measured = a.parameters().flatten();
        }
        assertArrayEquals(plain, measured, 0.0);
    }
}
