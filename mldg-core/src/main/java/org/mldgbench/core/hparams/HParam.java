package org.mldgbench.core.hparams;

import java.util.List;

/**
 * One hyper-parameter: its default, its random-search distribution, the values it may take, and
 * why the default is what it is (shown by {@code list} so users can judge the choice).
 *
 * @param allowed numeric range, or null for a categorical parameter
 * @param choices allowed names for a categorical parameter, or empty for a numeric one
 */
public record HParam(
        String name,
        Object defaultValue,
        Distribution search,
        Range allowed,
        List<String> choices,
        boolean integer,
        String why) {

    public HParam {
        choices = List.copyOf(choices);
    }

    public static HParam real(String name, double def, Distribution search, Range allowed, String why) {
        return new HParam(name, def, search, allowed, List.of(), false, why);
    }

    public static HParam integer(String name, int def, Distribution search, Range allowed, String why) {
        return new HParam(name, def, search, allowed, List.of(), true, why);
    }

    public static HParam categorical(String name, String def, List<String> choices, Distribution search, String why) {
        return new HParam(name, def, search, null, choices, false, why);
    }

    /** Null when {@code value} is allowed, otherwise the reason it is not. */
    String problemWith(Object value) {
        if (allowed == null) {
            return value instanceof String s && choices.contains(s)
                    ? null
                    : "must be one of " + choices + ", got " + value;
        }
        if (!(value instanceof Number n)) {
            return "must be a number in " + allowed + ", got " + value;
        }
        double v = n.doubleValue();
        if (integer && v != Math.rint(v)) {
            return "must be an integer in " + allowed + ", got " + value;
        }
        return allowed.contains(v) ? null : "must be in " + allowed + ", got " + value;
    }

    /** Brings a drawn or parsed value into canonical form (integers as Integer). */
    Object canonical(Object value) {
        if (integer && value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) Math.rint(n.doubleValue());
        }
        if (!integer && allowed != null && value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }
}
