package io.millrace.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.protocol.ProtocolVersion.VersionCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    @Test
    void parsesMajorAndMinor() {
        assertThat(ProtocolVersion.parse("3.14")).isEqualTo(new ProtocolVersion(3, 14));
        assertThat(ProtocolVersion.parse(" 1.0 ")).isEqualTo(new ProtocolVersion(1, 0));
    }

    @Test
    void rejectsMalformedTextNamingIt() {
        for (String bad : new String[] {"", "1", "1.0.0", "v1.0", "a.b", "-1.0"}) {
            assertThatThrownBy(() -> ProtocolVersion.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("MAJOR.MINOR");
        }
        assertThatThrownBy(() -> ProtocolVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameMajorIsCompatibleWhateverTheMinor() {
        ProtocolVersion current = ProtocolVersion.CURRENT;
        String newerMinor = current.major() + "." + (current.minor() + 7);
        assertThat(ProtocolVersion.checkOffered(newerMinor))
                .isEqualTo(new VersionCheck.Compatible(new ProtocolVersion(current.major(), current.minor() + 7)));
        assertThat(ProtocolVersion.checkOffered(current.toString())).isInstanceOf(VersionCheck.Compatible.class);
    }

    @Test
    void differentMajorIsRefusedWithAnActionableReason() {
        String otherMajor = (ProtocolVersion.CURRENT.major() + 1) + ".0";
        VersionCheck check = ProtocolVersion.checkOffered(otherMajor);
        assertThat(check).isInstanceOf(VersionCheck.Incompatible.class);
        assertThat(((VersionCheck.Incompatible) check).reason())
                .contains(otherMajor)
                .contains(ProtocolVersion.CURRENT.toString())
                .contains("major versions must match");
    }

    @Test
    void supportsAFeatureFromItsMinorOnWithinTheSameMajor() {
        ProtocolVersion feature = new ProtocolVersion(1, 4);
        assertThat(new ProtocolVersion(1, 3).supports(feature)).isFalse();
        assertThat(new ProtocolVersion(1, 4).supports(feature)).isTrue();
        assertThat(new ProtocolVersion(1, 9).supports(feature)).isTrue();
        assertThat(new ProtocolVersion(2, 9).supports(feature)).isFalse();
        assertThat(ProtocolVersion.CURRENT.supports(ProtocolVersion.PREVIEWS)).isTrue();
    }

    @Test
    void garbageVersionIsRefusedNotThrown() {
        VersionCheck check = ProtocolVersion.checkOffered("latest");
        assertThat(check).isInstanceOf(VersionCheck.Incompatible.class);
        assertThat(((VersionCheck.Incompatible) check).reason()).contains("'latest'");
    }

    @Test
    void protoIsShippedInTheJarWhereTheAppsScanForIt() throws IOException {
        try (InputStream proto = getClass().getResourceAsStream("/millrace/worker/v1/worker_gateway.proto")) {
            assertThat(proto).as("proto resource on the classpath").isNotNull();
            String text = new String(proto.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("package millrace.worker.v1;")
                    .contains("option java_package = \"io.millrace.protocol.v1\";")
                    .contains("rpc Connect(stream WorkerMessage) returns (stream ControlMessage);");
        }
    }
}
