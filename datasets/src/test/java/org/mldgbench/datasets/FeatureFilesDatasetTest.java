package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFilesDatasetTest {

    @TempDir
    Path dir;

    private DatasetOptions options() {
        return DatasetOptions.defaults().withDataDir(dir);
    }

    private void csv(String name, List<double[]> rows, boolean header) throws IOException {
        String body = rows.stream().map(r -> java.util.Arrays.stream(r).mapToObj(Double::toString)
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve(name), (header ? "f0,f1,f2,label\n" : "") + body + "\n");
    }

    /** Three domains in the three formats, 3 features, 3 classes. */
    private void threeFormats() throws IOException {
        var a = TestFiles.rows(6, 3, 3, 0);
        TestFiles.npz(dir.resolve("art.npz"), List.of("features.npy", "labels.npy"), List.of(
                TestFiles.npy("<f4", new long[] {6, 3}, a.stream().flatMapToDouble(r -> java.util.Arrays.stream(r, 0, 3)).toArray()),
                TestFiles.npy("<i8", new long[] {6}, a.stream().mapToDouble(r -> r[3]).toArray())));
        Files.write(dir.resolve("cartoon.npy"), TestFiles.npy("<f8", new long[] {9, 4}, TestFiles.flatten(TestFiles.rows(9, 3, 3, 100))));
        csv("photo.csv", TestFiles.rows(12, 3, 3, 200), true);
    }

    @Test
    void readsNpzNpyAndCsv() throws IOException {
        threeFormats();
        var data = FeatureFilesDataset.load(options());
        assertEquals("features-" + dir.getFileName(), data.name());
        assertEquals(List.of("art", "cartoon", "photo"), data.domainNames());
        assertEquals(3, data.numClasses());
        assertArrayEquals(new int[] {3}, data.inputShape());
        assertArrayEquals(new int[] {6, 9, 12}, data.domains().stream().mapToInt(d -> d.examples().size()).toArray());
        assertArrayEquals(new float[] {104f, 104.1f, 104.2f}, data.domain("cartoon").examples().features(4, 1));
        assertEquals(1, data.domain("cartoon").examples().label(4));
        assertArrayEquals(new float[] {211f, 211.1f, 211.2f}, data.domain("photo").examples().features(11, 1));
        assertEquals(2, data.domain("photo").examples().label(11));
        assertEquals(data.checksum(), FeatureFilesDataset.load(options()).checksum());
        assertEquals(4, FeatureFilesDataset.load(options().withMaxPerDomain(4)).domain("photo").examples().size());
    }

    private String loadError() {
        return assertThrows(IllegalArgumentException.class, () -> FeatureFilesDataset.load(options())).getMessage();
    }

    @Test
    void raggedAndNonNumericCsvRowsAreReported() throws IOException {
        csv("a.csv", TestFiles.rows(4, 2, 2, 0), false);
        Files.writeString(dir.resolve("b.csv"), "1,2,0\n3,4,1\n5,6\n");
        assertTrue(loadError().endsWith("b.csv: line 3 has 2 fields, expected 3 (as in line 1)"), loadError());
        Files.writeString(dir.resolve("b.csv"), "1,2,0\n3,oops,1\n");
        assertTrue(loadError().endsWith("b.csv: line 2, field 2: 'oops' is not a number"), loadError());
    }

    @Test
    void npyWithWrongDtypeOrRankIsRejected() throws IOException {
        csv("a.csv", TestFiles.rows(4, 2, 2, 0), false);
        Files.write(dir.resolve("b.npy"), TestFiles.npy("<i4", new long[] {4, 3}, new double[12]));
        assertTrue(loadError().contains("b.npy: features have dtype <i4, expected float32 (<f4) or float64 (<f8)"), loadError());
        Files.write(dir.resolve("b.npy"), TestFiles.npy("<f4", new long[] {12}, new double[12]));
        assertTrue(loadError().contains("b.npy: expected a 2-D array of shape (examples, features + 1)"), loadError());
        Files.write(dir.resolve("b.npy"), TestFiles.npy("<u2", new long[] {4, 3}, new double[0]));
        assertTrue(loadError().contains("b.npy: dtype <u2 is not supported"), loadError());
    }

    @Test
    void mismatchedDimensionsAndBadLabelsAreRejected() throws IOException {
        csv("a.csv", TestFiles.rows(4, 2, 2, 0), false);
        csv("b.csv", TestFiles.rows(4, 3, 2, 0), false);
        assertTrue(loadError().endsWith("b.csv: has 3 features per example but a.csv has 2; every domain must have the same feature dimension"),
                loadError());
        csv("b.csv", TestFiles.rows(4, 2, 3, 0), false);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        assertTrue(loadError().endsWith("b.csv: example 2 has label 2, outside [0, 2) as declared by classes.txt"), loadError());
        Files.delete(dir.resolve("classes.txt"));
        Files.writeString(dir.resolve("b.csv"), "1,2,0\n3,4,-1\n");
        assertTrue(loadError().endsWith("b.csv: example 1 has label -1.0; labels must be integers ≥ 0"), loadError());
        Files.writeString(dir.resolve("b.csv"), "1,2,0\n3,4,0.5\n");
        assertTrue(loadError().endsWith("b.csv: example 1 has label 0.5; labels must be integers ≥ 0"), loadError());
    }

    @Test
    void missingDirectoryEmptyDomainAndOneClassDomainAreRejected() throws IOException {
        var missing = assertThrows(DataFileException.class,
                () -> FeatureFilesDataset.load(options().withDataDir(dir.resolve("absent"))));
        assertTrue(missing.getMessage().contains("absent: directory not found"), missing.getMessage());
        csv("a.csv", TestFiles.rows(4, 2, 2, 0), false);
        Files.writeString(dir.resolve("b.csv"), "f0,f1,label\n");
        assertTrue(loadError().endsWith("b.csv: empty domain: no examples"), loadError());
        csv("b.csv", TestFiles.rows(4, 2, 1, 0), false);
        assertTrue(loadError().endsWith("b.csv: domain has examples of only 1 class; need at least 2"), loadError());
        Files.delete(dir.resolve("b.csv"));
        assertTrue(loadError().contains("found 1 domain file(s)"), loadError());
    }
}
