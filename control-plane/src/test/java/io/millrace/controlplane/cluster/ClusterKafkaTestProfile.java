package io.millrace.controlplane.cluster;

import io.millrace.localstack.quarkus.KafkaResource;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClusterTestProfile} plus a real Kafka broker from local-stack ({@code kafka.bootstrap.servers}), for cluster
 * tests whose jobs read and write Kafka. The control plane itself never talks to Kafka: the test produces the input,
 * reads the output and hands the address to the worker processes.
 */
public class ClusterKafkaTestProfile extends ClusterTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(KafkaResource.class));
        return resources;
    }
}
