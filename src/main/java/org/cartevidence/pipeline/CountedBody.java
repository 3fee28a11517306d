package org.cartevidence.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cartevidence.api.BodyLimit;

/** A request body read as a stream that refuses (413) to go past a limit, whether or not a length was declared. */
final class CountedBody extends FilterInputStream {

    private final long limit;
    private long count;

    CountedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw BodyLimit.tooLarge(limit);
        }
    }
}
