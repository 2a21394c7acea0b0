/**
 * HTTP ingest: records POSTed to {@code /api/v1/streams/{stream}/records} are written to the caller's tenant topic
 * {@code <tenant>.stream.<stream>} on the tenant Kafka cluster, where {@code http-source} nodes read them.
 * {@code service} parses a request body into records ({@code RecordBatchParser}), names and provisions topics
 * ({@code StreamTopics}, {@code TopicProvisioner}) and writes through SmallRye Kafka waiting for every acknowledgement
 * ({@code StreamIngest}); {@code rest} is the endpoint and its problem+json errors; {@code config} the
 * {@code millrace.ingest.*} keys.
 */
package io.millrace.controlplane.ingest;
