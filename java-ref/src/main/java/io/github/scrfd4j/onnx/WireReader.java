package io.github.scrfd4j.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Protocol-buffers wire format over a byte range, with every length and offset checked against the
 * range: a truncated or lying file is an {@link OnnxFormatException}, never an index error or a huge
 * allocation.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private final int limit;
    private final String what;
    private int pos;

    WireReader(byte[] buf, int from, int to, String what) {
        this.buf = buf;
        this.pos = from;
        this.limit = to;
        this.what = what;
    }

    static WireReader of(byte[] bytes, String what) {
        return new WireReader(bytes, 0, bytes.length, what);
    }

    boolean hasMore() {
        return pos < limit;
    }

    int position() {
        return pos;
    }

    /** The next field's tag: {@code field << 3 | wireType}. */
    int readTag() {
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE || (tag >>> 3) == 0) {
            throw error("invalid field tag " + tag);
        }
        int wt = (int) (tag & 7);
        if (wt != VARINT && wt != FIXED64 && wt != LENGTH_DELIMITED && wt != FIXED32) {
            throw error("unsupported wire type " + wt + " of field " + (tag >>> 3));
        }
        return (int) tag;
    }

    long readVarint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw error("truncated varint");
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    int readFixed32() {
        need(4);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    long readFixed64() {
        long lo = readFixed32() & 0xffffffffL;
        long hi = readFixed32() & 0xffffffffL;
        return lo | hi << 32;
    }

    /** The length of a length-delimited field, checked against what is left. */
    int readLength() {
        long n = readVarint();
        if (n < 0 || n > limit - pos) {
            throw error("length " + n + " runs past the end (" + (limit - pos) + " bytes left)");
        }
        return (int) n;
    }

    /** A nested message as a reader over its bytes; this reader moves past it. */
    WireReader readMessage(String name) {
        int n = readLength();
        WireReader r = new WireReader(buf, pos, pos + n, what + " > " + name);
        pos += n;
        return r;
    }

    String readString() {
        int n = readLength();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** A length-delimited field's byte range {@code [start, start + length)}; this reader moves past it. */
    int[] readRange() {
        int n = readLength();
        int start = pos;
        pos += n;
        return new int[] {start, n};
    }

    byte[] bytes() {
        return buf;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT:
                readVarint();
                break;
            case FIXED64:
                need(8);
                pos += 8;
                break;
            case LENGTH_DELIMITED: {
                int n = readLength();
                pos += n;
                break;
            }
            case FIXED32:
                need(4);
                pos += 4;
                break;
            default:
                throw error("unsupported wire type " + wireType);
        }
    }

    /** Rejects a known field written with another wire type than the schema's. */
    void expect(int tag, int wireType, String field) {
        if ((tag & 7) != wireType) {
            throw error("field " + field + " has wire type " + (tag & 7) + ", expected " + wireType);
        }
    }

    private void need(int n) {
        if (limit - pos < n) {
            throw error("truncated: " + n + " bytes needed, " + (limit - pos) + " left");
        }
    }

    OnnxFormatException error(String message) {
        return new OnnxFormatException(what + " at byte " + pos + ": " + message);
    }
}
