package org.mldgbench.baselines;

import java.util.List;
import org.mldgbench.core.AlgorithmRegistry;
import org.mldgbench.core.Mldg;

/** The registry the harness uses: source-only training, then MLDG, then (later) its successors. */
public final class AllAlgorithms {

    public static final AlgorithmRegistry REGISTRY =
            new AlgorithmRegistry(List.of(Erm.SPEC, Mldg.FIRST_ORDER, Mldg.SECOND_ORDER));

    private AllAlgorithms() {}
}
