package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerAndNormalizationTest {

    /** 90 examples of class 0 and 10 of class 1. */
    private static Examples imbalanced() {
        float[] x = new float[100];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = i < 90 ? 0 : 1;
        }
        return Examples.of(x, y, new int[] {1});
    }

    private static double fractionOfClassOne(BatchSampler sampler) {
        int ones = 0;
        for (int b = 0; b < 100; b++) {
            for (int label : sampler.next(50).labels()) {
                ones += label;
            }
        }
        return ones / 5000.0;
    }

    @Test
    void classBalancedSamplerEqualisesClassesUniformDoesNot() {
        double balanced = fractionOfClassOne(new BatchSampler(imbalanced(), 1, BatchSampler.Mode.CLASS_BALANCED));
        double uniform = fractionOfClassOne(new BatchSampler(imbalanced(), 1, BatchSampler.Mode.UNIFORM));
        assertEquals(0.5, balanced, 0.03, "class-balanced");
        assertEquals(0.1, uniform, 1e-9, "uniform epochs keep the 90/10 mix exactly");
    }

    @Test
    void normalizationUsesOnlyTheGivenSplitsPerChannel() {
        // Two channels of 2×1 "images": channel 0 holds 1..4, channel 1 holds 10.
        var a = Examples.of(new float[] {1, 2, 10, 10, 3, 4, 10, 10}, new int[] {0, 1}, new int[] {2, 2, 1});
        var heldOut = Examples.of(new float[] {100, 100, 100, 100}, new int[] {0}, new int[] {2, 2, 1});
        Normalization n = Normalization.fit(List.of(a));
        assertEquals(2.5f, n.mean()[0], 1e-6);
        assertEquals((float) Math.sqrt(1.25), n.std()[0], 1e-6);
        assertEquals(10f, n.mean()[1], 1e-6);
        assertEquals(1f, n.std()[1], 0f, "a constant channel is centred, not scaled");
        float[] z = n.apply(a.features(0, 2));
        double mean = (z[0] + z[1] + z[4] + z[5]) / 4;
        assertEquals(0, mean, 1e-6);
        float[] h = n.apply(heldOut.features(0, 1));
        assertTrue(h[0] > 50, "held-out data is transformed with the sources' statistics, not its own");
    }
}
