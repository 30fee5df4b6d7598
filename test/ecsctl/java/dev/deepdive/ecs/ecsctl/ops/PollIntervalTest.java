package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollIntervalTest {

  @Test void startsFastAndGrowsWhileNothingChanges() {
    PollInterval interval = new PollInterval();

    assertThat(interval.next(true)).isEqualTo(Duration.ofMillis(200));
    assertThat(interval.next(false)).isEqualTo(Duration.ofMillis(300));
    assertThat(interval.next(false)).isEqualTo(Duration.ofMillis(450));
  }

  @Test void neverExceedsOneSecondSoDeleteFollowsTheLastStopQuickly() {
    PollInterval interval = new PollInterval();
    Duration last = Duration.ZERO;
    for (int i = 0; i < 50; i++) {
      last = interval.next(false);
    }

    assertThat(last).isEqualTo(Duration.ofSeconds(1));
  }

  @Test void fallsBackToFastAfterAChange() {
    PollInterval interval = new PollInterval();
    for (int i = 0; i < 10; i++) {
      interval.next(false);
    }

    assertThat(interval.next(true)).isEqualTo(PollInterval.MIN);
  }

  @Test void taskPollingNeverExceeds400MillisecondsSoAStopIsSeenWithinHalfASecond() {
    PollInterval interval = PollInterval.forTasks();
    Duration last = Duration.ZERO;
    for (int i = 0; i < 50; i++) {
      last = interval.next(false);
    }

    assertThat(interval.next(true)).isEqualTo(PollInterval.MIN);
    assertThat(last).isEqualTo(Duration.ofMillis(400));
  }
}
