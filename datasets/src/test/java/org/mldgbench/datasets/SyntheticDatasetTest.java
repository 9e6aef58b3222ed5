package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {

    @Test
    void standardDatasetHasTheDocumentedShape() {
        DomainDataset data = Datasets.load("synthetic");
        assertEquals(List.of("d0", "d1", "d2", "d3"), data.domainNames());
        assertEquals(5, data.numClasses());
        assertArrayEquals(new int[] {16}, data.inputShape());
        for (Domain d : data.domains()) {
            assertEquals(1000, d.examples().size());
            assertArrayEquals(new int[] {200, 200, 200, 200, 200}, d.examples().classCounts(5), "balanced classes");
        }
    }

    @Test
    void generationIsDeterministicAndPinned() {
        String first = SyntheticDataset.standard().checksum();
        assertEquals(first, SyntheticDataset.standard().checksum());
        // Pinned: a change here changes every synthetic result; bump it deliberately, never silently.
        assertEquals("272ec7e77517824e7217f915d78860831bbee9db9635c039f970254bb48c8031", first);
        var other = new SyntheticDataset.Config("synthetic", 1000, 5, 8, 4, 4, 1.0, 0.8, 0.6, 0.4,
                new double[] {2.0, 1.0, 0.0, -1.0}, 2019L);
        assertNotEquals(first, SyntheticDataset.generate(other).checksum());
    }

    @Test
    void domainsDifferInDistribution() {
        DomainDataset data = Datasets.load("synthetic");
        double[] firstFeatureMean = new double[4];
        for (int e = 0; e < 4; e++) {
            Examples ex = data.domains().get(e).examples();
            for (int i = 0; i < ex.size(); i++) {
                firstFeatureMean[e] += ex.features(i, 1)[0] / ex.size();
            }
        }
        for (int e = 1; e < 4; e++) {
            assertTrue(Math.abs(firstFeatureMean[e] - firstFeatureMean[0]) > 0.05,
                    "domain d" + e + " should be shifted relative to d0");
        }
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("pacs"));
        assertEquals("unknown dataset 'pacs'; valid datasets: synthetic, debug, rotated-fashion-mnist, imagefolder, features", e.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> Datasets.load("debug").domain("x"));
        assertEquals("dataset 'debug' has no domain 'x'; valid domains: d0, d1, d2", d.getMessage());
    }
}
