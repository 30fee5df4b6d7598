package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads task-level cpu and memory the way register-task-definition accepts them: an integer, or a string
 * holding CPU units ("1024") / vCPUs ("1 vCPU", "0.5 vcpu"), MiB ("2048") / GB ("2 GB", "2GB").
 * See https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size
 */
final class TaskSize {
  private static final Pattern CPU = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(vcpu)?\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMORY = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(gb)?\\s*",
      Pattern.CASE_INSENSITIVE);

  static final String CPU_FORMAT = "CPU units as an integer or a string like \"1024\" or \"1 vCPU\"";
  static final String MEMORY_FORMAT = "MiB as an integer or a string like \"2048\" or \"2 GB\"";

  private TaskSize() {}

  /** CPU units (1024 per vCPU), or empty when the value is not in an accepted form. */
  static Optional<Integer> cpuUnits(JsonNode value) {
    return parse(value, CPU, 1024);
  }

  /** MiB (1024 per GB), or empty when the value is not in an accepted form. */
  static Optional<Integer> memoryMiB(JsonNode value) {
    return parse(value, MEMORY, 1024);
  }

  private static Optional<Integer> parse(JsonNode value, Pattern pattern, int unitMultiplier) {
    if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() > 0) {
      return Optional.of(value.intValue());
    }
    if (!value.isTextual()) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(value.textValue());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      number = number.multiply(BigDecimal.valueOf(unitMultiplier));
    }
    if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    return Optional.of(number.intValueExact());
  }
}
