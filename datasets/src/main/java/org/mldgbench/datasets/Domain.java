package org.mldgbench.datasets;

/** One named domain (environment) of a multi-domain dataset and all of its examples. */
public record Domain(String name, Examples examples) {}
