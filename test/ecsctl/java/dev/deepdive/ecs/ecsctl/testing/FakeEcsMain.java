package dev.deepdive.ecs.ecsctl.testing;

import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake ECS endpoint as its own process, in real time, for bench/ecsctl-bench.sh:
 * {@code FakeEcsMain [--cluster NAME] [--services N] [--tasks N] [--drain-ms MS] [--inactive-ms MS]
 * [--task-ms MS] [--task-exit-code N]}.
 * Prints {@code autoscaling-port=<port>} (the Application Auto Scaling fake beside it) and {@code port=<port>} once
 * listening; on SIGTERM prints, per service, how long after its last task
 * stopped DeleteService arrived ({@code delete-lag-ms <service> <ms>}), and for each task RunTask launched from the
 * family {@code bench-job} (which runs {@code --task-ms} after 100 ms each of PROVISIONING and PENDING, then its
 * container exits with {@code --task-exit-code}) the wall-clock time it stopped and the time a DescribeTasks answer
 * first reported it STOPPED ({@code task-stopped-epoch-ms <id> <stopped epoch ms> <reported epoch ms>}).
 */
public final class FakeEcsMain {
  /** The task definition family whose tasks the benchmark runs. */
  static final String BENCH_FAMILY = "bench-job";

  private FakeEcsMain() {}

  public static void main(String[] args) throws InterruptedException {
    String cluster = "bench";
    int services = 3;
    int tasks = 2;
    long drainMs = 3000;
    long inactiveMs = 0;
    long taskMs = 2000;
    int taskExitCode = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cluster" -> cluster = args[i + 1];
        case "--services" -> services = Integer.parseInt(args[i + 1]);
        case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
        case "--drain-ms" -> drainMs = Long.parseLong(args[i + 1]);
        case "--inactive-ms" -> inactiveMs = Long.parseLong(args[i + 1]);
        case "--task-ms" -> taskMs = Long.parseLong(args[i + 1]);
        case "--task-exit-code" -> taskExitCode = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --cluster, --services, --tasks, --drain-ms, --inactive-ms, --task-ms, --task-exit-code");
      }
    }
    FakeEcs fake = FakeEcs.start(TimeSource.system());
    FakeCluster c = fake.cluster(cluster);
    List<FakeService> created = new ArrayList<>();
    for (int i = 1; i <= services; i++) {
      created.add(c.service("s" + i).counts(tasks, tasks, 0).drainTime(Duration.ofMillis(drainMs))
          .inactiveAfter(Duration.ofMillis(inactiveMs)));
    }
    fake.registerTaskDefinition(BENCH_FAMILY);
    fake.onLaunch(BENCH_FAMILY).provisioning(Duration.ofMillis(100)).pending(Duration.ofMillis(100))
        .runs(Duration.ofMillis(taskMs)).exits(BENCH_FAMILY, taskExitCode);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (FakeService s : created) {
        Long drained = s.drainedAtMillis();
        Long deleted = s.deletedAtMillis();
        System.out.println("delete-lag-ms " + s.name + " "
            + (drained == null || deleted == null ? "none" : String.valueOf(deleted - drained)));
      }
      for (FakeTask task : c.launchedTasks()) {
        Long stopped = task.stoppedAtMillis();
        Long seen = task.reportedStoppedAtMillis();
        System.out.println("task-stopped-epoch-ms " + task.id() + " "
            + (stopped == null ? "none" : String.valueOf(fake.epochMillisAt(stopped))) + " "
            + (seen == null ? "none" : String.valueOf(fake.epochMillisAt(seen))));
      }
      System.out.flush();
      fake.close();
    }));
    // drain-delete also calls Application Auto Scaling (to suspend a scaled service's scaling): its fake's port first,
    // so that a reader waiting for port= finds both.
    System.out.println("autoscaling-port=" + fake.autoScaling().port());
    System.out.println("port=" + fake.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
