package org.mldgbench.core.hparams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mldgbench.core.Seeds;

/**
 * The hyper-parameters of one algorithm: defaults (trial 0) and seeded random-search draws
 * (trials 1..N). The seed of a draw is supplied by the caller, hashed from
 * (algorithm, dataset, trial), so draws are stable however the sweep is sliced.
 */
public record HParamSpace(String algorithm, List<HParam> params) {

    public HParamSpace {
        params = List.copyOf(params);
    }

    /** This space plus {@code more} parameters (algorithm-specific on top of shared ones). */
    public HParamSpace with(List<HParam> more) {
        var all = new ArrayList<>(params);
        all.addAll(more);
        return new HParamSpace(algorithm, all);
    }

    public HParams defaults() {
        var v = new LinkedHashMap<String, Object>();
        for (HParam p : params) {
            v.put(p.name(), p.canonical(p.defaultValue()));
        }
        return new HParams(v);
    }

    /**
     * Trial 0 is the defaults; trial {@code N > 0} is a random draw seeded by
     * (algorithm, dataset, N), so a trial means the same values however a sweep is sliced.
     */
    public HParams trial(String dataset, int trial) {
        if (trial < 0) {
            throw new IllegalArgumentException("hyper-parameter trial must be ≥ 0, got " + trial);
        }
        return trial == 0 ? defaults() : draw(Seeds.derive("hparams", algorithm, dataset, trial));
    }

    /** One random-search draw; every parameter is drawn in declaration order from one stream. */
    public HParams draw(long seed) {
        var rng = new SplittableRandom(seed);
        var v = new LinkedHashMap<String, Object>();
        for (HParam p : params) {
            v.put(p.name(), p.canonical(p.search().sample(rng)));
        }
        return new HParams(v);
    }

    /**
     * {@code base} with {@code overrides} applied, then validated: unknown names and values outside
     * a parameter's allowed range are rejected with a message naming the parameter and the range.
     */
    public HParams override(HParams base, Map<String, Object> overrides) {
        var v = new LinkedHashMap<>(base.values());
        for (var e : overrides.entrySet()) {
            HParam p = find(e.getKey());
            v.put(p.name(), p.canonical(e.getValue()));
        }
        return validate(new HParams(v));
    }

    /** Checks every value; returns {@code h} unchanged when all are allowed. */
    public HParams validate(HParams h) {
        for (HParam p : params) {
            Object value = h.values().get(p.name());
            if (value == null) {
                throw new IllegalArgumentException(
                        "algorithm '" + algorithm + "' needs hyper-parameter '" + p.name() + "'");
            }
            String problem = p.problemWith(value);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "hyper-parameter '" + p.name() + "' of algorithm '" + algorithm + "' " + problem);
            }
        }
        for (String name : h.values().keySet()) {
            find(name);
        }
        return h;
    }

    public HParam find(String name) {
        for (HParam p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "algorithm '" + algorithm + "' has no hyper-parameter '" + name + "'; valid: "
                        + params.stream().map(HParam::name).toList());
    }
}
