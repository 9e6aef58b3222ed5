package org.mldgbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders reach the harness: the datasets command and tiny sweeps on image and feature data. */
class RealDatasetSweepTest {

    @TempDir
    Path tmp;

    /** 3 domains × 2 classes × 4 noisy 12×12 images; class 0 is reddish, class 1 bluish. */
    private Path imageFolder() throws IOException {
        var rng = new SplittableRandom(5);
        Path root = tmp.resolve("tiny-images");
        for (String domain : new String[] {"d-a", "d-b", "d-c"}) {
            for (int c = 0; c < 2; c++) {
                Path dir = Files.createDirectories(root.resolve(domain).resolve(c == 0 ? "red" : "blue"));
                for (int i = 0; i < 4; i++) {
                    var img = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 12; y++) {
                        for (int x = 0; x < 12; x++) {
                            int noise = rng.nextInt(60);
                            img.setRGB(x, y, c == 0 ? (200 + noise / 2) << 16 | noise : noise << 16 | (200 + noise / 2));
                        }
                    }
                    ImageIO.write(img, "png", dir.resolve(i + ".png").toFile());
                }
            }
        }
        return root;
    }

    @Test
    void datasetsCommandListsAndSummarises() throws IOException {
        var list = SweepFixtures.cli("datasets");
        assertEquals(0, list.code(), list.err());
        for (String name : new String[] {"synthetic", "debug", "rotated-fashion-mnist", "imagefolder", "features"}) {
            assertTrue(list.out().contains(name), list.out());
        }
        var summary = SweepFixtures.cli("datasets", "imagefolder", "--data-dir", imageFolder().toString(),
                "--image-size", "8", "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains("dataset      imagefolder-tiny-images-8px"), summary.out());
        assertTrue(summary.out().contains("input shape  [3, 8, 8]"), summary.out());
        assertTrue(summary.out().contains("classes      2: blue, red"), summary.out());
        assertTrue(summary.out().contains("d-b                     8 examples; per class [4, 4]"), summary.out());
        var missing = SweepFixtures.cli("datasets", "features");
        assertEquals(2, missing.code());
        assertEquals("error: dataset 'features' needs --data-dir pointing at a directory of <domain>.npz, "
                + "<domain>.npy or <domain>.csv files", missing.err().trim());
    }

    @Test
    void sweepTrainsTheCnnOnAnImageFolder() throws IOException {
        Path out = tmp.resolve("out");
        var r = SweepFixtures.cli("sweep", "--dataset", "imagefolder", "--data-dir", imageFolder().toString(),
                "--image-size", "8", "--cache-dir", tmp.resolve("cache").toString(), "--seeds", "1", "--steps", "4",
                "--checkpoint-every", "2", "--hparam", "batch_size=4", "--test-domains", "d-c", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out.resolve("leaderboard-imagefolder-tiny-images-8px-training-domain-validation.csv"));
        assertTrue(csv.startsWith("algorithm,d-c,average,runs,diverged\n"), csv);
        assertTrue(csv.contains("\nmldg-so,") && csv.endsWith(",1,0\n"), csv);
        try (var runs = Files.list(out.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            String spec = Files.readString(run.resolve(RunStore.SPEC));
            assertTrue(spec.contains("conv0:Conv2d") && spec.contains("\"sampler\": \"UNIFORM\""), spec);
        }
    }

    @Test
    void sweepTrainsOnFeatureFilesWithClassBalancedBatches() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("feats"));
        var rng = new SplittableRandom(3);
        for (String domain : new String[] {"a", "b", "c"}) {
            var sb = new StringBuilder("f0,f1,label\n");
            for (int i = 0; i < 30; i++) {
                int y = i % 3 == 0 ? 1 : 0;
                sb.append(y * 2 + rng.nextDouble()).append(',').append(rng.nextDouble()).append(',').append(y).append('\n');
            }
            Files.writeString(dir.resolve(domain + ".csv"), sb.toString());
        }
        Path out = tmp.resolve("out");
        var r = SweepFixtures.cli("sweep", "--dataset", "features", "--data-dir", dir.toString(), "--sampler", "class-balanced",
                "--seeds", "2", "--steps", "30", "--checkpoint-every", "10", "--hparam", "batch_size=8", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out.resolve("leaderboard-features-feats-training-domain-validation.csv"));
        assertEquals(4, csv.lines().count(), csv);
        assertTrue(csv.contains("\nerm,") && csv.contains(",6,0\n"), "2 seeds × 3 held-out domains, none diverged: " + csv);
        var bad = SweepFixtures.cli("sweep", "--dataset", "features", "--data-dir", dir.toString(), "--sampler", "weighted",
                "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--sampler must be uniform or class-balanced, got 'weighted'"), bad.err());
    }
}
