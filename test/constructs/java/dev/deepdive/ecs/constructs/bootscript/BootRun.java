package dev.deepdive.ecs.constructs.bootscript;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one run of the user data left behind.
 *
 * @param exitCode the exit status of {@code bash user-data.sh}
 * @param stdout what the user data printed (cloud-init's output log on an instance)
 * @param stderr its standard error
 * @param console what was written to the console device ({@code /dev/console} on an instance)
 * @param ecsConfig the resulting {@code /etc/ecs/ecs.config}, empty if there is none
 * @param failedMarker the failure marker file's content, empty if there is none
 * @param rejectedConfig a config the script set aside on failure, empty if there is none
 * @param joinLog the log of the script's background part (waiting for the agent, signalling), empty
 *     if it did not start
 * @param calls the stand-ins' calls, in order
 * @param sandbox the directory the run happened in
 */
public record BootRun(
    int exitCode,
    String stdout,
    String stderr,
    String console,
    Optional<String> ecsConfig,
    Optional<String> failedMarker,
    Optional<String> rejectedConfig,
    Optional<String> joinLog,
    List<Call> calls,
    Path sandbox) {

  public BootRun {
    calls = List.copyOf(calls);
  }

  /** The calls of one stand-in, in order. */
  public List<Call> callsTo(String tool) {
    return calls.stream().filter(call -> call.tool().equals(tool)).toList();
  }

  /** The {@code --data} form of each curl request to CloudFormation (SignalResource), in order. */
  public List<String> signalForms() {
    return callsTo("curl").stream().filter(call -> call.args().stream().anyMatch(a -> a.startsWith("https://cloudformation.")))
        .map(call -> call.args().get(call.args().indexOf("--data") + 1)).toList();
  }

  /** The seconds passed to each {@code sleep}, in order. */
  public List<Integer> sleeps() {
    return callsTo("sleep").stream().map(call -> Integer.parseInt(call.args().get(0))).toList();
  }

  /** The non-blank, non-comment lines of the resulting ecs.config, in order. */
  public List<String> ecsConfigSettings() {
    return ecsConfig.map(text -> text.lines()
            .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
            .toList())
        .orElse(List.of());
  }

  /** Everything about the run, for assertion failure messages. */
  public String describe() {
    return "exit code " + exitCode
        + "\n--- stdout\n" + stdout
        + "--- stderr\n" + stderr
        + "--- ecs.config\n" + ecsConfig.orElse("(none)\n")
        + "--- cluster-join.log\n" + joinLog.orElse("(none)\n")
        + "--- calls\n" + calls.stream().map(Call::commandLine).collect(Collectors.joining("\n"))
        + "\n--- sandbox " + sandbox;
  }
}
