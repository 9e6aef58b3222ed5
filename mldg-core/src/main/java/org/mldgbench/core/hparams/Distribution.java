package org.mldgbench.core.hparams;

import java.util.List;
import java.util.SplittableRandom;

/** A random-search distribution for one hyper-parameter (DomainBed style). */
public sealed interface Distribution {

    Object sample(SplittableRandom rng);

    /** {@code 10^u} with {@code u} uniform in {@code [log10 lo, log10 hi]}. */
    record LogUniform(double lo, double hi) implements Distribution {
        @Override
        public Object sample(SplittableRandom rng) {
            double a = StrictMath.log10(lo);
            double b = StrictMath.log10(hi);
            return StrictMath.pow(10, a + (b - a) * rng.nextDouble());
        }

        @Override
        public String toString() {
            return "log-uniform[" + lo + ", " + hi + "]";
        }
    }

    /** Uniform in {@code [lo, hi]}. */
    record Uniform(double lo, double hi) implements Distribution {
        @Override
        public Object sample(SplittableRandom rng) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        @Override
        public String toString() {
            return "uniform[" + lo + ", " + hi + "]";
        }
    }

    /** One of a fixed list of values (numbers or names), each equally likely. */
    record Choice(List<Object> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object sample(SplittableRandom rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public String toString() {
            return "choice" + values;
        }
    }

    /** Not searched: always the default. */
    record Fixed(Object value) implements Distribution {
        @Override
        public Object sample(SplittableRandom rng) {
            return value;
        }

        @Override
        public String toString() {
            return "fixed";
        }
    }
}
