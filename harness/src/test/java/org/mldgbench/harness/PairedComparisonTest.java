package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Confidence intervals, p-values and TOST against reference values computed independently with
 * SciPy 1.17 ({@code stats.t.ppf}, {@code stats.ttest_1samp} two-sided and one-sided at ∓1).
 */
class PairedComparisonTest {

    private static void check(double[] d, double mean, double low, double high, double p, double tost, String verdict) {
        PairedComparison c = PairedComparison.of(d, 1.0);
        assertEquals(d.length, c.pairs());
        assertEquals(mean, c.meanDifference(), 1e-12);
        assertEquals(low, c.ciLow(), 1e-9);
        assertEquals(high, c.ciHigh(), 1e-9);
        assertEquals(p, c.pValue(), 1e-9);
        assertEquals(tost, c.tostPValue(), 1e-9);
        assertEquals(verdict, c.verdict());
    }

    @Test
    void significantlyBetter() {
        check(new double[] {0.5, 1.5, -0.2, 2.0, 0.8, 1.1},
                0.95, 0.14050477360337854, 1.7594952263966213, 0.029525801194162343, 0.44002931889588237, "better");
    }

    @Test
    void equivalentWithinOnePoint() {
        check(new double[] {0.1, -0.2, 0.05, 0.15, -0.1, 0.0, 0.2, -0.05},
                0.01875, -0.09282826000719703, 0.13032826000719705, 0.7029400234562208, 7.469817621738548e-08, "equivalent");
    }

    @Test
    void significantlyWorse() {
        check(new double[] {-3.0, -2.5, -4.1, -1.9, -3.3},
                -2.96, -3.9899077071716307, -1.9300922928283692, 0.0013367983749536824, 0.9969228762506626, "worse");
    }

    @Test
    void tooNoisyToTell() {
        check(new double[] {0.5, -2.0, 3.0, -1.0},
                0.125, -3.335376859839143, 3.585376859839143, 0.915739330994735, 0.23992306270308889, "inconclusive");
    }

    @Test
    void degenerateSamples() {
        assertEquals("inconclusive", PairedComparison.of(new double[] {2.0}, 1.0).verdict());
        assertEquals("equivalent", PairedComparison.of(new double[] {0.0, 0.0, 0.0}, 1.0).verdict());
        assertEquals("better", PairedComparison.of(new double[] {2.0, 2.0, 2.0}, 1.0).verdict());
    }
}
