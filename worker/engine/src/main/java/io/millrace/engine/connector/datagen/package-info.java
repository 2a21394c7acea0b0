/**
 * The {@code datagen-source} connector: records generated in process, deterministic from a seed —
 * simple per-field generators ({@code generator: fields}) and the Nexmark auction benchmark events
 * ({@code generator: nexmark}, see {@code worker/engine/docs/nexmark.md}). Every record is a pure
 * function of (seed, event index), so splitting the index sequence across subtasks and checkpointing
 * "next index per split" gives exactly-once, rescale-safe replay without storing any data.
 */
package io.millrace.engine.connector.datagen;
