package io.millrace.controlplane.job.metrics;

import io.millrace.controlplane.job.service.JobRecord;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A job's metrics as the API serves them: the board's latest task rates, node gauges summed per node, and the
 * bottleneck hint ({@link BottleneckRule}) over the job's task graph (from its current plan). The caller has
 * already checked that the job belongs to the tenant.
 */
@ApplicationScoped
public class JobMetricsService {

    private static final Logger LOG = Logger.getLogger(JobMetricsService.class);

    private final TaskMetricsBoard board;
    private final JobStore store;
    private final PlanCodec planCodec = new PlanCodec();
    private final BottleneckRule bottleneckRule = new BottleneckRule();

    public JobMetricsService(TaskMetricsBoard board, JobStore store) {
        this.board = board;
        this.store = store;
    }

    public JobMetrics of(String tenantId, UUID jobId) {
        List<TaskRates> tasks = board.rates(jobId);
        Optional<JobTopology> topology = tasks.isEmpty() ? Optional.empty() : topology(tenantId, jobId);
        Optional<Bottleneck> bottleneck = topology.flatMap(t -> bottleneckRule.find(t, tasks));
        return new JobMetrics(tasks, NodeGaugeTotals.of(tasks), bottleneck.orElse(null),
                topology.map(JobTopology::sourceChains).orElse(null),
                topology.map(JobTopology::sinkChains).orElse(null));
    }

    private Optional<JobTopology> topology(String tenantId, UUID jobId) {
        Optional<JobRecord> job = store.find(tenantId, jobId);
        if (job.isEmpty() || job.get().planJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JobTopology.of(planCodec.fromJson(job.get().planJson())));
        } catch (PlanFormatException | IllegalArgumentException e) {
            // Metrics stay available; only the hint is missing.
            LOG.warnf("job=%s tenant=%s: no bottleneck hint, its plan cannot be read: %s", jobId, tenantId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param nodeGauges per node id, its gauges over all its subtasks ({@link NodeGaugeTotals})
     * @param bottleneck null when {@link BottleneckRule} finds none
     * @param sourceChains the chains no chain feeds (the job's records in are theirs); null when the plan is unknown
     * @param sinkChains the chains that feed no chain (the job's records out are theirs); null when the plan is unknown
     */
    public record JobMetrics(List<TaskRates> tasks, Map<String, Map<String, Long>> nodeGauges, Bottleneck bottleneck,
            Set<String> sourceChains, Set<String> sinkChains) {
    }
}
