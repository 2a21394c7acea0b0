package io.millrace.worker.connection;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeControlPlane} before the worker boots, points the worker at it, and hands it to the test. */
public class FakeControlPlaneResource implements QuarkusTestResourceLifecycleManager {

    private final FakeControlPlane controlPlane = new FakeControlPlane();

    @Override
    public Map<String, String> start() {
        int port = controlPlane.start();
        return Map.of("millrace.worker.control-plane.host", "127.0.0.1",
                "millrace.worker.control-plane.port", Integer.toString(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(controlPlane, new TestInjector.MatchesType(FakeControlPlane.class));
    }

    @Override
    public void stop() {
        controlPlane.stop();
    }
}
