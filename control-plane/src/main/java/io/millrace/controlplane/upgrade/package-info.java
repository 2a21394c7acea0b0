/**
 * Safe upgrades of stateful pipelines (issue 7 item 3, DESIGN.md §8.1). {@code service}: the per-node state diff of
 * two versions ({@link io.millrace.controlplane.upgrade.service.StateDiffs}, pipeline-spec's {@code StateDiffer}), the
 * confirmation gate and the dropped states it passes down ({@link io.millrace.controlplane.upgrade.service.DroppedStates}),
 * the upgrade itself (stop-with-savepoint → the new version restoring that savepoint, {@code UpgradeService}), and the
 * watcher that follows the new job for a grace period and rolls back to the old version from the same savepoint
 * ({@code UpgradeWatcher}, decisions in the pure {@code UpgradeJudge}). {@code persistence}: table
 * {@code pipeline_upgrade} (V6). {@code rest}: {@code GET .../versions/{v}/state-diff} and {@code GET .../upgrades};
 * the deploy endpoint itself stays in {@code pipeline.rest} and calls the service.
 */
package io.millrace.controlplane.upgrade;
