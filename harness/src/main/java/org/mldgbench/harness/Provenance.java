package org.mldgbench.harness;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mldgbench.core.Devices;

/**
 * Where and with what a run was computed, stored with every run (Tribuo-style provenance): code
 * version, library versions, platform and device. Captured once per sweep process.
 */
public record Provenance(
        String gitCommit,
        boolean gitDirty,
        String javaVersion,
        String javaVendor,
        String djlVersion,
        String engine,
        String engineVersion,
        String os,
        String cpu,
        int cpuCores,
        int gpuCount,
        String device) {

    static Provenance capture(Device device) {
        Engine engine = Devices.engine();
        String commit = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        return new Provenance(
                commit == null ? "unknown" : commit.trim(),
                status != null && !status.isBlank(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                Engine.getDjlVersion(),
                engine.getEngineName(),
                engine.getVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                engine.getGpuCount(),
                device.toString());
    }

    /** Output of a git command in the working directory, or null when git or a repository is absent. */
    private static String git(String... args) {
        var cmd = new java.util.ArrayList<String>();
        cmd.add("git");
        cmd.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: fall through.
        }
        return System.getProperty("os.arch");
    }
}
