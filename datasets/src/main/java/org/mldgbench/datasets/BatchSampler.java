package org.mldgbench.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An infinite stream of mini-batches from one domain. Every sampler owns its random stream, so
 * adding a domain or an algorithm never changes another sampler's batch order.
 *
 * <ul>
 *   <li>{@link Mode#UNIFORM}: each epoch is a fresh seeded permutation of the examples, cut into
 *       consecutive batches (a batch that crosses an epoch boundary continues in the next one).
 *   <li>{@link Mode#CLASS_BALANCED}: each slot of a batch first draws a class uniformly among the
 *       classes present, then takes that class's next example from its own seeded permutation —
 *       so every class is equally likely whatever the domain's label distribution.
 * </ul>
 */
public final class BatchSampler {

    /** How examples are drawn. */
    public enum Mode { UNIFORM, CLASS_BALANCED }

    private final Examples examples;
    private final SplittableRandom rng;
    private final Mode mode;
    private final int[][] pools;
    private final int[] positions;

    /** A uniform sampler. */
    public BatchSampler(Examples examples, long seed) {
        this(examples, seed, Mode.UNIFORM);
    }

    public BatchSampler(Examples examples, long seed, Mode mode) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("cannot sample batches from an empty domain");
        }
        this.examples = examples;
        this.rng = new SplittableRandom(seed);
        this.mode = mode;
        if (mode == Mode.UNIFORM) {
            this.pools = new int[][] {DomainSplit.identity(examples.size())};
        } else {
            int numClasses = Arrays.stream(examples.labels()).max().orElse(0) + 1;
            var byClass = new ArrayList<int[]>();
            int[] counts = examples.classCounts(numClasses);
            int[][] members = new int[numClasses][];
            int[] fill = new int[numClasses];
            for (int c = 0; c < numClasses; c++) {
                members[c] = new int[counts[c]];
            }
            for (int i = 0; i < examples.size(); i++) {
                int c = examples.label(i);
                members[c][fill[c]++] = i;
            }
            for (int[] m : members) {
                if (m.length > 0) {
                    byClass.add(m);
                }
            }
            this.pools = byClass.toArray(new int[0][]);
        }
        this.positions = new int[pools.length];
        for (int p = 0; p < pools.length; p++) {
            DomainSplit.shuffle(pools[p], rng);
        }
    }

    /** One mini-batch: row-major features and labels. */
    public record Batch(float[] features, int[] labels) {}

    /** The next {@code batchSize} examples. */
    public Batch next(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] picked = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int p = mode == Mode.UNIFORM ? 0 : rng.nextInt(pools.length);
            if (positions[p] == pools[p].length) {
                DomainSplit.shuffle(pools[p], rng);
                positions[p] = 0;
            }
            picked[i] = pools[p][positions[p]++];
        }
        int[] y = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            y[i] = examples.label(picked[i]);
        }
        return new Batch(examples.features(picked), y);
    }
}
