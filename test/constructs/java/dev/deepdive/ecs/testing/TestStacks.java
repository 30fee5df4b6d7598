package dev.deepdive.ecs.testing;

import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** Fresh stacks for construct tests: one per case, so an assertion never reads another case's stack. */
public final class TestStacks {
  private TestStacks() {}

  /** An environment-agnostic stack whose zones are the given names (no lookup). */
  public static Stack withZones(List<String> zones) {
    App app = new App();
    return new Stack(app, "Test") {
      @Override
      public List<String> getAvailabilityZones() {
        return zones;
      }
    };
  }

  public static Stack withTwoZones() {
    return withZones(List.of("us-east-1a", "us-east-1b"));
  }
}
