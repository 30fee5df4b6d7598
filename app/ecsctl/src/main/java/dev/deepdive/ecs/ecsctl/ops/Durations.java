package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;

/** Durations as people type them back: {@code 10m}, {@code 1h30m}, {@code 90s} as {@code 1m30s}, {@code 200ms}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    StringBuilder out = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) out.append(h).append('h');
    if (m > 0) out.append(m).append('m');
    if (s > 0) out.append(s).append('s');
    if (ms > 0 || out.length() == 0) out.append(ms).append("ms");
    return out.toString();
  }
}
