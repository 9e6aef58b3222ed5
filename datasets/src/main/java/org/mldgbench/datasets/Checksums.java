package org.mldgbench.datasets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over a dataset's in-memory content, in a fixed little-endian byte order. */
public final class Checksums {

    private Checksums() {}

    /** Hashes domain names, shapes, labels and feature bits, in domain order. */
    public static String sha256(List<Domain> domains) {
        MessageDigest digest = newSha256();
        for (Domain domain : domains) {
            byte[] name = domain.name().getBytes(StandardCharsets.UTF_8);
            Examples ex = domain.examples();
            ByteBuffer header = littleEndian(4 + name.length + 4 * (1 + ex.exampleShape().length) + 4);
            header.putInt(name.length).put(name).putInt(ex.exampleShape().length);
            for (int s : ex.exampleShape()) {
                header.putInt(s);
            }
            header.putInt(ex.size());
            digest.update(header.array());
            ByteBuffer labels = littleEndian(4 * ex.size());
            labels.asIntBuffer().put(ex.labels());
            digest.update(labels.array());
            float[] row = new float[ex.exampleSize()];
            ByteBuffer bytes = littleEndian(4 * row.length);
            for (int i = 0; i < ex.size(); i++) {
                ex.copyFeatures(i, row, 0);
                bytes.clear();
                bytes.asFloatBuffer().put(row);
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
