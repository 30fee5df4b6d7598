package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.testing.FakeCluster;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import dev.deepdive.ecs.ecsctl.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake ECS endpoint with a cluster {@code prod} for each test, in simulated time. */
abstract class FakeProdClusterTest {
  protected final SimulatedTime time = new SimulatedTime();
  protected FakeEcs fake;
  protected FakeCluster prod;

  @BeforeEach void startFake() {
    fake = FakeEcs.start(time);
    prod = fake.cluster("prod");
  }

  @AfterEach void stopFake() {
    fake.close();
  }
}
