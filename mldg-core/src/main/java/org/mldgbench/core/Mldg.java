package org.mldgbench.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mldgbench.core.hparams.Distribution;
import org.mldgbench.core.hparams.HParam;
import org.mldgbench.core.hparams.HParamSpace;
import org.mldgbench.core.hparams.Range;
import org.mldgbench.core.hparams.TrainingHParams;
import org.mldgbench.core.nn.ParamSet;

/**
 * Meta-Learning Domain Generalization (Li, Yang, Song & Hospedales, AAAI 2018) with
 * G = F = cross-entropy. Each step draws {@code V} meta-test domains at random from the sources,
 * takes a virtual step on the rest and updates with the gradient of the {@link MetaObjective}.
 * First and second order differ only in whether ∇F is detached; they are registered as
 * {@code mldg-fo} and {@code mldg-so} so that paired comparisons isolate the Hessian term.
 */
public final class Mldg extends ParametricAlgorithm {

    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    public static final String META_TEST_DOMAINS = "meta_test_domains";

    public static final AlgorithmSpec FIRST_ORDER = spec("mldg-fo", false,
            "MLDG, first order: ∇F + β∇G(θ − α∇F), the Hessian term dropped");
    public static final AlgorithmSpec SECOND_ORDER = spec("mldg-so", true,
            "MLDG, exact second order: back-propagates through the inner step");

    private final boolean secondOrder;
    private final double alpha;
    private final double beta;
    private final int metaTestDomains;
    private final SplittableRandom rng;
    /** Meta-test draws for diagnostics only, so that measuring never changes training. */
    private final SplittableRandom diagnosticsRng;

    public Mldg(TrainingSetup setup, boolean secondOrder) {
        super(setup);
        this.secondOrder = secondOrder;
        this.alpha = hparams.real(ALPHA);
        this.beta = hparams.real(BETA);
        this.metaTestDomains = hparams.integer(META_TEST_DOMAINS);
        String name = secondOrder ? "mldg-so" : "mldg-fo";
        if (numSourceDomains < 2) {
            close();
            throw new IllegalArgumentException(
                    name + " needs at least 2 source domains (one meta-train, one meta-test), got " + numSourceDomains);
        }
        if (metaTestDomains >= numSourceDomains) {
            close();
            throw new IllegalArgumentException(
                    "hyper-parameter '" + META_TEST_DOMAINS + "' of algorithm '" + name + "' must be in [1, "
                            + (numSourceDomains - 1) + "] (fewer than the " + numSourceDomains
                            + " source domains), got " + metaTestDomains);
        }
        this.rng = new SplittableRandom(setup.algorithmSeed());
        this.diagnosticsRng = new SplittableRandom(setup.algorithmSeed() ^ 0x5DEECE66DL);
    }

    private static AlgorithmSpec spec(String name, boolean secondOrder, String description) {
        var space = new HParamSpace(name, TrainingHParams.shared()).with(List.of(
                HParam.real(ALPHA, 0.5, new Distribution.LogUniform(0.01, 1.0), Range.closed(0, 100),
                        "Inner step size α; 0.5 is the official MLDG code's value and trains stably here."),
                HParam.real(BETA, 1.0, new Distribution.LogUniform(0.1, 10), Range.closed(0, 1000),
                        "Meta-test weight β; 1 as in the paper and official code."),
                HParam.integer(META_TEST_DOMAINS, 1, new Distribution.Fixed(1), Range.closed(1, 1000),
                        "V, meta-test domains drawn per step; 1 as in the paper. Must be below the source count.")));
        return new AlgorithmSpec(name, description, space, setup -> new Mldg(setup, secondOrder));
    }

    public boolean secondOrder() {
        return secondOrder;
    }

    /** Draws {@code V} distinct meta-test domain indices (partial Fisher–Yates). */
    private boolean[] drawMetaTest(SplittableRandom rng) {
        int[] idx = new int[numSourceDomains];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        boolean[] isTest = new boolean[numSourceDomains];
        for (int k = 0; k < metaTestDomains; k++) {
            int j = k + rng.nextInt(numSourceDomains - k);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
            isTest[idx[k]] = true;
        }
        return isTest;
    }

    @Override
    public StepStats update(List<DomainBatch> batches) {
        requireOneBatchPerSource(batches);
        boolean[] isTest = drawMetaTest(rng);
        try (NDManager step = newStepScope()) {
            ParamSet theta = parameters().leaves(step);
            MetaObjective.Value value = metaGradient(step, theta, batches, isTest, secondOrder);
            var losses = new LinkedHashMap<String, Double>();
            losses.put("loss", scalar(value.total()));
            losses.put("meta_train", scalar(value.metaTrain()));
            losses.put("meta_test", scalar(value.metaTest()));
            var stats = new StepStats(losses);
            if (!stats.diverged()) {
                applyGradient(theta.gradients(step));
            }
            return stats;
        }
    }

    /** Evaluates the meta objective on fresh leaves {@code theta} and back-propagates it. */
    private MetaObjective.Value metaGradient(NDManager step, ParamSet theta, List<DomainBatch> batches,
                                             boolean[] isTest, boolean exact) {
        var train = new ArrayList<DomainBatch>();
        var test = new ArrayList<DomainBatch>();
        for (int d = 0; d < batches.size(); d++) {
            (isTest[d] ? test : train).add(batches.get(d));
        }
        int k = network.numClasses();
        WeightedBatch metaTrain = WeightedBatch.meanOverDomains(step, dataType, k, train);
        WeightedBatch metaTest = WeightedBatch.meanOverDomains(step, dataType, k, test);
        try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
            MetaObjective.Value value = MetaObjective.evaluate(network, theta, metaTrain, metaTest, alpha, beta, exact);
            collector.backward(value.total());
            return value;
        }
    }

    /**
     * How much the Hessian term matters here: the exact and first-order meta gradients at the
     * current parameters, for one meta-test draw, compared as {@code grad_rel_diff =
     * ‖∇L − ∇L₁‖ / ‖∇L‖} and {@code grad_cosine = cos(∇L, ∇L₁)}.
     */
    @Override
    public Map<String, Double> diagnostics(List<DomainBatch> batches) {
        requireOneBatchPerSource(batches);
        boolean[] isTest = drawMetaTest(diagnosticsRng);
        double[] exact;
        double[] firstOrder;
        try (NDManager step = newStepScope()) {
            ParamSet theta = parameters().leaves(step);
            metaGradient(step, theta, batches, isTest, true);
            exact = theta.gradients(step).flatten();
        }
        try (NDManager step = newStepScope()) {
            ParamSet theta = parameters().leaves(step);
            metaGradient(step, theta, batches, isTest, false);
            firstOrder = theta.gradients(step).flatten();
        }
        double diff = 0;
        double normExact = 0;
        double normFirst = 0;
        double dot = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += (exact[i] - firstOrder[i]) * (exact[i] - firstOrder[i]);
            normExact += exact[i] * exact[i];
            normFirst += firstOrder[i] * firstOrder[i];
            dot += exact[i] * firstOrder[i];
        }
        var out = new LinkedHashMap<String, Double>();
        out.put("grad_rel_diff", Math.sqrt(diff / normExact));
        out.put("grad_cosine", dot / Math.sqrt(normExact * normFirst));
        return out;
    }
}
