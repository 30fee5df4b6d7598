package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * A container override for RunTask or StartTask, as typed on the command line:
 * {@code container=NAME[,env.KEY=VALUE ...][,command=WORD WORD ...]}.
 *
 * <p>{@code command=} comes last and takes the rest of the value, commas included, split into words the way a POSIX
 * shell splits them without expanding anything: blanks separate words, {@code '...'} is literal, {@code "..."} keeps
 * blanks and honours {@code \"} and {@code \\}, a backslash outside quotes escapes the next character. The words
 * replace the container's {@code command} (Docker's CMD), as ECS's {@code containerOverrides[].command} does
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html). {@code env.KEY=VALUE} adds
 * or replaces one environment variable; a value cannot contain a comma.
 *
 * @param container the container's name in the task definition
 * @param command the new command; empty to keep the task definition's
 * @param environment variables to set, in the order given
 */
public record ContainerOverrideSpec(String container, List<String> command, Map<String, String> environment) {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String FORM = "container=NAME[,env.KEY=VALUE ...][,command=WORD ...]";

  public ContainerOverrideSpec {
    Objects.requireNonNull(container, "container");
    command = List.copyOf(command);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * Parses one {@code --override} value.
   *
   * @throws IllegalArgumentException naming the value and what is allowed
   */
  public static ContainerOverrideSpec parse(String text) {
    String value = text == null ? "" : text;
    String container = null;
    List<String> command = List.of();
    Map<String, String> environment = new LinkedHashMap<>();
    int at = 0;
    while (at < value.length()) {
      if (value.startsWith("command=", at)) {
        command = words(value.substring(at + "command=".length()), value);
        if (command.isEmpty()) {
          throw new IllegalArgumentException("'" + value + "': command= needs at least one word; expected " + FORM);
        }
        at = value.length();
        break;
      }
      int comma = value.indexOf(',', at);
      String field = value.substring(at, comma < 0 ? value.length() : comma);
      at = comma < 0 ? value.length() : comma + 1;
      if (field.startsWith("container=")) {
        if (container != null) {
          throw new IllegalArgumentException("'" + value + "': container= given twice; one --override per container");
        }
        container = field.substring("container=".length());
      } else if (field.startsWith("env.") && field.indexOf('=') > 0) {
        String name = field.substring("env.".length(), field.indexOf('='));
        if (!ENV_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("'" + value + "': environment variable name '" + name
              + "' must be letters, digits and underscores, not starting with a digit");
        }
        environment.put(name, field.substring(field.indexOf('=') + 1));
      } else {
        throw new IllegalArgumentException("'" + value + "': unknown field '" + field + "'; expected " + FORM);
      }
    }
    if (container == null || container.isBlank()) {
      throw new IllegalArgumentException("'" + value + "': container=NAME is required; expected " + FORM);
    }
    if (command.isEmpty() && environment.isEmpty()) {
      throw new IllegalArgumentException("'" + value + "': overrides nothing; add command=... or env.KEY=VALUE");
    }
    return new ContainerOverrideSpec(container, command, environment);
  }

  /** Splits {@code text} into words like a POSIX shell, without expansion; {@code whole} is for the message. */
  static List<String> words(String text, String whole) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("'" + whole + "': unterminated ' in command");
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < text.length() && text.charAt(j) != '"'; j++) {
          char d = text.charAt(j);
          if (d == '\\' && j + 1 < text.length() && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
            j++;
            d = text.charAt(j);
          }
          word.append(d);
        }
        if (j >= text.length()) {
          throw new IllegalArgumentException("'" + whole + "': unterminated \" in command");
        }
        inWord = true;
        i = j;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Problems with {@code overrides} against the task definition's {@code containers}: a container it does not have,
   * or two overrides for one container. Empty if none.
   */
  public static List<String> check(List<ContainerOverrideSpec> overrides, Collection<String> containers,
      String taskDefinition) {
    List<String> problems = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (ContainerOverrideSpec o : overrides) {
      if (!containers.contains(o.container())) {
        problems.add("--override names container '" + o.container() + "', which " + taskDefinition
            + " does not have; its containers: " + String.join(", ", containers));
      } else if (seen.contains(o.container())) {
        problems.add("--override given twice for container '" + o.container() + "'; put both in one");
      }
      seen.add(o.container());
    }
    return problems;
  }

  /** The SDK's shape. */
  public ContainerOverride toSdk() {
    ContainerOverride.Builder b = ContainerOverride.builder().name(container);
    if (!command.isEmpty()) {
      b.command(command);
    }
    if (!environment.isEmpty()) {
      b.environment(environment.entrySet().stream()
          .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList());
    }
    return b.build();
  }
}
