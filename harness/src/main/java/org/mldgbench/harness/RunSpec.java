package org.mldgbench.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines one training run. Its id is a hash of its canonical JSON, so the same
 * specification always maps to the same run directory, and a sweep that is restarted finds the
 * runs it already finished.
 *
 * @param datasetDomains all domains of the dataset in its order (the leaderboard's column order)
 * @param validationDomain a source domain also held out, for leave-one-source-domain-out
 *     selection; empty for ordinary runs
 * @param hparamTrial 0 for the registry defaults, N for the N-th seeded random draw
 * @param diagnosticsEvery record the algorithm's diagnostics at checkpoints whose step is a
 *     multiple of this (0: never)
 * @param network the architecture, as {@code Network.describe()}
 * @param sampler the batch sampler mode ({@code UNIFORM} or {@code CLASS_BALANCED})
 */
public record RunSpec(
        String dataset,
        String datasetChecksum,
        List<String> datasetDomains,
        String testDomain,
        String validationDomain,
        String algorithm,
        int hparamTrial,
        Map<String, Object> hparams,
        int seed,
        int steps,
        int checkpointEvery,
        int diagnosticsEvery,
        String network,
        String sampler,
        String dataType) {

    public RunSpec {
        datasetDomains = List.copyOf(datasetDomains);
        hparams = new TreeMap<>(hparams);
    }

    /** First 16 hex digits of SHA-256 over the canonical JSON of this spec. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.COMPACT.toJson(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** A short human label for progress lines. */
    public String label() {
        return algorithm + " test=" + testDomain + (validationDomain.isEmpty() ? "" : " val=" + validationDomain)
                + " seed=" + seed + (hparamTrial > 0 ? " trial=" + hparamTrial : "");
    }
}
