package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionRef;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code family:revision} on the command line; a bad form is a usage error naming what was received. */
public final class TaskDefinitionRefConverter implements ITypeConverter<TaskDefinitionRef> {
  @Override
  public TaskDefinitionRef convert(String value) {
    try {
      return TaskDefinitionRef.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** A family name alone ({@code --family web}). */
  public static final class Family implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return TaskDefinitionRef.requireFamily(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A family (its latest ACTIVE revision), {@code family:revision}, or an ARN: what describe accepts. */
  public static final class FamilyOrRevision implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return TaskDefinitionRef.requireFamilyOrRevision(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
