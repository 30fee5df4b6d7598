package dev.deepdive.ecs.ecsctl.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How tasks launched from one family by RunTask or StartTask behave in {@link FakeEcs}, on the fake's clock:
 * PROVISIONING for {@link #provisioning}, PENDING for {@link #pending}, RUNNING for {@link #runs} (or until
 * StopTask), then STOPPED with the exit codes set here (0 for containers not named). Or they fail to start
 * (STOPPED without exit codes), or RunTask/StartTask cannot place them ({@code failures[]}).
 */
public final class FakeTaskScript {
  private final FakeEcs ecs;
  Duration provisioning = Duration.ofSeconds(1);
  Duration pending = Duration.ofSeconds(2);
  /** Null: runs until StopTask. */
  Duration runs = Duration.ofSeconds(10);
  final Map<String, Integer> exitCodes = new LinkedHashMap<>();
  final Map<String, String> exitReasons = new LinkedHashMap<>();
  String failStopCode;
  String failReason;
  String placementFailure;
  int placeAtMost = Integer.MAX_VALUE;
  Duration stopTakes = Duration.ofSeconds(1);

  FakeTaskScript(FakeEcs ecs) {
    this.ecs = ecs;
  }

  public FakeTaskScript provisioning(Duration time) {
    synchronized (ecs) {
      provisioning = time;
    }
    return this;
  }

  public FakeTaskScript pending(Duration time) {
    synchronized (ecs) {
      pending = time;
    }
    return this;
  }

  /** RUNNING for {@code time}, then its essential container exits and the task stops. */
  public FakeTaskScript runs(Duration time) {
    synchronized (ecs) {
      runs = time;
    }
    return this;
  }

  /** RUNNING until StopTask. */
  public FakeTaskScript runsUntilStopped() {
    synchronized (ecs) {
      runs = null;
    }
    return this;
  }

  /** When the task stops on its own, {@code container} has exited with {@code code}. */
  public FakeTaskScript exits(String container, int code) {
    return exits(container, code, null);
  }

  /** As {@link #exits(String, int)}, with the agent's reason (e.g. {@code OutOfMemoryError: ...}). */
  public FakeTaskScript exits(String container, int code, String reason) {
    synchronized (ecs) {
      exitCodes.put(container, code);
      if (reason != null) {
        exitReasons.put(container, reason);
      }
    }
    return this;
  }

  /** After PROVISIONING and PENDING the task stops without running, e.g. {@code TaskFailedToStart, CannotPull...}. */
  public FakeTaskScript failsToStart(String stopCode, String reason) {
    synchronized (ecs) {
      failStopCode = stopCode;
      failReason = reason;
    }
    return this;
  }

  /** RunTask and StartTask place no task: {@code failures[]} with {@code reason} (e.g. RESOURCE:MEMORY). */
  public FakeTaskScript notPlaced(String reason) {
    return placesAtMost(0, reason);
  }

  /** RunTask places at most {@code count} tasks; the rest are {@code failures[]} with {@code reason}. */
  public FakeTaskScript placesAtMost(int count, String reason) {
    synchronized (ecs) {
      placeAtMost = count;
      placementFailure = reason;
    }
    return this;
  }

  /** How long a task takes to reach STOPPED after StopTask (the containers' stop timeout). */
  public FakeTaskScript stopTakes(Duration time) {
    synchronized (ecs) {
      stopTakes = time;
    }
    return this;
  }
}
