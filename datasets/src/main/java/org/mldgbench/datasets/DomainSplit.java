package org.mldgbench.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A domain's train/validation split. Splits are stratified by class and drawn from a seed with
 * {@link SplittableRandom}, whose algorithm is fixed by the JDK specification, so the same seed
 * gives the same split on every machine.
 */
public record DomainSplit(Examples train, Examples validation) {

    /** The validation fraction used unless a caller says otherwise (DomainBed's holdout). */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    /**
     * Splits {@code examples}: from each class, {@code round(fraction × count)} examples go to
     * validation and the rest to training. Both halves keep the original example order.
     */
    public static DomainSplit stratified(
            Examples examples, int numClasses, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validation fraction must be in (0, 1), got " + validationFraction);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        int[] labels = examples.labels();
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        var rng = new SplittableRandom(seed);
        boolean[] isValidation = new boolean[labels.length];
        int validationCount = 0;
        for (List<Integer> members : byClass) {
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            shuffle(idx, rng);
            int take = (int) Math.round(validationFraction * idx.length);
            for (int k = 0; k < take; k++) {
                isValidation[idx[k]] = true;
            }
            validationCount += take;
        }
        int[] trainIdx = new int[labels.length - validationCount];
        int[] validationIdx = new int[validationCount];
        int t = 0;
        int v = 0;
        for (int i = 0; i < labels.length; i++) {
            if (isValidation[i]) {
                validationIdx[v++] = i;
            } else {
                trainIdx[t++] = i;
            }
        }
        return new DomainSplit(examples.select(trainIdx), examples.select(validationIdx));
    }

    /** Fisher–Yates shuffle driven by {@code rng}. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    @Override
    public String toString() {
        return "DomainSplit[train=" + train.size() + ", validation=" + validation.size() + "]";
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }
}
