package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wave formula and the worst-case times of {@link DeploymentTiming}. */
class DeploymentTimingTest {
  @Test
  void replacesAllTasksInOneWaveWhenMaximumPercentDoublesTheCount() {
    assertThat(DeploymentTiming.waves(4, 200, 100)).isEqualTo(1);
  }

  @Test
  void replacesOneTaskAtATimeWithNoRoomAboveAndOneTaskBelow() {
    // 3 tasks, max 100 %, min 66 %: ceil(1.98) = 2 must stay healthy, so one task per wave.
    assertThat(DeploymentTiming.tasksPerWave(3, 100, 66)).isEqualTo(1);
    assertThat(DeploymentTiming.waves(3, 100, 66)).isEqualTo(3);
  }

  @Test
  void roundsTheRoomAboveDown() {
    // 10 tasks at 125 %: floor(2.5) = 2 extra tasks, none below 100 %: 5 waves of 2.
    assertThat(DeploymentTiming.waves(10, 125, 100)).isEqualTo(5);
  }

  @Test
  void alwaysReplacesAtLeastOneTaskPerWave() {
    assertThat(DeploymentTiming.tasksPerWave(1, 100, 100)).isEqualTo(1);
    assertThat(DeploymentTiming.waves(1, 100, 100)).isEqualTo(1);
  }

  @Test
  void needsNoWaveForAServiceWithNoTask() {
    assertThat(DeploymentTiming.of(0, 200, 100, 90, 50).deploySeconds()).isZero();
  }

  @Test
  void deploysInWavesOfHealthyPlusStopTime() {
    DeploymentTiming timing = DeploymentTiming.of(3, 100, 66, 90, 50);
    assertThat(timing.deploySeconds()).isEqualTo(3 * (90 + 50));
  }

  @Test
  void drainsInOneStopTimeWhateverTheCount() {
    assertThat(DeploymentTiming.of(10, 125, 100, 90, 330).drainSeconds()).isEqualTo(330);
  }
}
