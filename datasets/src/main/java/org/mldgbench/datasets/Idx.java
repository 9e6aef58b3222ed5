package org.mldgbench.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader for the IDX format of (Fashion-)MNIST, plain or gzip-compressed: a big-endian header
 * {@code 0x00 0x00 type rank}, one 32-bit size per dimension, then the values. Only unsigned bytes
 * (type 0x08) occur in these datasets and only those are accepted.
 */
final class Idx {

    /** The dimensions and bytes of one IDX file. */
    record Array(int[] dims, byte[] data) {}

    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** Reads {@code file}, requiring {@code rank} dimensions. */
    static Array read(Path file, int rank) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "file not found");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            var data = new DataInputStream(in);
            int magic = data.readInt();
            int type = (magic >>> 8) & 0xFF;
            int fileRank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE) {
                throw new DataFileException(file, String.format(
                        "not an IDX file of unsigned bytes: header 0x%08x, expected 0x000008%02x", magic, rank));
            }
            if (fileRank != rank) {
                throw new DataFileException(file, "IDX file has " + fileRank + " dimensions, expected " + rank);
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) {
                    throw new DataFileException(file, "IDX dimension " + i + " is negative: " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataFileException(file, "IDX payload of " + total + " bytes is too large");
            }
            byte[] values = new byte[(int) total];
            int read = data.readNBytes(values, 0, values.length);
            if (read != values.length) {
                throw new DataFileException(file, "truncated IDX file: header promises " + total
                        + " bytes of data, found " + read);
            }
            return new Array(dims, values);
        } catch (EOFException e) {
            throw new DataFileException(file, "truncated IDX file: ends inside its header", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read as (gzip-compressed) IDX: " + e.getMessage(), e);
        }
    }
}
