/**
 * Aligned checkpoint barriers (Chandy–Lamport / asynchronous barrier snapshots) as a small sealed
 * state machine, one class per state (STYLE.md 7): {@link io.millrace.engine.runtime.alignment.WaitingForBarriers}
 * and {@link io.millrace.engine.runtime.alignment.CollectingBarriers}. A channel that delivered the
 * barrier is blocked until every live channel delivered it; then the task snapshots and all channels
 * are released. A newer barrier during alignment aborts the older checkpoint.
 */
package io.millrace.engine.runtime.alignment;
