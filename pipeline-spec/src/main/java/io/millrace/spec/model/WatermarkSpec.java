package io.millrace.spec.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Event time of a source: the CEL {@code timestamp} expression, the bounded out-of-orderness of
 * the watermark, and when a silent partition stops holding the watermark back.
 */
public record WatermarkSpec(String timestamp, Duration maxOutOfOrderness, Optional<Duration> idleTimeout) {}
