package dev.augur.core.rank;

/** Picks the best {@code k} entries of a score array without sorting it all: a bounded min-heap. */
public final class TopK {
    private TopK() {
    }

    /**
     * Writes the indices of the {@code k} highest scores into {@code out} (best first) and returns how many there
     * were; NaN and negative infinity never count. Ties go to the lower index, so results are deterministic.
     */
    public static int select(float[] scores, int k, int[] out) {
        int size = 0;
        int[] heap = out; // min-heap of indices, worst at the root
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (!(s > Float.NEGATIVE_INFINITY)) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size, scores);
                size++;
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        // heap-sort in place: repeatedly move the worst to the end
        for (int end = size - 1; end > 0; end--) {
            int tmp = heap[0];
            heap[0] = heap[end];
            heap[end] = tmp;
            siftDown(heap, end, scores);
        }
        return size;
    }

    /** Whether item a ranks above item b. */
    static boolean better(int a, int b, float[] s) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(int[] h, int at, float[] s) {
        int x = h[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(h[parent], x, s)) {
                break;
            }
            h[at] = h[parent];
            at = parent;
        }
        h[at] = x;
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int at = 0;
        int x = h[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(h[child], h[child + 1], s)) {
                child++;
            }
            if (!better(x, h[child], s)) {
                break;
            }
            h[at] = h[child];
            at = child;
        }
        h[at] = x;
    }
}
