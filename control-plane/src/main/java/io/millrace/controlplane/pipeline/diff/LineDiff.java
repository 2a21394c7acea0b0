package io.millrace.controlplane.pipeline.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A shortest edit script between two line lists: Myers' O((N+M)·D) greedy algorithm ("An O(ND) Difference Algorithm
 * and Its Variations", 1986), keeping each round's furthest-reaching paths to walk the script back. Spec versions
 * differ in a few lines, so D is small and this stays fast on long specs. Written here rather than taken from a
 * library: the control plane needs only this and the unified rendering.
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<Edit> between(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        return backtrack(a, b, trace, offset, found);
    }

    /** Walks from (n, m) back to (0, 0) through the saved rounds, emitting the edits in reverse. */
    private static List<Edit> backtrack(List<String> a, List<String> b, List<int[]> trace, int offset, int depth) {
        List<Edit> edits = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = depth; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            int previousX = d == 0 ? 0 : v[offset + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                edits.add(new Edit(Edit.Op.KEEP, a.get(x - 1)));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == previousX) {
                    edits.add(new Edit(Edit.Op.INSERT, b.get(y - 1)));
                } else {
                    edits.add(new Edit(Edit.Op.DELETE, a.get(x - 1)));
                }
            }
            x = previousX;
            y = previousY;
        }
        Collections.reverse(edits);
        return edits;
    }
}
