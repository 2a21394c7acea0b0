package io.millrace.controlplane.cluster;

import java.util.HashMap;
import java.util.Map;

/** {@link ClusterTestProfile} with a short upgrade grace period, watched every 200 ms. */
public class UpgradeClusterTestProfile extends ClusterTestProfile {

    /** Long enough for a failing start to show, short enough to keep the three upgrades under two minutes. */
    static final String GRACE = "5s";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("millrace.jobs.upgrade-grace-period", GRACE);
        overrides.put("millrace.jobs.upgrade-check-interval", "200ms");
        overrides.put("millrace.jobs.upgrade-stop-timeout", "30s");
        // OIDC is off (the test calls the services), but GET /api/v1/auth/config injects the issuer URL at start-up.
        overrides.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/millrace");
        return overrides;
    }
}
