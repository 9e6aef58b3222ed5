package org.mldgbench.core.hparams;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A validated assignment of hyper-parameter values (numbers or names), sorted by name. */
public record HParams(Map<String, Object> values) {

    public HParams {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public double real(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    public String text(String name) {
        return (String) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyper-parameter '" + name + "' in " + values.keySet());
        }
        return v;
    }
}
