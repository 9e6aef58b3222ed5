package org.mldgbench.harness;

import org.mldgbench.core.nn.Network;
import org.mldgbench.datasets.DomainDataset;

/** The network each kind of dataset is trained with. */
final class Models {

    /** Hidden widths of the MLP used for feature-vector datasets. */
    static final int[] MLP_HIDDEN = {64, 64};
    /** Channel widths of the CNN used for image datasets. */
    static final int[] CNN_WIDTHS = {16, 32, 64};

    private Models() {}

    /** An MLP for feature vectors, the small CNN for (channels, height, width) images. */
    static Network networkFor(DomainDataset dataset) {
        int[] shape = dataset.inputShape();
        return switch (shape.length) {
            case 1 -> Network.mlp(shape[0], MLP_HIDDEN, dataset.numClasses());
            case 3 -> Network.cnn(shape[0], shape[1], shape[2], CNN_WIDTHS, dataset.numClasses());
            default -> throw new IllegalArgumentException(
                    "dataset '" + dataset.name() + "' has examples of shape " + java.util.Arrays.toString(shape)
                            + "; expected (features) or (channels, height, width)");
        };
    }
}
