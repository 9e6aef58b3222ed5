package org.mldgbench.core.nn;

/**
 * One named parameter tensor of a network: its full name ({@code layer.weight}), shape, and the
 * fan-in used to scale its initial values.
 */
public record ParamSpec(String name, long[] shape, long fanIn) {

    public ParamSpec {
        shape = shape.clone();
    }

    /** Number of scalar entries. */
    public long size() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
