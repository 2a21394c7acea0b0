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
        return overrides;
    }
}
