package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.mldgbench.core.nn.ParamSet;

/**
 * A domain-generalization training algorithm: the one small interface every method implements.
 * The harness owns data, schedules and evaluation; an algorithm only turns one batch per source
 * domain into a parameter update, and parameters into logits.
 */
public interface Algorithm extends AutoCloseable {

    /**
     * One training step on one batch from each source domain (always in the same domain order).
     *
     * @return the step's losses; {@link StepStats#diverged()} when a loss was not finite, in which
     *     case the parameters were left unchanged
     */
    StepStats update(List<DomainBatch> batches);

    /**
     * Logits for {@code x}, attached to {@code x}'s manager; nothing else outlives the call.
     */
    NDArray predict(NDArray x);

    /**
     * The algorithm's own measurements at the current parameters on {@code batches}, without
     * changing anything (parameters, optimiser state or the random stream of {@link #update}).
     * The harness calls it at checkpoints; by default there are none.
     */
    default Map<String, Double> diagnostics(List<DomainBatch> batches) {
        return Map.of();
    }

    /** The current parameters (owned by the algorithm; valid until {@link #close()}). */
    ParamSet parameters();

    /** Frees every tensor the algorithm owns. */
    @Override
    void close();
}
