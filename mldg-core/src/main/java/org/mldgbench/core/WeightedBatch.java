package org.mldgbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several domain batches concatenated into one, with a per-example loss weight. Example {@code i}
 * of domain {@code d} gets weight {@code domainWeights[d] / n_d}, so the weighted cross-entropy is
 * {@code Σ_d domainWeights[d] · mean loss on d} — "mean over domains" when every weight is
 * {@code 1/D}, and MLDG's {@code β}-weighted meta-test loss otherwise.
 */
public record WeightedBatch(NDArray features, NDArray oneHot, NDArray weights) {

    /** The batches with the given per-domain weights, as tensors in {@code manager}. */
    public static WeightedBatch of(
            NDManager manager, DataType dataType, int numClasses, List<DomainBatch> domains, double[] domainWeights) {
        if (domains.size() != domainWeights.length || domains.isEmpty()) {
            throw new IllegalArgumentException(
                    domains.size() + " domain batches but " + domainWeights.length + " domain weights");
        }
        int total = domains.stream().mapToInt(DomainBatch::size).sum();
        double[] oneHot = new double[total * numClasses];
        double[] weights = new double[total];
        var features = new ArrayList<NDArray>();
        int row = 0;
        for (int d = 0; d < domains.size(); d++) {
            DomainBatch b = domains.get(d);
            for (int label : b.labels()) {
                if (label < 0 || label >= numClasses) {
                    throw new IllegalArgumentException(
                            "label " + label + " is outside [0, " + numClasses + ") in domain batch " + d);
                }
                oneHot[row * numClasses + label] = 1.0;
                weights[row] = domainWeights[d] / b.size();
                row++;
            }
            features.add(b.features(manager, dataType));
        }
        NDArray x = features.size() == 1 ? features.get(0) : NDArrays.concat(new NDList(features), 0);
        return new WeightedBatch(
                x,
                manager.create(oneHot, new Shape(total, numClasses)).toType(dataType, false),
                manager.create(weights, new Shape(total, 1)).toType(dataType, false));
    }

    /** Mean over domains of each domain's mean loss. */
    public static WeightedBatch meanOverDomains(
            NDManager manager, DataType dataType, int numClasses, List<DomainBatch> domains) {
        double[] w = new double[domains.size()];
        Arrays.fill(w, 1.0 / domains.size());
        return of(manager, dataType, numClasses, domains, w);
    }
}
