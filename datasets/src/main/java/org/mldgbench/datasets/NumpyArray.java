package org.mldgbench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader for NumPy's {@code .npy} format (versions 1–3): the magic {@code \x93NUMPY}, a header
 * dictionary with {@code descr}, {@code fortran_order} and {@code shape}, then the raw values.
 * Only little-endian (or byte-order-free) C-order arrays of float32, float64, int32 or int64 are
 * accepted: what feature files contain.
 */
final class NumpyArray {

    /** The shape, dtype and values (widened to double) of one array. */
    record Array(long[] shape, String dtype, double[] values) {
        int rank() {
            return shape.length;
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyArray() {}

    /** Reads one array; {@code what} names the source in errors (a file, or file!entry). */
    static Array read(InputStream in, String what) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(what + ": not a .npy array (missing the \\x93NUMPY magic)");
        }
        int major = in.read();
        in.read();
        int headerLength;
        if (major == 1) {
            headerLength = ByteBuffer.wrap(in.readNBytes(2)).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            headerLength = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IllegalArgumentException(what + ": unsupported .npy version " + major);
        }
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new IllegalArgumentException(what + ": malformed .npy header: " + header.trim());
        }
        if (fortran.group(1).equals("True")) {
            throw new IllegalArgumentException(what + ": Fortran-order arrays are not supported; save with np.ascontiguousarray");
        }
        String dtype = descr.group(1);
        int width = switch (dtype) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> throw new IllegalArgumentException(what + ": dtype " + dtype
                    + " is not supported; expected little-endian float32/float64 (<f4, <f8) or int32/int64 (<i4, <i8)");
        };
        long[] shape = Arrays.stream(shapeMatch.group(1).split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
        long count = 1;
        for (long s : shape) {
            count *= s;
        }
        if (count * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + ": array of " + count + " values is too large");
        }
        byte[] raw = in.readNBytes((int) (count * width));
        if (raw.length != count * width) {
            throw new IllegalArgumentException(what + ": truncated: shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + count * width + " bytes, found " + raw.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case "<f4" -> buf.getFloat();
                case "<f8" -> buf.getDouble();
                case "<i4" -> buf.getInt();
                default -> buf.getLong();
            };
        }
        return new Array(shape, dtype, values);
    }
}
