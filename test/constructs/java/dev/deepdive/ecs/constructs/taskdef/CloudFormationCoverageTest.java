package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Field;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Shape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.ecs.CfnTaskDefinition;
import software.amazon.awscdk.services.ecs.CfnTaskDefinitionProps;

/**
 * {@link TaskDefinitionFormat}'s CloudFormation facts, held against aws-cdk-lib's generated {@link CfnTaskDefinition}:
 * every API field the tool accepts has a property there (under the name the tool renders, compared without case,
 * as the CDK's getters camel-case acronyms: {@code getEfsVolumeConfiguration} for {@code EFSVolumeConfiguration}),
 * and every field listed as not in CloudFormation has none. An SDK or CDK upgrade that changes either fails here.
 */
class CloudFormationCoverageTest {
  /** SDK shapes whose CloudFormation type is not named {@code <shape>Property}. */
  private static final Map<Class<?>, Class<?>> CFN_TYPES = Map.of(
      software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest.class, CfnTaskDefinitionProps.class,
      software.amazon.awssdk.services.ecs.model.Tag.class, CfnTag.class,
      software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfig.class,
      CfnTaskDefinition.AuthorizationConfigProperty.class,
      software.amazon.awssdk.services.ecs.model.ContainerRestartPolicy.class,
      CfnTaskDefinition.RestartPolicyProperty.class);

  @Test
  void everyAcceptedFieldHasACloudFormationPropertyAndNoRefusedOneHas() throws Exception {
    List<String> mismatches = new ArrayList<>();
    check(EcsApiModel.TASK_DEFINITION, new HashSet<>(), mismatches);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void theFieldsCloudFormationLacksAreNamedWithTheReason() {
    assertThat(TaskDefinitionFormat.NOT_IN_CLOUDFORMATION).contains("ResourceRequirement.sharingStrategy");
    assertThat(TaskDefinitionParseTest.problems(TaskDefinitionParseTest.container(",\"resourceRequirements\":[{"
        + "\"type\":\"GPU\",\"value\":\"1\",\"sharingStrategy\":{\"nvidiaMps\":{\"memory\":1024}}}]")))
        .containsExactly(TaskDefinitionParseTest.PATH + ": containerDefinitions[0].resourceRequirements[0]"
            + ".sharingStrategy: not supported: CloudFormation's AWS::ECS::TaskDefinition has no such property, so"
            + " this tool cannot deploy it; remove it");
  }

  private static void check(Shape shape, Set<Shape> seen, List<String> mismatches) throws Exception {
    if (!seen.add(shape)) {
      return;
    }
    Set<String> properties = cfnProperties(shape);
    for (Field field : shape.fields().values()) {
      String key = shape.key(field.name());
      boolean inCloudFormation = properties.contains(
          TaskDefinitionFormat.cloudFormationName(shape, field.name()).toLowerCase(Locale.ROOT));
      if (TaskDefinitionFormat.NOT_IN_CLOUDFORMATION.contains(key)) {
        if (inCloudFormation) {
          mismatches.add(key + " is listed as not in CloudFormation, but CfnTaskDefinition has it");
        }
        continue;
      }
      if (!inCloudFormation) {
        mismatches.add(key + " has no CloudFormation property named "
            + TaskDefinitionFormat.cloudFormationName(shape, field.name()));
      }
      if (TaskDefinitionFormat.refusal(shape, field.name()).isPresent()) {
        continue;
      }
      Field items = field.kind() == EcsApiModel.Kind.LIST || field.kind() == EcsApiModel.Kind.MAP
          ? field.element() : field;
      if (items.kind() == EcsApiModel.Kind.OBJECT) {
        check(items.shape(), seen, mismatches);
      }
    }
  }

  /** The CDK type's property names, lower-cased. */
  private static Set<String> cfnProperties(Shape shape) throws ClassNotFoundException {
    Class<?> type = CFN_TYPES.get(shape.type());
    if (type == null) {
      type = Class.forName(CfnTaskDefinition.class.getName() + "$" + shape.type().getSimpleName() + "Property");
    }
    Set<String> names = new HashSet<>();
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().startsWith("get") && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
        names.add(m.getName().substring(3).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
