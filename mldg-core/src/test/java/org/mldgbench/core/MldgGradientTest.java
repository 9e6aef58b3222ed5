package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;

/**
 * Tests 2–4 of the core issue, in float64 on an MLP and a CNN: the exact MLDG gradient against
 * central finite differences and against PyTorch's create_graph autograd; the first-order
 * gradient against its definition; and the α = 0 identity with β-weighted ERM.
 */
class MldgGradientTest {

    private static final double ALPHA = 0.3;
    private static final double BETA = 0.7;

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of("mlp", Fixtures.smallMlp()), Arguments.of("cnn", Fixtures.smallCnn()));
    }

    /** Meta-train = first two domains, meta-test = the third. */
    private record Problem(WeightedBatch metaTrain, WeightedBatch metaTest, List<DomainBatch> train, List<DomainBatch> test) {
        static Problem of(Network network, NDManager m) {
            List<DomainBatch> all = Fixtures.batches(network, 3, 5, 11);
            List<DomainBatch> train = all.subList(0, 2);
            List<DomainBatch> test = all.subList(2, 3);
            int k = network.numClasses();
            return new Problem(
                    WeightedBatch.meanOverDomains(m, DataType.FLOAT64, k, train),
                    WeightedBatch.meanOverDomains(m, DataType.FLOAT64, k, test),
                    train, test);
        }
    }

    /** ∇ of the meta objective by one ordinary backward through the hand-written inner gradient. */
    static double[] metaGradient(Network net, ParamSet theta0, Problem p, double alpha, double beta,
                                 boolean secondOrder, NDManager m) {
        ParamSet theta = theta0.leaves(m);
        try (GradientCollector gc = Devices.engine().newGradientCollector()) {
            gc.backward(MetaObjective.evaluate(net, theta, p.metaTrain, p.metaTest, alpha, beta, secondOrder).total());
        }
        return theta.gradients(m).flatten();
    }

    static double objective(Network net, ParamSet theta, Problem p) {
        return MetaObjective.evaluate(net, theta, p.metaTrain, p.metaTest, ALPHA, BETA, true)
                .total().getDouble();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void secondOrderMatchesFiniteDifferences(String label, Network net) {
        try (NDManager m = Devices.engine().newBaseManager()) {
            Problem p = Problem.of(net, m);
            ParamSet theta = Fixtures.initialParams(net, 5, m);
            double[] exact = metaGradient(net, theta, p, ALPHA, BETA, true, m);
            double[] flat = theta.flatten();
            int[] coords = coordinates(flat.length, 80);
            double[] numeric = new double[coords.length];
            double[] analytic = new double[coords.length];
            double h = 1e-6;
            for (int c = 0; c < coords.length; c++) {
                int i = coords[c];
                double saved = flat[i];
                double plus;
                double minus;
                try (NDManager scope = m.newSubManager()) {
                    flat[i] = saved + h;
                    plus = objective(net, Fixtures.unflatten(theta, flat, scope), p);
                    flat[i] = saved - h;
                    minus = objective(net, Fixtures.unflatten(theta, flat, scope), p);
                }
                flat[i] = saved;
                numeric[c] = (plus - minus) / (2 * h);
                analytic[c] = exact[i];
            }
            double err = Fixtures.relativeError(analytic, numeric);
            System.out.printf("%s: second-order MLDG vs finite differences (%d of %d coordinates): relative error %.3e%n",
                    label, coords.length, flat.length, err);
            assertTrue(err < 1e-6, label + ": relative error " + err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void secondOrderMatchesCreateGraphAutograd(String label, Network net) {
        try (NDManager m = Devices.engine().newBaseManager()) {
            Problem p = Problem.of(net, m);
            ParamSet theta = Fixtures.initialParams(net, 6, m);
            double[] hand = metaGradient(net, theta, p, ALPHA, BETA, true, m);
            double[] autograd;
            try (NDManager scope = m.newSubManager()) {
                autograd = TorchAutograd.mldgGradientWithCreateGraph(net, theta, p.metaTrain, p.metaTest, ALPHA, BETA, scope);
            }
            double err = Fixtures.relativeError(hand, autograd);
            System.out.printf("%s: second-order MLDG vs create_graph autograd: relative error %.3e%n", label, err);
            assertTrue(err < 1e-10, label + ": relative error " + err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void firstOrderIsGradFPlusBetaGradGAtAdaptedParameters(String label, Network net) {
        try (NDManager m = Devices.engine().newBaseManager()) {
            Problem p = Problem.of(net, m);
            ParamSet theta = Fixtures.initialParams(net, 7, m);
            double[] firstOrder = metaGradient(net, theta, p, ALPHA, BETA, false, m);
            double[] secondOrder = metaGradient(net, theta, p, ALPHA, BETA, true, m);

            // Definition, with plain (non-autograd) hand-written gradients.
            var f = ClassificationLoss.valueAndGradient(net, theta, p.metaTrain);
            ParamSet adapted = theta.zip(f.gradient(), (t, g) -> t.sub(g.mul(ALPHA)));
            double[] gradG = ClassificationLoss.valueAndGradient(net, adapted, p.metaTest).gradient().flatten();
            double[] gradF = f.gradient().flatten();
            double[] expected = new double[gradF.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = gradF[i] + BETA * gradG[i];
            }
            double err = Fixtures.relativeError(firstOrder, expected);
            double hessianTerm = Fixtures.relativeError(firstOrder, secondOrder);
            System.out.printf("%s: first order vs ∇F + β∇G(θ'): relative error %.3e; ‖∇L₁ − ∇L‖/‖∇L‖ = %.3e%n",
                    label, err, hessianTerm);
            assertTrue(err < 1e-12, label + ": relative error " + err);
            assertTrue(hessianTerm > 1e-4, label + ": first and second order should differ when α > 0, got " + hessianTerm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void withZeroInnerStepBothOrdersEqualBetaWeightedErm(String label, Network net) {
        try (NDManager m = Devices.engine().newBaseManager()) {
            Problem p = Problem.of(net, m);
            ParamSet theta = Fixtures.initialParams(net, 8, m);
            double[] firstOrder = metaGradient(net, theta, p, 0.0, BETA, false, m);
            double[] secondOrder = metaGradient(net, theta, p, 0.0, BETA, true, m);
            // ERM over all three domains, meta-train domains weighted 1/2 each, the meta-test one β.
            var domains = new java.util.ArrayList<>(p.train);
            domains.addAll(p.test);
            WeightedBatch weighted = WeightedBatch.of(m, DataType.FLOAT64, net.numClasses(), domains,
                    new double[] {0.5, 0.5, BETA});
            double[] erm = ClassificationLoss.valueAndGradient(net, theta, weighted).gradient().flatten();
            double errFo = Fixtures.relativeError(firstOrder, erm);
            double errSo = Fixtures.relativeError(secondOrder, erm);
            System.out.printf("%s: α = 0, first/second order vs β-weighted ERM: relative errors %.3e / %.3e%n",
                    label, errFo, errSo);
            assertTrue(errFo < 1e-12 && errSo < 1e-12, label + ": " + errFo + ", " + errSo);
            assertArrayEquals(firstOrder, secondOrder, 1e-12);
        }
    }

    /** All coordinates when there are few, otherwise a seeded subset of {@code max}. */
    private static int[] coordinates(int n, int max) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return new SplittableRandom(42).ints(0, n).distinct().limit(max).sorted().toArray();
    }
}
