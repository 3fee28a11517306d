package org.cartevidence.pipeline;

import java.util.ArrayList;
import java.util.List;

/** A long list in consecutive slices, so that each query's IN list (and each lookup) stays bounded. */
final class Chunks {

    private Chunks() {
    }

    /** Views of {@code list}, {@code size} elements each (the last one fewer). */
    static <T> List<List<T>> of(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>((list.size() + size - 1) / size);
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
