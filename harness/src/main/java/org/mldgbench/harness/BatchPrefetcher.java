package org.mldgbench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.mldgbench.core.DomainBatch;
import org.mldgbench.datasets.BatchSampler;
import org.mldgbench.datasets.Normalization;

/**
 * Builds each step's batches (sampling, gathering, normalising) on a background thread while the
 * engine trains on the previous ones, like a data-loader worker. One thread draws from every
 * sampler in a fixed order, so the batches are exactly those a sequential loop would draw.
 */
final class BatchPrefetcher implements AutoCloseable {

    private static final int DEPTH = 8;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread worker;

    BatchPrefetcher(List<BatchSampler> samplers, int batchSize, Normalization normalization, long[] exampleShape, int steps) {
        worker = new Thread(() -> {
            try {
                for (int step = 0; step < steps; step++) {
                    var batches = new ArrayList<DomainBatch>(samplers.size());
                    for (BatchSampler s : samplers) {
                        BatchSampler.Batch b = s.next(batchSize);
                        batches.add(new DomainBatch(normalization.apply(b.features()), b.labels(), exampleShape));
                    }
                    queue.put(batches);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                queue.offer(e);
            }
        }, "batch-prefetcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** The next step's batches, one per source domain. */
    @SuppressWarnings("unchecked")
    List<DomainBatch> next() {
        try {
            Object item = queue.take();
            if (item instanceof RuntimeException e) {
                throw e;
            }
            if (item instanceof Error e) {
                throw e;
            }
            return (List<DomainBatch>) item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
    }

    @Override
    public void close() {
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
