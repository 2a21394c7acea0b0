package io.millrace.controlplane.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a job's progress from the control plane's tables (what the control plane committed), for test conditions:
 * state and attempt, completed checkpoints, state transitions with their time, workers holding slots.
 */
final class JobProbe {

    /** A job row's state and attempt. */
    record JobRow(String state, long attempt, String reason) {}

    private final DataSource dataSource;

    JobProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    JobRow job(String jobId) {
        return query("SELECT state, attempt, state_reason FROM job WHERE id = ?", jobId,
                rs -> new JobRow(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .orElseThrow(() -> new AssertionError("no job row " + jobId));
    }

    long completedCheckpoints(String jobId, long minAttempt) {
        return query("SELECT count(*) FROM checkpoint WHERE job_id = ? AND status = 'COMPLETED' AND attempt >= "
                + minAttempt, jobId, rs -> rs.getLong(1)).orElse(0L);
    }

    /** When the job first reached RUNNING in an attempt above {@code attempt}. */
    Optional<Instant> runningAfter(String jobId, long attempt) {
        return query("SELECT at FROM job_transition WHERE job_id = ? AND to_state = 'RUNNING' AND attempt > " + attempt
                + " ORDER BY id LIMIT 1", jobId, rs -> rs.getTimestamp(1).toInstant());
    }

    /** When the job first entered {@code state}. */
    Optional<Instant> firstTransition(String jobId, String state) {
        return query("SELECT at FROM job_transition WHERE job_id = ? AND to_state = '" + state + "' ORDER BY id LIMIT 1",
                jobId, rs -> rs.getTimestamp(1).toInstant());
    }

    /** When the first checkpoint of an attempt above {@code attempt} completed. */
    Optional<Instant> checkpointAfter(String jobId, long attempt) {
        return query("SELECT completed_at FROM checkpoint WHERE job_id = ? AND status = 'COMPLETED' AND attempt > "
                + attempt + " ORDER BY checkpoint_id LIMIT 1", jobId, rs -> {
                    Timestamp at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                });
    }

    /** Connected workers among {@code ids}. */
    long connected(List<String> ids) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM worker WHERE state = 'CONNECTED'")) {
            long n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n += ids.contains(rs.getString(1)) ? 1 : 0;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, String jobId, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(jobId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
