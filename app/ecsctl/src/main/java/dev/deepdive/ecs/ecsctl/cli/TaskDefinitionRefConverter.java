package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionRef;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code family:revision} on the command line; a bad form is a usage error naming what was received. */
public final class TaskDefinitionRefConverter implements ITypeConverter<TaskDefinitionRef> {
  @Override
  public TaskDefinitionRef convert(String value) {
    return usageError(() -> TaskDefinitionRef.parse(value));
  }

  /** A family name alone ({@code --family web}). */
  public static final class Family implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return usageError(() -> TaskDefinitionRef.requireFamily(value));
    }
  }

  /** A family (its latest ACTIVE revision), {@code family:revision}, or an ARN: what describe accepts. */
  public static final class FamilyOrRevision implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return usageError(() -> TaskDefinitionRef.requireFamilyOrRevision(value));
    }
  }

  /** The parser's IllegalArgumentException, which names the value and the form, as picocli's usage error. */
  private static <T> T usageError(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
