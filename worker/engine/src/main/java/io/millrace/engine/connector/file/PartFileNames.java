package io.millrace.engine.connector.file;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names of one file-sink node of one job. Hidden files (leading dot) are work in progress and
 * never part of the output:
 *
 * <pre>
 *   .&lt;job&gt;.&lt;node&gt;.&lt;subtask&gt;.a&lt;attempt&gt;.&lt;writer&gt;.&lt;seq&gt;.inprogress   being written
 *   .&lt;job&gt;.&lt;node&gt;.&lt;subtask&gt;.a&lt;attempt&gt;.&lt;writer&gt;.&lt;seq&gt;.pending      sealed at a barrier, waiting for its checkpoint
 *   &lt;prefix&gt;-&lt;node&gt;-&lt;subtask&gt;-&lt;checkpoint&gt;-a&lt;attempt&gt;-&lt;writer&gt;.&lt;ext&gt;        committed output
 * </pre>
 *
 * The dot separates the fields of hidden names because node ids ({@code [a-z][a-z0-9-]*}) cannot
 * contain one, so a name parses without ambiguity; the job id is reduced to {@code [A-Za-z0-9_-]}.
 */
final class PartFileNames {

  private static final Pattern HIDDEN =
      Pattern.compile("\\.([A-Za-z0-9_-]+)\\.([a-z][a-z0-9-]*)\\.(\\d+)\\.a(\\d+)\\.([0-9a-f]+)\\.(\\d+)\\.(inprogress|pending)");

  /** What a hidden file name says about the writer that made it. */
  record Hidden(String job, String node, int subtask, long attempt, String writer, long sequence, boolean pending) {}

  private final String job;
  private final String node;
  private final String prefix;
  private final String extension;

  PartFileNames(String jobId, String node, String prefix, String extension) {
    this.job = jobTag(jobId);
    this.node = node;
    this.prefix = prefix;
    this.extension = extension;
  }

  static String jobTag(String jobId) {
    return jobId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  String inProgress(int subtask, long attempt, String writer, long sequence) {
    return hidden(subtask, attempt, writer, sequence) + ".inprogress";
  }

  String pending(int subtask, long attempt, String writer, long sequence) {
    return hidden(subtask, attempt, writer, sequence) + ".pending";
  }

  String committed(int subtask, long checkpointId, long attempt, String writer) {
    return prefix + "-" + node + "-" + subtask + "-" + checkpointId + "-a" + attempt + "-" + writer + "." + extension;
  }

  /** The hidden file {@code name} of THIS job and node, or empty (other jobs, other nodes, output, foreign files). */
  Optional<Hidden> parseOwn(String name) {
    Matcher m = HIDDEN.matcher(name);
    if (!m.matches() || !m.group(1).equals(job) || !m.group(2).equals(node)) {
      return Optional.empty();
    }
    return Optional.of(new Hidden(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)),
        m.group(5), Long.parseLong(m.group(6)), m.group(7).equals("pending")));
  }

  private String hidden(int subtask, long attempt, String writer, long sequence) {
    return "." + job + "." + node + "." + subtask + ".a" + attempt + "." + writer + "." + sequence;
  }
}
