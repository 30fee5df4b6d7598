package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ContainerOverrideSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --override container=NAME[,env.KEY=VALUE ...][,command=WORD ...]}; a bad form is a usage error. */
public final class ContainerOverrideConverter implements ITypeConverter<ContainerOverrideSpec> {
  @Override
  public ContainerOverrideSpec convert(String value) {
    try {
      return ContainerOverrideSpec.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
