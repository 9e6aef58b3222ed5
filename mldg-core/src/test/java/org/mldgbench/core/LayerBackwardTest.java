package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mldgbench.core.nn.AvgPool2x2;
import org.mldgbench.core.nn.Conv2d;
import org.mldgbench.core.nn.Flatten;
import org.mldgbench.core.nn.GlobalAvgPool;
import org.mldgbench.core.nn.Layer;
import org.mldgbench.core.nn.Linear;
import org.mldgbench.core.nn.ParamSet;
import org.mldgbench.core.nn.ParamSpec;
import org.mldgbench.core.nn.Relu;
import org.mldgbench.core.nn.SoftmaxCrossEntropy;

/** Test 1: every layer's and the loss's hand-written backward equals DJL autograd (float64). */
class LayerBackwardTest {

    private static final double TOLERANCE = 1e-8;

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(new Linear(4, 3), new Shape(5, 4)),
                Arguments.of(new Relu(), new Shape(5, 6)),
                Arguments.of(new Conv2d(2, 3, 3, 1), new Shape(2, 2, 6, 6)),
                Arguments.of(new Conv2d(2, 3, 3, 0), new Shape(2, 2, 5, 6)),
                Arguments.of(new Conv2d(3, 2, 5, 2), new Shape(2, 3, 7, 7)),
                Arguments.of(new AvgPool2x2(), new Shape(2, 3, 6, 4)),
                Arguments.of(new GlobalAvgPool(), new Shape(2, 3, 4, 5)),
                Arguments.of(new Flatten(), new Shape(2, 3, 2, 2)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("layers")
    void handWrittenBackwardMatchesAutograd(Layer layer, Shape inputShape) {
        try (NDManager m = Devices.engine().newBaseManager()) {
            long[] example = inputShape.slice(1).getShape();
            var params = new LinkedHashMap<String, NDArray>();
            long seed = 1;
            for (ParamSpec spec : layer.parameters("l", example)) {
                params.put(spec.name(), Fixtures.random(m, new Shape(spec.shape()), seed++));
            }
            ParamSet theta = new ParamSet(params).leaves(m);
            NDArray x = Fixtures.random(m, inputShape, 100);
            x.setRequiresGradient(true);
            NDArray upstream;
            try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                NDArray y = layer.forward(theta, "l", x);
                upstream = Fixtures.random(m, y.getShape(), 200);
                gc.backward(y.mul(upstream).sum());
            }
            Layer.Gradient hand = layer.backward(theta, "l", x, upstream, true);
            double worst = relative(hand.input(), x.getGradient());
            for (String name : theta.names()) {
                worst = Math.max(worst, relative(hand.parameters().get(name), theta.get(name).getGradient()));
            }
            assertEquals(theta.names().size(), hand.parameters().size(), "one gradient per parameter");
            System.out.printf("layer backward %s: max relative error %.3e%n", layer, worst);
            assertTrue(worst < TOLERANCE, layer + ": relative error " + worst);
        }
    }

    @Test
    void softmaxCrossEntropyGradientMatchesAutograd() {
        try (NDManager m = Devices.engine().newBaseManager()) {
            NDArray z = Fixtures.random(m, new Shape(6, 4), 3).mul(3);
            z.setRequiresGradient(true);
            NDArray oneHot = m.eye(4).get("1:4, :").concat(m.eye(4).get("0:3, :"), 0);
            NDArray weights = Fixtures.random(m, new Shape(6, 1), 4).abs().add(0.1);
            try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                gc.backward(SoftmaxCrossEntropy.loss(z, oneHot, weights));
            }
            double err = relative(SoftmaxCrossEntropy.gradient(z, oneHot, weights), z.getGradient());
            System.out.printf("loss backward: relative error %.3e%n", err);
            assertTrue(err < TOLERANCE, "relative error " + err);
        }
    }

    @Test
    void layersRejectInputsTheyCannotTake() {
        var bad = List.of(
                (Runnable) () -> new Linear(4, 3).outputShape(new long[] {5}),
                () -> new AvgPool2x2().outputShape(new long[] {1, 7, 8}),
                () -> new Conv2d(2, 3, 3, 1).outputShape(new long[] {1, 8, 8}),
                () -> new GlobalAvgPool().outputShape(new long[] {8}));
        for (Runnable r : bad) {
            try {
                r.run();
                throw new AssertionError("expected IllegalArgumentException");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("got"), expected.getMessage());
            }
        }
    }

    private static double relative(NDArray hand, NDArray autograd) {
        assertEquals(autograd.getShape(), hand.getShape(), "gradient shape");
        return Fixtures.relativeError(hand.toDoubleArray(), autograd.toDoubleArray());
    }
}
