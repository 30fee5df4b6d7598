package dev.deepdive.ecs.scratch;

import dev.deepdive.ecs.app.EcsApp;
import dev.deepdive.ecs.app.NagGate;
import java.nio.file.Files;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

class DumpNagTest {
  @Test
  void dump() throws Exception {
    long t0 = System.nanoTime();
    App app = App.Builder.create().outdir(Files.createTempDirectory("dump").toString()).build();
    EcsApp.build(app);

    CloudAssembly asm = app.synth();
    System.out.println("SYNTH ms " + (System.nanoTime() - t0) / 1_000_000);
    Map<String, Integer> counts = new TreeMap<>();
    for (var nested : asm.getNestedAssemblies()) {
      for (var stack : nested.getNestedAssembly().getStacks()) {
        for (var m : stack.getMessages()) {
          String lvl = m.getLevel().toString();
          if (lvl.contains("INFO")) continue;
          String data = String.valueOf(m.getEntry().getData()).split("\n")[0];
          String path = m.getId().replaceFirst("^/[a-z]+/", "/*/");
          String key = lvl + " " + data.replaceAll(":.*", "") + " " + path;
          counts.merge(key, 1, Integer::sum);
          if (stack.getStackName().startsWith("dev")) System.out.println("MSG " + lvl + " " + m.getId() + " " + data);
        }
      }
    }
    counts.forEach((k, v) -> System.out.println("AGG " + v + " " + k));
  }
}
