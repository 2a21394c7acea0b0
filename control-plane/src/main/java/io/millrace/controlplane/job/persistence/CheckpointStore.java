package io.millrace.controlplane.job.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checkpoint metadata and task states in PostgreSQL ({@code checkpoint}, {@code checkpoint_task_state}). Plain JDBC
 * (the connection joins the current JTA transaction): the task states are large opaque blobs written in one batch,
 * which an entity per blob would only slow down. Every method that a caller reaches with a tenant filters by it.
 */
@ApplicationScoped
public class CheckpointStore {

    private static final String COLUMNS = "job_id, checkpoint_id, attempt, kind, final, status, created_at,"
            + " completed_at, state_size, failure_reason, usable, unusable_reason";

    private final AgroalDataSource dataSource;

    public CheckpointStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * In ONE transaction: the COMPLETED row, every task state, and retention ({@link #retain}). Only after this returns may the workers hear CheckpointComplete.
     */
    @Transactional
    public void complete(UUID jobId, String tenantId, long checkpointId, long attempt, boolean savepoint,
            boolean finalCheckpoint, Instant createdAt, Instant completedAt, long stateSize,
            List<StoredTaskState> states, int retained) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement row = c.prepareStatement("INSERT INTO checkpoint (job_id, checkpoint_id, tenant_id,"
                    + " attempt, kind, final, status, created_at, completed_at, state_size, usable)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'COMPLETED', ?, ?, ?, TRUE)")) {
                row.setObject(1, jobId);
                row.setLong(2, checkpointId);
                row.setString(3, tenantId);
                row.setLong(4, attempt);
                row.setString(5, savepoint ? "SAVEPOINT" : "CHECKPOINT");
                row.setBoolean(6, finalCheckpoint);
                row.setTimestamp(7, Timestamp.from(createdAt));
                row.setTimestamp(8, Timestamp.from(completedAt));
                row.setLong(9, stateSize);
                row.executeUpdate();
            }
            try (PreparedStatement state = c.prepareStatement("INSERT INTO checkpoint_task_state (job_id,"
                    + " checkpoint_id, chain_id, subtask, task_state) VALUES (?, ?, ?, ?, ?)")) {
                for (StoredTaskState task : states) {
                    state.setObject(1, jobId);
                    state.setLong(2, checkpointId);
                    state.setString(3, task.chainId());
                    state.setInt(4, task.subtask());
                    state.setBytes(5, task.taskState());
                    state.addBatch();
                }
                state.executeBatch();
            }
            retain(c, jobId, retained);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + jobId + " checkpoint " + checkpointId
                    + ": could not store the completed checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Retention (also applied when a job ends): keep the newest {@code retained} usable completed checkpoints and every
     * savepoint; older completed checkpoints become DISCARDING (their files are deleted by a worker, then the row goes:
     * {@link #deleteDiscarded}); older failed rows are deleted at once (they have no task states). A checkpoint another
     * job was resumed from stays COMPLETED: that job's restore, and its checkpoints, may read its files.
     */
    @Transactional
    public void retain(UUID jobId, int retained) {
        try (Connection c = dataSource.getConnection()) {
            retain(c, jobId, retained);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + jobId + ": retention failed: " + e.getMessage(), e);
        }
    }

    private static void retain(Connection c, UUID jobId, int retained) throws SQLException {
        String older = " AND kind = 'CHECKPOINT' AND checkpoint_id < (SELECT COALESCE(MIN(checkpoint_id), 0) FROM"
                + " (SELECT checkpoint_id FROM checkpoint WHERE job_id = ? AND kind = 'CHECKPOINT'"
                + " AND status = 'COMPLETED' AND usable ORDER BY checkpoint_id DESC LIMIT ?) kept)";
        try (PreparedStatement discard = c.prepareStatement("UPDATE checkpoint SET status = 'DISCARDING'"
                + " WHERE job_id = ? AND status = 'COMPLETED'" + older + " AND NOT EXISTS (SELECT 1 FROM job r"
                + " WHERE r.restore_job_id = checkpoint.job_id AND r.restore_checkpoint_id = checkpoint.checkpoint_id)")) {
            discard.setObject(1, jobId);
            discard.setObject(2, jobId);
            discard.setInt(3, retained);
            discard.executeUpdate();
        }
        try (PreparedStatement prune = c.prepareStatement("DELETE FROM checkpoint WHERE job_id = ?"
                + " AND status = 'FAILED'" + older)) {
            prune.setObject(1, jobId);
            prune.setObject(2, jobId);
            prune.setInt(3, retained);
            prune.executeUpdate();
        }
    }

    /** Jobs with checkpoints waiting for their files to be deleted. */
    @Transactional
    public List<UUID> jobsWithDiscardingCheckpoints() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT job_id FROM checkpoint"
                        + " WHERE status = 'DISCARDING'")) {
            List<UUID> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(rs.getObject(1, UUID.class));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list jobs with discarding checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * What a worker needs to delete the files of (at most {@code limit} of) the job's DISCARDING checkpoints: their
     * task states, and the task states of every COMPLETED checkpoint and savepoint of the job AND of every job linked
     * to it by resuming (in either direction, transitively) — a resumed job's incremental checkpoints keep referencing
     * the shared files of the checkpoint it started from, so those files are not this job's alone.
     */
    @Transactional
    public DiscardRequest discardRequest(UUID jobId, int limit) {
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT checkpoint_id FROM checkpoint WHERE job_id = ?"
                    + " AND status = 'DISCARDING' ORDER BY checkpoint_id LIMIT ?")) {
                s.setObject(1, jobId);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<byte[]> discarded = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT task_state FROM checkpoint_task_state"
                    + " WHERE job_id = ? AND checkpoint_id = ANY (?) ORDER BY checkpoint_id, chain_id, subtask")) {
                s.setObject(1, jobId);
                s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                collect(s, discarded);
            }
            List<byte[]> retained = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("WITH RECURSIVE family(id) AS (SELECT CAST(? AS uuid)"
                    + " UNION SELECT CASE WHEN j.id = f.id THEN j.restore_job_id ELSE j.id END FROM job j JOIN family f"
                    + " ON (j.id = f.id AND j.restore_job_id IS NOT NULL) OR j.restore_job_id = f.id)"
                    + " SELECT t.task_state FROM checkpoint_task_state t JOIN checkpoint k"
                    + " ON k.job_id = t.job_id AND k.checkpoint_id = t.checkpoint_id"
                    + " WHERE k.status = 'COMPLETED' AND k.job_id IN (SELECT id FROM family)"
                    + " ORDER BY t.job_id, t.checkpoint_id, t.chain_id, t.subtask")) {
                s.setObject(1, jobId);
                collect(s, retained);
            }
            return new DiscardRequest(jobId, ids, discarded, retained);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + jobId + ": could not read the checkpoints to discard: "
                    + e.getMessage(), e);
        }
    }

    /** A worker deleted the files of these checkpoints: forget them (only rows still DISCARDING). */
    @Transactional
    public int deleteDiscarded(UUID jobId, List<Long> checkpointIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM checkpoint WHERE job_id = ?"
                        + " AND status = 'DISCARDING' AND checkpoint_id = ANY (?)")) {
            s.setObject(1, jobId);
            s.setArray(2, c.createArrayOf("bigint", checkpointIds.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job " + jobId + ": could not delete discarded checkpoints "
                    + checkpointIds + ": " + e.getMessage(), e);
        }
    }

    private static void collect(PreparedStatement s, List<byte[]> into) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getBytes(1));
            }
        }
    }

    /** Records a checkpoint that was aborted (declined, timed out, attempt ended). */
    @Transactional
    public void fail(UUID jobId, String tenantId, long checkpointId, long attempt, boolean savepoint,
            Instant createdAt, Instant failedAt, String reason) {
        update("INSERT INTO checkpoint (job_id, checkpoint_id, tenant_id, attempt, kind, status, created_at,"
                + " completed_at, failure_reason, usable) VALUES (?, ?, ?, ?, ?, 'FAILED', ?, ?, ?, FALSE)",
                jobId, checkpointId, tenantId, attempt, savepoint ? "SAVEPOINT" : "CHECKPOINT",
                Timestamp.from(createdAt), Timestamp.from(failedAt), reason);
    }

    /** A restore from it failed: recovery must not pick it again. */
    @Transactional
    public void markUnusable(UUID jobId, long checkpointId, String reason) {
        update("UPDATE checkpoint SET usable = FALSE, unusable_reason = ? WHERE job_id = ? AND checkpoint_id = ?",
                reason, jobId, checkpointId);
    }

    /** The newest completed, usable checkpoint or savepoint of the job. */
    @Transactional
    public Optional<CheckpointRecord> latestUsable(UUID jobId) {
        List<CheckpointRecord> rows = query("SELECT " + COLUMNS + " FROM checkpoint WHERE job_id = ?"
                + " AND status = 'COMPLETED' AND usable ORDER BY checkpoint_id DESC LIMIT 1", jobId);
        return rows.stream().findFirst();
    }

    @Transactional
    public Optional<CheckpointRecord> find(String tenantId, UUID jobId, long checkpointId) {
        return query("SELECT " + COLUMNS + " FROM checkpoint WHERE tenant_id = ? AND job_id = ? AND checkpoint_id = ?",
                tenantId, jobId, checkpointId).stream().findFirst();
    }

    /** Newest first. */
    @Transactional
    public List<CheckpointRecord> list(String tenantId, UUID jobId) {
        return query("SELECT " + COLUMNS + " FROM checkpoint WHERE tenant_id = ? AND job_id = ?"
                + " ORDER BY checkpoint_id DESC", tenantId, jobId);
    }

    /** The task states of a completed checkpoint, by chain and subtask. */
    @Transactional
    public List<StoredTaskState> taskStates(UUID jobId, long checkpointId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT chain_id, subtask, task_state FROM"
                        + " checkpoint_task_state WHERE job_id = ? AND checkpoint_id = ? ORDER BY chain_id, subtask")) {
            s.setObject(1, jobId);
            s.setLong(2, checkpointId);
            List<StoredTaskState> states = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.add(new StoredTaskState(rs.getString(1), rs.getInt(2), rs.getBytes(3)));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("job " + jobId + " checkpoint " + checkpointId
                    + ": could not read task states: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint metadata update failed: " + e.getMessage(), e);
        }
    }

    private List<CheckpointRecord> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<CheckpointRecord> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp completed = rs.getTimestamp("completed_at");
                    rows.add(new CheckpointRecord(rs.getObject("job_id", UUID.class), rs.getLong("checkpoint_id"),
                            rs.getLong("attempt"), "SAVEPOINT".equals(rs.getString("kind")), rs.getBoolean("final"),
                            rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                            completed == null ? null : completed.toInstant(), rs.getLong("state_size"),
                            rs.getString("failure_reason"), rs.getBoolean("usable"),
                            rs.getString("unusable_reason")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint metadata query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
