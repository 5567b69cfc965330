package io.github.scrfd4j.conformance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for the two types the conformance suite uses:
 * little-endian float32 ({@code <f4}) and uint8 ({@code |u1}), C order. Files written here load with
 * {@code numpy.load}, and files numpy writes with those types load here.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|>=]?[a-z]\\d+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A loaded array: exactly one of {@code floats} and {@code bytes} is set. */
    public record Array(long[] shape, float[] floats, byte[] bytes) {
        public long size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public String toString() {
            return (floats != null ? "float32" : "uint8") + Arrays.toString(shape);
        }
    }

    private Npy() {
    }

    public static void writeFloats(Path file, long[] shape, float[] data) throws IOException {
        check(shape, data.length);
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        write(file, "<f4", shape, b.array());
    }

    public static void writeBytes(Path file, long[] shape, byte[] data) throws IOException {
        check(shape, data.length);
        write(file, "|u1", shape, data);
    }

    private static void check(long[] shape, int length) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not " + length);
        }
    }

    private static void write(Path file, String descr, long[] shape, byte[] payload) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String s = shape.length == 1 ? dims.substring(0, dims.length() - 1) : shape.length == 0 ? ""
                : dims.substring(0, dims.length() - 2);
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + s + "), }";
        // magic(6) + version(2) + length(2) + header + '\n', padded with spaces to a multiple of 64
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII)).put(payload);
        Files.write(file, out.array());
    }

    /** Reads a float32 or uint8 C-order file; anything else is an {@link IOException} naming what it found. */
    public static Array read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 10 || !Arrays.equals(Arrays.copyOf(all, 6), MAGIC)) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = all[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLength = b.getInt(8);
            start = 12;
        } else {
            throw new IOException(file + ": .npy version " + major + " is not supported");
        }
        if (headerLength < 0 || (long) start + headerLength > all.length) {
            throw new IOException(file + ": truncated .npy header");
        }
        String header = new String(all, start, headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher o = ORDER.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !o.find() || !s.find()) {
            throw new IOException(file + ": unreadable .npy header " + header.trim());
        }
        if (o.group(1).equals("True")) {
            throw new IOException(file + ": Fortran-order arrays are not supported; save with C order");
        }
        String[] parts = s.group(1).split(",");
        long[] shape = Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).mapToLong(Long::parseLong).toArray();
        long n = 1;
        try {
            for (long dim : shape) {
                if (dim < 0) {
                    throw new IOException(file + ": negative dimension in shape " + Arrays.toString(shape));
                }
                n = Math.multiplyExact(n, dim);
            }
            Math.multiplyExact(n, 4L);
        } catch (ArithmeticException e) {
            throw new IOException(file + ": shape " + Arrays.toString(shape) + " is too large");
        }
        if (n > Integer.MAX_VALUE / 4) {
            throw new IOException(file + ": shape " + Arrays.toString(shape) + " is too large");
        }
        int offset = start + headerLength;
        String descr = d.group(1);
        if (descr.equals("<f4") || descr.equals("f4") || descr.equals("=f4")) {
            if (offset + n * 4 != all.length) {
                throw new IOException(file + ": " + n + " float32 values expected, file has " + (all.length - offset) + " bytes");
            }
            float[] f = new float[(int) n];
            ByteBuffer.wrap(all, offset, (int) n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return new Array(shape, f, null);
        }
        if (descr.equals("|u1") || descr.equals("u1")) {
            if (offset + n != all.length) {
                throw new IOException(file + ": " + n + " uint8 values expected, file has " + (all.length - offset) + " bytes");
            }
            return new Array(shape, null, Arrays.copyOfRange(all, offset, offset + (int) n));
        }
        throw new IOException(file + ": dtype " + descr + " is not supported (use float32 '<f4' or uint8 '|u1')");
    }
}
