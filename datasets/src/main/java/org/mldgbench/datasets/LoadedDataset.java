package org.mldgbench.datasets;

import java.util.List;

/** A dataset as a file loader returns it: everything the {@link DomainDataset} contract asks for. */
record LoadedDataset(String name, List<Domain> domains, List<String> classNames, int[] shape, String checksum,
                     List<String> notes) implements DomainDataset {

    LoadedDataset {
        domains = List.copyOf(domains);
        classNames = List.copyOf(classNames);
        shape = shape.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public int numClasses() {
        return classNames.size();
    }

    @Override
    public int[] inputShape() {
        return shape.clone();
    }
}
