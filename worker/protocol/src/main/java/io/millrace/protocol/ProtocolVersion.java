package io.millrace.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version of the worker ↔ control-plane protocol ({@code worker_gateway.proto}), as "MAJOR.MINOR".
 *
 * <p>A MINOR bump adds optional fields or message kinds an older peer may ignore; a MAJOR bump changes meaning,
 * so peers with different majors must not talk. The control plane applies {@link #checkOffered(String)} to every
 * registration.
 */
public record ProtocolVersion(int major, int minor) {

    /** The version this build speaks. Bump MINOR for additive changes, MAJOR for breaking ones. */
    public static final ProtocolVersion CURRENT = new ProtocolVersion(1, 4);

    /** The first version whose workers understand {@code RunPreview} (and answer {@code PreviewResult}). */
    public static final ProtocolVersion PREVIEWS = new ProtocolVersion(1, 4);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})");

    public ProtocolVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("protocol version parts must be >= 0, got " + major + "." + minor);
        }
    }

    /**
     * Parses "MAJOR.MINOR".
     *
     * @throws IllegalArgumentException naming the bad text and the expected form
     */
    public static ProtocolVersion parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(
                    "protocol version '" + text + "' is not of the form MAJOR.MINOR (for example \"1.0\")");
        }
        return new ProtocolVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether a peer speaking {@code other} can talk to a peer speaking this version. */
    public boolean isCompatibleWith(ProtocolVersion other) {
        return major == other.major;
    }

    /**
     * Whether a peer speaking this version understands what {@code feature} introduced: same major, at least its minor.
     * Used before sending a message kind an older worker would ignore (and so never answer).
     */
    public boolean supports(ProtocolVersion feature) {
        return major == feature.major && minor >= feature.minor;
    }

    /**
     * Checks a version text offered by a peer against {@link #CURRENT}; the refusal reason is written for the operator
     * who has to upgrade one side.
     */
    public static VersionCheck checkOffered(String offered) {
        ProtocolVersion peer;
        try {
            peer = parse(offered);
        } catch (IllegalArgumentException e) {
            return new VersionCheck.Incompatible(e.getMessage() + "; this control plane speaks " + CURRENT);
        }
        if (!CURRENT.isCompatibleWith(peer)) {
            return new VersionCheck.Incompatible("worker speaks protocol " + peer + " but this control plane speaks "
                    + CURRENT + " (major versions must match); deploy a worker build for protocol " + CURRENT.major()
                    + ".x");
        }
        return new VersionCheck.Compatible(peer);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** Outcome of {@link #checkOffered(String)}. */
    public sealed interface VersionCheck {
        /** The peer may talk to us. */
        record Compatible(ProtocolVersion peer) implements VersionCheck {
        }

        /** The peer must be refused, for {@code reason}. */
        record Incompatible(String reason) implements VersionCheck {
        }
    }
}
