package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import org.mldgbench.core.nn.Network;
import org.mldgbench.core.nn.ParamSet;
import org.mldgbench.core.nn.Scalars;

/**
 * The MLDG meta objective as a pure function of the parameters (notation of Li et al., AAAI 2018;
 * some write-ups call the inner step β and the outer rate γ):
 *
 * <pre>
 *   θ'   = θ − α ∇F(θ)                 virtual inner step on the meta-train domains
 *   L(θ) = F(θ) + β G(θ')              meta objective
 *   ∇L   = ∇F(θ) + β (I − α ∇²F(θ)) ∇G(θ')   second order (exact)
 *   ∇L₁  = ∇F(θ) + β ∇G(θ')                  first order (Hessian term dropped)
 * </pre>
 *
 * ∇F is built from the network's hand-written backward, i.e. from ordinary tensor operations, so
 * one ordinary autograd backward of {@code total} yields the exact ∇L. For first order the same
 * expression is used with ∇F detached from the graph. (Autograd with {@code createGraph} would
 * also give ∇L but leaks memory in a training loop; see DESIGN.md.)
 */
public final class MetaObjective {

    /** The three scalars of one evaluation; {@code total = metaTrain + β·metaTest}. */
    public record Value(NDArray metaTrain, NDArray metaTest, NDArray total) {}

    private MetaObjective() {}

    public static Value evaluate(
            Network network,
            ParamSet theta,
            WeightedBatch metaTrain,
            WeightedBatch metaTest,
            double alpha,
            double beta,
            boolean secondOrder) {
        ClassificationLoss.ValueAndGradient f = ClassificationLoss.valueAndGradient(network, theta, metaTrain);
        ParamSet gradF = secondOrder ? f.gradient() : f.gradient().map(NDArray::stopGradient);
        NDArray a = Scalars.of(f.value(), alpha);
        ParamSet adapted = theta.zip(gradF, (p, g) -> p.sub(g.mul(a)));
        NDArray g = ClassificationLoss.value(network, adapted, metaTest);
        return new Value(f.value(), g, f.value().add(g.mul(Scalars.of(g, beta))));
    }
}
