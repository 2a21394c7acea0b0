/**
 * Parts shared by the heap and RocksDB backends: current-key bookkeeping, the byte layout of
 * stored values (TTL expiry prefix, list concatenation), registration checks. Not an API for
 * operators.
 */
package io.millrace.engine.state.internal;
