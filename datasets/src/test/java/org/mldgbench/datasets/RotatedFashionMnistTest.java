package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatedFashionMnistTest {

    private static final Path DEBIAN = Path.of(RotatedFashionMnist.DEBIAN_DIR);

    @TempDir
    Path cache;

    private DatasetOptions defaults() {
        return DatasetOptions.defaults().withCacheDir(cache);
    }

    /** Real data: runs where Debian's dataset-fashion-mnist is installed (.ci/run installs it). */
    @Test
    void realDataFollowsDomainBedProtocol() {
        assumeTrue(Files.isDirectory(DEBIAN), "dataset-fashion-mnist is not installed");
        var data = RotatedFashionMnist.load(defaults());
        assertEquals("rotated-fashion-mnist", data.name());
        assertEquals(List.of("rot0", "rot15", "rot30", "rot45", "rot60", "rot75"), data.domainNames());
        assertArrayEquals(new int[] {1, 28, 28}, data.inputShape());
        assertEquals(10, data.numClasses());
        int[] sizes = data.domains().stream().mapToInt(d -> d.examples().size()).toArray();
        assertArrayEquals(new int[] {11667, 11667, 11667, 11667, 11666, 11666}, sizes, "70,000 images dealt round-robin");
        // Pinned: the SHA-256 of the four packaged .gz files.
        assertEquals("362ba1f5424f406d0db9c78b0e83db011b09c121c5c5f94ee5c077628f9adb5c", data.checksum());
        float[] x = data.domains().get(0).examples().features(0, 1);
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1, "pixel values are scaled to [0, 1]");
        }

        var cached = RotatedFashionMnist.load(defaults());
        assertArrayEquals(data.domains().get(5).examples().features(11000, 600),
                cached.domains().get(5).examples().features(11000, 600), "the cached load returns the same images");
        var capped = RotatedFashionMnist.load(defaults().withMaxPerDomain(500));
        assertEquals("rotated-fashion-mnist-max500", capped.name());
        capped.domains().forEach(d -> assertEquals(500, d.examples().size()));
        assertArrayEquals(data.domains().get(2).examples().features(0, 500),
                capped.domains().get(2).examples().features(0, 500), "the cap keeps the first images of each domain");
    }

    @Test
    void generatedFilesGiveExactDisjointDomains(@TempDir Path dir) throws IOException {
        TestFiles.fashionMnist(dir, 24, 12);
        var options = defaults().withDataDir(dir);
        var data = RotatedFashionMnist.load(options);
        assertEquals(6, data.domains().size());
        var seen = new java.util.TreeSet<Integer>();
        for (Domain d : data.domains()) {
            assertEquals(6, d.examples().size(), "36 images / 6 domains");
            for (int i = 0; i < 6; i++) {
                // The centre pixel survives every rotation of a constant image unchanged.
                int value = Math.round(d.examples().features(i, 1)[14 * 28 + 14] * 255);
                assertEquals(value % 10, d.examples().label(i), "labels travel with their images");
                seen.add(value);
            }
        }
        assertEquals(36, seen.size(), "every image lands in exactly one domain");
        assertEquals(data.checksum(), RotatedFashionMnist.load(options).checksum(), "checksum is stable across loads");
    }

    @Test
    void rotationOfAKnownImage() {
        byte[] bar = new byte[28 * 28];
        for (int x = 4; x < 24; x++) {
            bar[13 * 28 + x] = (byte) 200; // horizontal bar in row 13
        }
        assertArrayEquals(bar, Rotation.rotate(bar, 28, 0), "0° is the identity");
        byte[] turned = Rotation.rotate(bar, 28, 90);
        // Rotating by 90° about the centre (13.5, 13.5) maps row 13 to column 13, counter-clockwise:
        // the bar's right end (x = 23) goes to the top (y = 4).
        for (int y = 4; y < 24; y++) {
            assertEquals(200, turned[y * 28 + 13] & 0xFF, "pixel (13, " + y + ")");
        }
        int lit = 0;
        for (byte b : turned) {
            lit += (b & 0xFF) > 0 ? 1 : 0;
        }
        assertEquals(20, lit, "nothing else lights up");
        assertArrayEquals(Rotation.rotate(bar, 28, 45), Rotation.rotate(bar, 28, 45), "deterministic");
        byte[] diagonal = Rotation.rotate(bar, 28, 45);
        int upperRight = 0;
        int lowerRight = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 16; x < 28; x++) {
                if (y < 12) {
                    upperRight += diagonal[y * 28 + x] & 0xFF;
                } else if (y > 15) {
                    lowerRight += diagonal[y * 28 + x] & 0xFF;
                }
            }
        }
        assertTrue(upperRight > 1000 && lowerRight == 0,
                "45° counter-clockwise sends the right arm up and right: " + upperRight + " vs " + lowerRight);
    }

    @Test
    void badFilesNameTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        var options = defaults().withDataDir(dir.resolve("nowhere"));
        var e = assertThrows(DataFileException.class, () -> RotatedFashionMnist.load(options));
        assertTrue(e.getMessage().contains("nowhere: directory not found"), e.getMessage());

        TestFiles.fashionMnist(dir, 12, 6);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        var missing = assertThrows(DataFileException.class,
                () -> RotatedFashionMnist.load(defaults().withDataDir(dir)));
        assertTrue(missing.getMessage().contains("t10k-labels-idx1-ubyte.gz: file not found"), missing.getMessage());

        Files.writeString(dir.resolve("t10k-labels-idx1-ubyte.gz"), "this is not an IDX file");
        var notIdx = assertThrows(DataFileException.class,
                () -> RotatedFashionMnist.load(defaults().withDataDir(dir)));
        assertTrue(notIdx.getMessage().contains("t10k-labels-idx1-ubyte.gz: not an IDX file"), notIdx.getMessage());

        TestFiles.idx(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {6}, new byte[3]);
        var truncated = assertThrows(DataFileException.class,
                () -> RotatedFashionMnist.load(defaults().withDataDir(dir)));
        assertTrue(truncated.getMessage().contains("truncated IDX file: header promises 6 bytes of data, found 3"),
                truncated.getMessage());

        TestFiles.idx(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {5}, new byte[5]);
        var mismatch = assertThrows(DataFileException.class,
                () -> RotatedFashionMnist.load(defaults().withDataDir(dir)));
        assertTrue(mismatch.getMessage().contains("5 labels for the 6 images"), mismatch.getMessage());
    }
}
