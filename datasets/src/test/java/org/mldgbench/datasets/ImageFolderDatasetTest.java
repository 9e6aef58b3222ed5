package org.mldgbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {

    @TempDir
    Path tmp;

    private DatasetOptions options(Path root, List<String> warnings) {
        return DatasetOptions.defaults().withDataDir(root).withImageSize(8).withCacheDir(tmp.resolve("cache"))
                .withWarnings(warnings::add);
    }

    /** art: dog×3 (red), cat×2 (green); photo: dog×2, cat×2, horse×2 — PNG and JPEG mixed. */
    private Path folder() throws IOException {
        Path root = tmp.resolve("pacs-like");
        for (int i = 0; i < 3; i++) {
            TestFiles.image(root.resolve("art/dog/" + i + ".png"), 20, 12, 0xFF0000);
        }
        for (int i = 0; i < 2; i++) {
            TestFiles.image(root.resolve("art/cat/" + i + ".png"), 9, 9, 0x00FF00);
            TestFiles.image(root.resolve("photo/dog/" + i + ".jpg"), 16, 16, 0xFF0000);
            TestFiles.image(root.resolve("photo/cat/" + i + ".png"), 5, 7, 0x00FF00);
            TestFiles.image(root.resolve("photo/horse/" + i + ".png"), 8, 8, 0x0000FF);
        }
        return root;
    }

    @Test
    void loadsLayoutClassesAndReportsMissingClasses() throws IOException {
        var warnings = new ArrayList<String>();
        var data = ImageFolderDataset.load(options(folder(), warnings));
        assertEquals("imagefolder-pacs-like-8px", data.name());
        assertEquals(List.of("art", "photo"), data.domainNames());
        assertEquals(List.of("cat", "dog", "horse"), data.classNames(), "sorted union of class directories");
        assertArrayEquals(new int[] {3, 8, 8}, data.inputShape());
        assertArrayEquals(new int[] {2, 3, 0}, data.domain("art").examples().classCounts(3));
        assertArrayEquals(new int[] {2, 2, 2}, data.domain("photo").examples().classCounts(3));
        assertTrue(data.notes().contains("domain art has no images of class(es) horse"), data.notes().toString());
        assertTrue(warnings.contains("domain art has no images of class(es) horse"));

        // A red 20×12 PNG resized to 8×8: R plane 1, G and B planes 0.
        var ex = data.domain("art").examples();
        int dog = ex.label(0) == 1 ? 0 : 2;
        float[] x = ex.features(dog, 1);
        for (int k = 0; k < 64; k++) {
            assertEquals(1f, x[k], 1e-6);
            assertEquals(0f, x[64 + k], 1e-6);
            assertEquals(0f, x[128 + k], 1e-6);
        }
    }

    @Test
    void secondLoadComesFromTheCacheWithTheSameChecksum() throws IOException {
        Path root = folder();
        var first = ImageFolderDataset.load(options(root, new ArrayList<>()));
        // Overwrite an image with garbage of the same size and modification time: a load that
        // decoded again would now skip it; a cached load does not look at it.
        Path victim = root.resolve("photo/horse/0.png");
        FileTime mtime = Files.getLastModifiedTime(victim);
        Files.write(victim, new byte[(int) Files.size(victim)]);
        Files.setLastModifiedTime(victim, mtime);
        var second = ImageFolderDataset.load(options(root, new ArrayList<>()));
        assertEquals(first.checksum(), second.checksum());
        assertEquals(6, second.domain("photo").examples().size(), "served from the cache, not decoded again");
        assertArrayEquals(first.domain("photo").examples().features(0, 6), second.domain("photo").examples().features(0, 6));
        try (var caches = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, caches.count(), "one cache directory, no temporary leftovers");
        }
    }

    @Test
    void corruptImagesAreSkippedAndCountedUpToOnePercent() throws IOException {
        Path root = tmp.resolve("big");
        for (int i = 0; i < 100; i++) {
            TestFiles.image(root.resolve("a/" + (i % 2 == 0 ? "x" : "y") + "/" + i + ".png"), 4, 4, 0x808080);
            TestFiles.image(root.resolve("b/" + (i % 2 == 0 ? "x" : "y") + "/" + i + ".png"), 4, 4, 0x404040);
        }
        Path broken = root.resolve("a/x/broken.png");
        Files.writeString(broken, "not a png");
        var warnings = new ArrayList<String>();
        var data = ImageFolderDataset.load(options(root, warnings));
        assertEquals(100, data.domain("a").examples().size());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("skipping corrupt image " + broken)), warnings.toString());
        assertTrue(data.notes().contains("domain a: skipped 1 corrupt image(s)"), data.notes().toString());

        Files.writeString(root.resolve("a/y/broken2.png"), "also not a png");
        var e = assertThrows(DataFileException.class, () -> ImageFolderDataset.load(options(root, new ArrayList<>())));
        assertTrue(e.getMessage().contains("2 of 102 images (2.0%) could not be decoded, more than the 1% allowed"), e.getMessage());
    }

    @Test
    void badLayoutsGetClearErrors() throws IOException {
        var missing = assertThrows(DataFileException.class,
                () -> ImageFolderDataset.load(options(tmp.resolve("absent"), new ArrayList<>())));
        assertTrue(missing.getMessage().endsWith("absent: directory not found; expected root/<domain>/<class>/<image>"),
                missing.getMessage());

        Path empty = tmp.resolve("empty-domain");
        TestFiles.image(empty.resolve("a/x/0.png"), 4, 4, 0);
        TestFiles.image(empty.resolve("a/y/0.png"), 4, 4, 0);
        Files.createDirectories(empty.resolve("b/x"));
        var e = assertThrows(DataFileException.class, () -> ImageFolderDataset.load(options(empty, new ArrayList<>())));
        assertTrue(e.getMessage().contains("b: empty domain"), e.getMessage());

        Path oneClass = tmp.resolve("one-class");
        TestFiles.image(oneClass.resolve("a/x/0.png"), 4, 4, 0);
        TestFiles.image(oneClass.resolve("a/y/0.png"), 4, 4, 0);
        TestFiles.image(oneClass.resolve("b/x/0.png"), 4, 4, 0);
        var one = assertThrows(DataFileException.class, () -> ImageFolderDataset.load(options(oneClass, new ArrayList<>())));
        assertTrue(one.getMessage().contains("b: domain has examples of only 1 class"), one.getMessage());

        var noDir = assertThrows(IllegalArgumentException.class,
                () -> ImageFolderDataset.load(DatasetOptions.defaults()));
        assertEquals("dataset 'imagefolder' needs --data-dir pointing at root/<domain>/<class>/<image>", noDir.getMessage());
    }
}
