package dev.deepdive.ecs.constructs.taskdef;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The shapes of the ECS API's RegisterTaskDefinition as the AWS SDK for Java v2 models them: every field of every
 * object in the API's order, its JSON type, and for enumerations the values the SDK knows.
 *
 * <p>Read through the SDK's supported interfaces: {@link SdkPojo#sdkFields()} with {@link SdkField#locationName()}
 * (the JSON name), {@link SdkField#marshallingType()}, the {@link ListTrait} and {@link MapTrait} of collections and
 * {@link SdkField#constructor()} of nested objects; an enumeration is the enum type a generated getter returns
 * (e.g. {@code ContainerDefinition.networkMode()} returns {@code NetworkMode}), whose {@code knownValues()} lists it.
 * Upgrading the SDK thus brings new API fields and values in by itself; which of them CloudFormation can express is
 * {@link TaskDefinitionFormat}'s business.
 */
final class EcsApiModel {
  /** The JSON types a task definition's fields have. */
  enum Kind { STRING, INTEGER, BOOLEAN, LIST, MAP, OBJECT }

  /**
   * One object type of the API, e.g. {@code ContainerDefinition}.
   *
   * @param type the SDK's class, whose simple name identifies the shape in {@link TaskDefinitionFormat}
   * @param fields by JSON name, in the API's order (filled in once, right after creation)
   */
  record Shape(Class<?> type, Map<String, Field> fields) {
    /** How messages name it: {@code containerDefinition}, {@code portMapping}, {@code taskDefinition}. */
    String displayName() {
      String simple = type == RegisterTaskDefinitionRequest.class ? "TaskDefinition" : type.getSimpleName();
      return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** {@code ContainerDefinition.memory}: how {@link TaskDefinitionFormat} names a field of this shape. */
    String key(String field) {
      return type.getSimpleName() + "." + field;
    }
  }

  /**
   * One field.
   *
   * @param name the JSON name, e.g. {@code containerDefinitions}
   * @param kind its JSON type
   * @param element the items of a list or the values of a map, else null
   * @param shape the object type of an object field, else null
   * @param allowed the enumeration's values the SDK knows, in its order; empty when any value of the kind goes
   */
  record Field(String name, Kind kind, Field element, Shape shape, List<String> allowed) {}

  /** The request of RegisterTaskDefinition: what a task definition file is. */
  static final Shape TASK_DEFINITION;
  /** The API's TaskDefinition, which describe-task-definition returns: the request's fields and read-only ones. */
  static final Shape DESCRIBED_TASK_DEFINITION;
  /** The response of describe-task-definition, which wraps a TaskDefinition. */
  static final Shape DESCRIBE_RESPONSE;

  static {
    Map<Class<?>, Shape> shapes = new HashMap<>();
    TASK_DEFINITION = shape(RegisterTaskDefinitionRequest.class, RegisterTaskDefinitionRequest.builder(), shapes);
    DESCRIBED_TASK_DEFINITION = shape(TaskDefinition.class, TaskDefinition.builder(), shapes);
    DESCRIBE_RESPONSE = shape(DescribeTaskDefinitionResponse.class, DescribeTaskDefinitionResponse.builder(), shapes);
  }

  private EcsApiModel() {}

  private static Shape shape(Class<?> type, SdkPojo builder, Map<Class<?>, Shape> shapes) {
    Shape known = shapes.get(type);
    if (known != null) {
      return known;
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    Shape shape = new Shape(type, Collections.unmodifiableMap(fields));
    // Registered before its fields, so that a shape used twice (Secret, KeyValuePair) is one object.
    shapes.put(type, shape);
    for (SdkField<?> sdkField : builder.sdkFields()) {
      fields.put(sdkField.locationName(), field(type, sdkField, shapes));
    }
    return shape;
  }

  private static Field field(Class<?> owner, SdkField<?> sdkField, Map<Class<?>, Shape> shapes) {
    String name = sdkField.locationName();
    Optional<Class<?>> enumType = enumType(owner, sdkField.memberName());
    MarshallingType<?> type = sdkField.marshallingType();
    if (type == MarshallingType.LIST) {
      Field item = element(name, sdkField.getTrait(ListTrait.class).memberFieldInfo(), enumType, shapes);
      return new Field(name, Kind.LIST, item, null, List.of());
    }
    if (type == MarshallingType.MAP) {
      Field value = element(name, sdkField.getTrait(MapTrait.class).valueFieldInfo(), enumType, shapes);
      return new Field(name, Kind.MAP, value, null, List.of());
    }
    return element(name, sdkField, enumType, shapes);
  }

  /** A field that is not a collection, or the items of one. */
  private static Field element(String name, SdkField<?> sdkField, Optional<Class<?>> enumType,
      Map<Class<?>, Shape> shapes) {
    MarshallingType<?> type = sdkField.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      Supplier<SdkPojo> constructor = sdkField.constructor();
      SdkPojo builder = constructor.get();
      Class<?> pojoType = ((SdkBuilder<?, ?>) builder).build().getClass();
      return new Field(name, Kind.OBJECT, null, shape(pojoType, builder, shapes), List.of());
    }
    Kind kind;
    if (type == MarshallingType.STRING) {
      kind = Kind.STRING;
    } else if (type == MarshallingType.INTEGER) {
      kind = Kind.INTEGER;
    } else if (type == MarshallingType.BOOLEAN) {
      kind = Kind.BOOLEAN;
    } else if (type == MarshallingType.LIST || type == MarshallingType.MAP) {
      throw new IllegalStateException(name + ": a collection of collections, which no task definition field is");
    } else {
      // Timestamps, longs and documents appear in describe output only; they are read-only, never written here.
      kind = Kind.STRING;
    }
    return new Field(name, kind, null, null, enumType.map(EcsApiModel::knownValues).orElse(List.of()));
  }

  /**
   * The enum type the SDK's getter of a member returns ({@code NetworkMode}, or {@code Compatibility} for
   * {@code List<Compatibility>}), if the member is an enumeration.
   */
  private static Optional<Class<?>> enumType(Class<?> owner, String memberName) {
    String getter = Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
    Method method;
    try {
      method = owner.getMethod(getter);
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
    Type returned = method.getGenericReturnType();
    if (returned instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      returned = arguments[arguments.length - 1];
    }
    return returned instanceof Class<?> c && c.isEnum() ? Optional.of(c) : Optional.empty();
  }

  private static List<String> knownValues(Class<?> enumType) {
    try {
      Collection<?> values = (Collection<?>) enumType.getMethod("knownValues").invoke(null);
      return values.stream().map(String::valueOf).toList();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(enumType + " has no knownValues(), which every SDK enum has", e);
    }
  }
}
