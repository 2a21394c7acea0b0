/** Shared access to the tenant Kafka cluster from the control plane (ingest, submit-time topic checks). */
package io.millrace.controlplane.kafka;
