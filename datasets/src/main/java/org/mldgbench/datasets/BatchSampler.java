package org.mldgbench.datasets;

import java.util.SplittableRandom;

/**
 * An infinite stream of mini-batches from one domain: each epoch is a fresh seeded permutation,
 * cut into consecutive batches (a batch that crosses an epoch boundary continues in the next
 * permutation). Every sampler owns its random stream, so adding a domain or an algorithm never
 * changes another sampler's batch order.
 */
public final class BatchSampler {

    private final Examples examples;
    private final SplittableRandom rng;
    private final int[] order;
    private int position;

    public BatchSampler(Examples examples, long seed) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("cannot sample batches from an empty domain");
        }
        this.examples = examples;
        this.rng = new SplittableRandom(seed);
        this.order = DomainSplit.identity(examples.size());
        reshuffle();
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
            if (position == order.length) {
                reshuffle();
            }
            picked[i] = order[position++];
        }
        int[] y = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            y[i] = examples.label(picked[i]);
        }
        return new Batch(examples.features(picked), y);
    }

    private void reshuffle() {
        DomainSplit.shuffle(order, rng);
        position = 0;
    }
}
