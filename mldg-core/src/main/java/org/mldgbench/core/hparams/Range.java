package org.mldgbench.core.hparams;

/** The allowed values of a numeric hyper-parameter, used to reject bad input with a clear message. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    public static Range leftOpen(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double v) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax && !Double.isNaN(v);
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
