package io.millrace.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** When a cluster counts as unreachable, and what the error says (clock passed in: no waiting). */
class BrokerLivenessTest {

  @Test
  void unreachableOnlyAfterTheTimeoutWithoutAnAnswerNamingNodeClusterAndLastError() {
    BrokerLiveness liveness = new BrokerLiveness("kafka-source 'orders'", "127.0.0.1:9092", Duration.ofSeconds(30), 1_000);
    assertThatCode(() -> liveness.check(30_999)).doesNotThrowAnyException();
    liveness.failed(new TimeoutException("Timed out waiting for a node assignment. Call: listOffsets"));
    assertThatThrownBy(() -> liveness.check(31_000))
        .isInstanceOf(KafkaUnreachableException.class)
        .hasMessage("kafka-source 'orders': no broker of 127.0.0.1:9092 answered for 30 s (last error: TimeoutException:"
            + " Timed out waiting for a node assignment. Call: listOffsets). Check bootstrapServers and that the brokers"
            + " are running and reachable from the worker; the job restarts under its restart strategy.")
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void anAnswerRestartsTheTimeAndClearsTheLastError() {
    BrokerLiveness liveness = new BrokerLiveness("kafka-sink 'out'", "k:9092", Duration.ofMillis(1500), 0);
    liveness.failed(new TimeoutException("no"));
    liveness.answered(1_000);
    assertThatCode(() -> liveness.check(2_499)).doesNotThrowAnyException();
    assertThatThrownBy(() -> liveness.check(2_500))
        .hasMessageStartingWith("kafka-sink 'out': no broker of k:9092 answered for 1500 ms (last error: none reported"
            + " by the client yet)");
    liveness.answered(500); // a late answer of an older probe never moves the time back
    assertThatThrownBy(() -> liveness.check(2_500)).isInstanceOf(KafkaUnreachableException.class);
  }

  @Test
  void probeIntervalsLeaveSeveralTriesWithinTheTimeout() {
    assertThat(BackgroundProbe.intervalFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
    assertThat(BackgroundProbe.intervalFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
    assertThat(BackgroundProbe.requestTimeoutFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    assertThat(BackgroundProbe.requestTimeoutFor(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
  }
}
