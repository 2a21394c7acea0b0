/**
 * Test support published with the engine (in src/main so other modules' tests use it):
 * {@link io.millrace.engine.testing.OperatorTestHarness} drives one operator synchronously (records,
 * watermarks, barriers, processing time, snapshot → restore into a fresh operator) and {@link
 * io.millrace.engine.testing.MiniCluster} runs a whole {@link io.millrace.spec.plan.PhysicalPlan} in
 * process with in-memory sources and exactly-once collecting sinks. Time is driven by {@link
 * io.millrace.engine.testing.ManualProcessingTimeService}: no sleeps.
 */
package io.millrace.engine.testing;
