package org.mldgbench.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated multi-domain classification problem with a real domain shift, made in
 * milliseconds from a seed and needing no files. The generative process (also in the README):
 *
 * <ol>
 *   <li>Each class {@code k} gets a prototype {@code μ_k ~ N(0, separation² I)} in a
 *       {@code coreDim}-dimensional latent space and a unit spurious code {@code c_k} in
 *       {@code spuriousDim} dimensions. Both are shared by all domains: the label mechanism is
 *       the same everywhere.
 *   <li>Each domain {@code e} gets a "style": a linear distortion {@code A_e = I + style · G_e /
 *       √coreDim} with {@code G_e} standard normal, an offset {@code b_e ~ N(0, shift² I)}, and a
 *       spurious-feature strength {@code ρ_e}.
 *   <li>An example of class {@code y} in domain {@code e} is the concatenation of
 *       <ul>
 *         <li>core features {@code A_e (μ_y + noise · ε) + b_e} (invariant signal, domain-styled),
 *         <li>spurious features {@code ρ_e c_y + ε'} (predictive, but with a strength and sign
 *             that change across domains),
 *         <li>{@code noiseDim} pure-noise features {@code ε''}.
 *       </ul>
 *       with independent standard normal {@code ε, ε', ε''}. Classes are balanced.
 * </ol>
 *
 * A model trained on some domains learns both the styled core signal and the spurious shortcut;
 * on a held-out domain the style differs and the shortcut may flip, so held-out accuracy falls
 * below in-domain accuracy while staying well above chance — room for DG methods to matter.
 */
public final class SyntheticDataset implements DomainDataset {

    /** Parameters of the generator; {@link #standard()} and {@link #debug()} are the registered ones. */
    public record Config(
            String name,
            int examplesPerDomain,
            int numClasses,
            int coreDim,
            int spuriousDim,
            int noiseDim,
            double separation,
            double noise,
            double style,
            double shift,
            double[] spuriousStrength,
            long seed) {

        public Config {
            spuriousStrength = spuriousStrength.clone();
            if (spuriousStrength.length < 2) {
                throw new IllegalArgumentException("a multi-domain dataset needs at least 2 domains");
            }
            if (numClasses < 2 || examplesPerDomain < numClasses || coreDim < 1) {
                throw new IllegalArgumentException("degenerate synthetic configuration: " + this);
            }
        }

        /** The default benchmark: 4 domains × 1,000 examples, 5 classes, 16 features. */
        public static Config standard() {
            return new Config("synthetic", 1000, 5, 8, 4, 4, 1.0, 0.8, 0.6, 0.4,
                    new double[] {2.0, 1.0, 0.0, -1.0}, 2018L);
        }

        /** A tiny dataset for tests: 3 domains × 60 examples, 3 classes, 6 features. */
        public static Config debug() {
            return new Config("debug", 60, 3, 4, 2, 0, 1.5, 0.5, 0.5, 0.3,
                    new double[] {1.0, 0.0, -1.0}, 7L);
        }
    }

    private final Config config;
    private final List<Domain> domains;
    private final String checksum;

    private SyntheticDataset(Config config) {
        this.config = config;
        this.domains = generateDomains(config);
        this.checksum = Checksums.sha256(domains);
    }

    public static SyntheticDataset generate(Config config) {
        return new SyntheticDataset(config);
    }

    public static SyntheticDataset standard() {
        return generate(Config.standard());
    }

    public static SyntheticDataset debug() {
        return generate(Config.debug());
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public List<Domain> domains() {
        return domains;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public int[] inputShape() {
        return new int[] {config.coreDim() + config.spuriousDim() + config.noiseDim()};
    }

    @Override
    public String checksum() {
        return checksum;
    }

    private static List<Domain> generateDomains(Config c) {
        var root = new SplittableRandom(c.seed());
        int k = c.numClasses();
        double[][] prototypes = new double[k][c.coreDim()];
        double[][] spuriousCodes = new double[k][c.spuriousDim()];
        for (int y = 0; y < k; y++) {
            for (int j = 0; j < c.coreDim(); j++) {
                prototypes[y][j] = c.separation() * gaussian(root);
            }
            double norm = 0;
            for (int j = 0; j < c.spuriousDim(); j++) {
                spuriousCodes[y][j] = gaussian(root);
                norm += spuriousCodes[y][j] * spuriousCodes[y][j];
            }
            for (int j = 0; j < c.spuriousDim(); j++) {
                spuriousCodes[y][j] /= Math.sqrt(norm);
            }
        }
        int dim = c.coreDim() + c.spuriousDim() + c.noiseDim();
        List<Domain> result = new ArrayList<>();
        for (int e = 0; e < c.spuriousStrength().length; e++) {
            var rng = root.split();
            double[][] style = new double[c.coreDim()][c.coreDim()];
            double[] offset = new double[c.coreDim()];
            for (int i = 0; i < c.coreDim(); i++) {
                for (int j = 0; j < c.coreDim(); j++) {
                    style[i][j] = (i == j ? 1.0 : 0.0)
                            + c.style() * gaussian(rng) / Math.sqrt(c.coreDim());
                }
                offset[i] = c.shift() * gaussian(rng);
            }
            double rho = c.spuriousStrength()[e];
            int n = c.examplesPerDomain();
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % k;
            }
            DomainSplit.shuffle(labels, rng);
            float[] x = new float[n * dim];
            double[] z = new double[c.coreDim()];
            for (int i = 0; i < n; i++) {
                int y = labels[i];
                int base = i * dim;
                for (int j = 0; j < c.coreDim(); j++) {
                    z[j] = prototypes[y][j] + c.noise() * gaussian(rng);
                }
                for (int r = 0; r < c.coreDim(); r++) {
                    double v = offset[r];
                    for (int j = 0; j < c.coreDim(); j++) {
                        v += style[r][j] * z[j];
                    }
                    x[base + r] = (float) v;
                }
                for (int j = 0; j < c.spuriousDim(); j++) {
                    x[base + c.coreDim() + j] = (float) (rho * spuriousCodes[y][j] + gaussian(rng));
                }
                for (int j = 0; j < c.noiseDim(); j++) {
                    x[base + c.coreDim() + c.spuriousDim() + j] = (float) gaussian(rng);
                }
            }
            result.add(new Domain("d" + e, Examples.of(x, labels, new int[] {dim})));
        }
        return List.copyOf(result);
    }

    /**
     * A standard normal draw by Box–Muller from {@link SplittableRandom#nextDouble()}, so that
     * the values are fully determined by the seed (unlike {@code Random.nextGaussian}, whose
     * algorithm differs between JDK versions for {@code RandomGenerator}s). StrictMath makes the
     * transcendental functions bit-identical on every platform, so the checksum is too.
     */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
