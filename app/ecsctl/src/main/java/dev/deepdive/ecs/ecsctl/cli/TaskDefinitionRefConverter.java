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
}
