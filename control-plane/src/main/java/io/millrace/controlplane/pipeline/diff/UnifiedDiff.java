package io.millrace.controlplane.pipeline.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a line diff as a unified diff ({@code diff -u}): {@code ---}/{@code +++} headers, then hunks
 * {@code @@ -start,count +start,count @@} with {@code context} unchanged lines around each change. Identical texts
 * give an empty string.
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    public static String of(String oldName, String oldText, String newName, String newText, int context) {
        List<Edit> edits = LineDiff.between(lines(oldText), lines(newText));
        if (edits.stream().allMatch(e -> e.op() == Edit.Op.KEEP)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        // Line numbers (1-based) each edit starts at in the old and new text.
        int size = edits.size();
        int[] oldLine = new int[size + 1];
        int[] newLine = new int[size + 1];
        oldLine[0] = 1;
        newLine[0] = 1;
        for (int i = 0; i < size; i++) {
            Edit.Op op = edits.get(i).op();
            oldLine[i + 1] = oldLine[i] + (op == Edit.Op.INSERT ? 0 : 1);
            newLine[i + 1] = newLine[i] + (op == Edit.Op.DELETE ? 0 : 1);
        }
        int i = 0;
        while (i < size) {
            if (edits.get(i).op() == Edit.Op.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // Extend the hunk while the next change is within 2 × context kept lines.
            int lastChange = i;
            for (int j = i; j < size; j++) {
                if (edits.get(j).op() != Edit.Op.KEEP) {
                    lastChange = j;
                } else if (j - lastChange > 2 * context) {
                    break;
                }
            }
            end = Math.min(size, lastChange + context + 1);
            List<Edit> hunk = new ArrayList<>(edits.subList(start, end));
            long oldCount = hunk.stream().filter(e -> e.op() != Edit.Op.INSERT).count();
            long newCount = hunk.stream().filter(e -> e.op() != Edit.Op.DELETE).count();
            out.append("@@ -").append(range(oldLine[start], oldCount)).append(" +")
                    .append(range(newLine[start], newCount)).append(" @@\n");
            for (Edit e : hunk) {
                out.append(switch (e.op()) {
                    case KEEP -> ' ';
                    case DELETE -> '-';
                    case INSERT -> '+';
                }).append(e.line()).append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    /** diff -u writes an empty range as the line before it, with count 0. */
    private static String range(int start, long count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
