package org.mldgbench.harness;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A paired comparison of two algorithms over matched (held-out domain, seed) pairs, in accuracy
 * points: the mean difference with its 95% confidence interval and two-sided p-value (paired
 * t-test), and a two-one-sided-tests (TOST) equivalence test against ±{@code margin} points.
 *
 * <p>The one-word verdict: {@code equivalent} when TOST rejects non-equivalence at 5% (the 90%
 * interval lies inside ±margin — even if the difference is also statistically non-zero, it is too
 * small to matter); otherwise {@code better} / {@code worse} when the t-test rejects "no
 * difference" at 5%; otherwise {@code inconclusive}: more seeds or domains are needed.
 */
record PairedComparison(int pairs, double meanDifference, double ciLow, double ciHigh,
                        double pValue, double tostPValue, double margin, String verdict) {

    static final double ALPHA = 0.05;

    /** @param differences algorithm − baseline, in accuracy points, one per matched pair */
    static PairedComparison of(double[] differences, double margin) {
        int n = differences.length;
        if (n < 2) {
            double mean = n == 1 ? differences[0] : Double.NaN;
            return new PairedComparison(n, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, margin, "inconclusive");
        }
        double mean = 0;
        for (double d : differences) {
            mean += d;
        }
        mean /= n;
        double ss = 0;
        for (double d : differences) {
            ss += (d - mean) * (d - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        if (se == 0) {
            // Every pair differs by exactly the same amount: no sampling uncertainty at all.
            boolean zero = mean == 0;
            boolean inside = Math.abs(mean) < margin;
            return new PairedComparison(n, mean, mean, mean, zero ? 1.0 : 0.0, inside ? 0.0 : 1.0, margin,
                    inside ? "equivalent" : mean > 0 ? "better" : "worse");
        }
        var t = new TDistribution(null, n - 1);
        double critical = t.inverseCumulativeProbability(1 - ALPHA / 2);
        double p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
        double pLower = 1 - t.cumulativeProbability((mean + margin) / se);
        double pUpper = t.cumulativeProbability((mean - margin) / se);
        double tost = Math.max(pLower, pUpper);
        String verdict = tost < ALPHA ? "equivalent" : p < ALPHA ? (mean > 0 ? "better" : "worse") : "inconclusive";
        return new PairedComparison(n, mean, mean - critical * se, mean + critical * se, p, tost, margin, verdict);
    }
}
