/** Line diffs between spec versions: Myers' shortest edit script ({@code LineDiff}) rendered as {@code diff -u}. */
package io.millrace.controlplane.pipeline.diff;
