package dev.deepdive.ecs.ecsctl.testing;

import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake ECS endpoint as its own process, in real time, for bench/ecsctl-bench.sh:
 * {@code FakeEcsMain [--cluster NAME] [--services N] [--tasks N] [--drain-ms MS] [--inactive-ms MS]}.
 * Prints {@code port=<port>} once listening; on SIGTERM prints, per service, how long after its last task
 * stopped DeleteService arrived ({@code delete-lag-ms <service> <ms>}).
 */
public final class FakeEcsMain {
  private FakeEcsMain() {}

  public static void main(String[] args) throws InterruptedException {
    String cluster = "bench";
    int services = 3;
    int tasks = 2;
    long drainMs = 3000;
    long inactiveMs = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cluster" -> cluster = args[i + 1];
        case "--services" -> services = Integer.parseInt(args[i + 1]);
        case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
        case "--drain-ms" -> drainMs = Long.parseLong(args[i + 1]);
        case "--inactive-ms" -> inactiveMs = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --cluster, --services, --tasks, --drain-ms, --inactive-ms");
      }
    }
    FakeEcs fake = FakeEcs.start(TimeSource.system());
    FakeCluster c = fake.cluster(cluster);
    List<FakeService> created = new ArrayList<>();
    for (int i = 1; i <= services; i++) {
      created.add(c.service("s" + i).counts(tasks, tasks, 0).drainTime(Duration.ofMillis(drainMs))
          .inactiveAfter(Duration.ofMillis(inactiveMs)));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (FakeService s : created) {
        Long drained = s.drainedAtMillis();
        Long deleted = s.deletedAtMillis();
        System.out.println("delete-lag-ms " + s.name + " "
            + (drained == null || deleted == null ? "none" : String.valueOf(deleted - drained)));
      }
      System.out.flush();
      fake.close();
    }));
    System.out.println("port=" + fake.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
