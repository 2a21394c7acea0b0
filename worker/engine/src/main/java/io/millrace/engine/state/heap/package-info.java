/**
 * The heap state backend: state in Java hash maps per key group, timers in sorted sets; snapshots
 * serialize everything synchronously into one file (fine for tests and tiny jobs; use RocksDB for
 * anything large). The snapshot rows use the same key/value layout as the RocksDB backend.
 */
package io.millrace.engine.state.heap;
