package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SplitAndSamplerTest {

    private final Examples domain = Datasets.load("synthetic").domains().get(0).examples();

    @Test
    void splitIsStratifiedTwentyPercentAndDisjoint() {
        DomainSplit split = DomainSplit.stratified(domain, 5, 0.2, 1);
        assertEquals(800, split.train().size());
        assertEquals(200, split.validation().size());
        assertArrayEquals(new int[] {40, 40, 40, 40, 40}, split.validation().classCounts(5));
        var rows = new HashSet<String>();
        for (Examples part : new Examples[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                rows.add(Arrays.toString(part.features(i, 1)));
            }
        }
        assertEquals(1000, rows.size(), "train and validation together hold every example exactly once");
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        var a = DomainSplit.stratified(domain, 5, 0.2, 7);
        var b = DomainSplit.stratified(domain, 5, 0.2, 7);
        var c = DomainSplit.stratified(domain, 5, 0.2, 8);
        assertArrayEquals(a.validation().features(0, 200), b.validation().features(0, 200));
        assertFalse(Arrays.equals(a.validation().features(0, 200), c.validation().features(0, 200)));
    }

    @Test
    void samplerCoversEachEpochOnceAndIsSeeded() {
        Examples small = domain.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        var s1 = new BatchSampler(small, 3);
        var s2 = new BatchSampler(small, 3);
        var seen = new HashSet<Float>();
        for (int k = 0; k < 5; k++) {
            BatchSampler.Batch b1 = s1.next(2);
            assertArrayEquals(b1.features(), s2.next(2).features(), "same seed, same batches");
            for (int i = 0; i < 2; i++) {
                seen.add(b1.features()[i * 16]);
            }
        }
        assertEquals(10, seen.size(), "one epoch of 5 batches of 2 visits all 10 examples");
        assertFalse(Arrays.equals(new BatchSampler(small, 3).next(10).features(),
                new BatchSampler(small, 4).next(10).features()));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DomainSplit.stratified(domain, 5, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(domain, 1).next(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Examples.of(new float[5], new int[2], new int[] {3}));
        assertEquals("features has 5 values but 2 labels × example size 3 = 6 were expected", e.getMessage());
    }
}
