/**
 * Event time: watermarks generated at sources ({@link io.millrace.engine.runtime.watermark.BoundedOutOfOrdernessWatermarks})
 * and combined over input channels as the minimum of the active ones ({@link
 * io.millrace.engine.runtime.watermark.WatermarkValve}).
 */
package io.millrace.engine.runtime.watermark;
