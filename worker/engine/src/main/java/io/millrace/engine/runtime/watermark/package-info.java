/**
 * Event time: watermarks generated at sources ({@link io.millrace.engine.runtime.watermark.BoundedOutOfOrdernessWatermarks})
 * — one per split of a subtask, combined as the minimum over non-idle splits ({@link
 * io.millrace.engine.runtime.watermark.SplitWatermarks}) — and combined over input channels as the minimum of the active ones ({@link
 * io.millrace.engine.runtime.watermark.WatermarkValve}).
 */
package io.millrace.engine.runtime.watermark;
