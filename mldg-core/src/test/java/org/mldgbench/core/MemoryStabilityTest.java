package org.mldgbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mldgbench.core.nn.Network;

/**
 * Test 5: 2,000 exact second-order steps on a 512-wide MLP leave resident memory flat (growth
 * under 100 MB after warm-up) and the number of live NDArrays unchanged. This is the property the
 * create_graph autograd path lacks (DESIGN.md).
 *
 * <p>Resident memory includes the Java heap, whose pages become resident as the collector first
 * touches them; the module's surefire configuration fixes and pre-touches the heap so that what
 * this test sees growing is native (tensor) memory.
 */
class MemoryStabilityTest {

    @Test
    void secondOrderStepsDoNotLeak() throws IOException {
        // 2,000 updates, with diagnostics, a parameter read-out and a prediction every 100 steps.
        Network net = Network.mlp(32, new int[] {512, 512}, 5);
        List<DomainBatch> batches = Fixtures.batches(net, 3, 32, 3);
        var setup = Fixtures.setup(net, 3, Fixtures.mldgHParams(0.5, 1.0), 1, DataType.FLOAT32);
        try (NDManager probe = Devices.engine().newBaseManager();
             Algorithm mldg = Mldg.SECOND_ORDER.factory().create(setup)) {
            NDManager root = probe.getParentManager();
            for (int i = 0; i < 200; i++) {
                mldg.update(batches);
            }
            System.gc();
            long rssBefore = residentBytes();
            int arraysBefore = root.getManagedArrays().size();
            for (int i = 0; i < 2000; i++) {
                StepStats s = mldg.update(batches);
                assertTrue(!s.diverged(), "step " + i + " diverged");
                if (i % 100 == 0) {
                    // What the harness does at checkpoints must not leak either.
                    mldg.diagnostics(batches);
                    mldg.parameters().toFloatArrays();
                    try (NDManager eval = Devices.engine().newBaseManager()) {
                        mldg.predict(batches.get(0).features(eval, DataType.FLOAT32));
                    }
                }

            }
            System.gc();
            long rssAfter = residentBytes();
            int arraysAfter = root.getManagedArrays().size();
            System.out.printf("2,000 second-order steps (512-wide MLP): RSS %d MB → %d MB (%+d MB); live NDArrays %d → %d%n",
                    rssBefore >> 20, rssAfter >> 20, (rssAfter - rssBefore) >> 20, arraysBefore, arraysAfter);
            assertEquals(arraysBefore, arraysAfter, "live NDArrays after warm-up vs after 2,000 more steps");
            assertTrue(rssAfter - rssBefore < 100L << 20, "resident memory grew by " + ((rssAfter - rssBefore) >> 20) + " MB");
        }
    }

    /** VmRSS of this process from /proc (Linux; the CI platform). */
    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
