-- Issue 5, checkpoint file cleanup: retention no longer deletes an old checkpoint's row at once. It marks it
-- DISCARDING (its task states stay: they say which files it references) until a worker reports its files deleted
-- (CheckpointsDiscarded); only then the row goes. A DISCARDING checkpoint is never restored from.
ALTER TABLE checkpoint DROP CONSTRAINT checkpoint_status_check;
ALTER TABLE checkpoint ADD CONSTRAINT checkpoint_status_check CHECK (status IN ('COMPLETED', 'FAILED', 'DISCARDING'));
CREATE INDEX checkpoint_discarding_idx ON checkpoint (job_id) WHERE status = 'DISCARDING';
