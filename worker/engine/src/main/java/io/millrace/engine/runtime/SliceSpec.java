package io.millrace.engine.runtime;

import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.network.RemoteExchange;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.Map;
import java.util.Objects;

/**
 * What one worker needs to run its part of one job attempt.
 *
 * @param jobId the job (UUID string)
 * @param attempt the deployment attempt (1, 2, ... — every redeploy increases it)
 * @param plan the whole job's physical plan
 * @param placement every task of the attempt -> the worker id running it
 * @param dataAddresses worker id -> host:port of its data plane (for the workers running consumers of local tasks)
 * @param localWorkerId this worker
 * @param connectors source/sink connectors by node or kind
 * @param operators makes transform operators
 * @param config batch size, channel capacity, state backend, checkpoint store, working directory...
 * @param restoreFrom the checkpoint to restore from (all old tasks' snapshots), or null
 * @param recoverSinks run sink recovery (commit pre-committed, abort the rest) before starting; one worker does it
 * @param exchange the transport for channels to and from other workers
 * @param listener told about task states and checkpoint answers
 */
public record SliceSpec(String jobId, long attempt, PhysicalPlan plan, Map<TaskId, String> placement,
    Map<String, String> dataAddresses, String localWorkerId, Connectors connectors,
    VertexOperatorFactory operators, JobConfig config, CompletedCheckpoint restoreFrom,
    boolean recoverSinks, RemoteExchange exchange, SliceListener listener) {

  public SliceSpec {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(plan, "plan");
    placement = Map.copyOf(placement);
    dataAddresses = Map.copyOf(dataAddresses);
    Objects.requireNonNull(localWorkerId, "localWorkerId");
    Objects.requireNonNull(connectors, "connectors");
    Objects.requireNonNull(operators, "operators");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
  }
}
