/** deduplicate: keyed, first record per key within a TTL passes. */
package io.millrace.engine.operators.dedup;
