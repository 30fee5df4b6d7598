package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One task definition revision inside {@link FakeEcs}: a container named after the family, and any more added;
 * with {@link #awslogs}, every container logs to CloudWatch Logs.
 */
public final class FakeTaskDefinition {
  final String family;
  final int revision;
  volatile boolean active = true;
  private volatile int memory = 512;
  private final java.util.List<String> moreContainers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.Map<String, java.util.Optional<Boolean>> essentialFlags =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String logGroup;
  private volatile String logRegion;
  private volatile String streamPrefix;

  FakeTaskDefinition(String family, int revision) {
    this.family = family;
    this.revision = revision;
  }

  public FakeTaskDefinition memory(int mib) {
    memory = mib;
    return this;
  }

  /** Another container, after the one named after the family; not essential. */
  public FakeTaskDefinition container(String name) {
    return container(name, false);
  }

  /** Another container with its essential flag; {@code null} leaves the flag out (ECS then takes it as essential). */
  public FakeTaskDefinition container(String name, Boolean essential) {
    moreContainers.add(name);
    essentialFlags.put(name, java.util.Optional.ofNullable(essential));
    return this;
  }

  /** The containers' names, the family's first. */
  java.util.List<String> containerNames() {
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(family));
    names.addAll(moreContainers);
    return names;
  }

  /** Every container logs with the awslogs driver to {@code group} in {@code region}, streams under {@code prefix} (or none). */
  public FakeTaskDefinition awslogs(String group, String region, String prefix) {
    logGroup = group;
    logRegion = region;
    streamPrefix = prefix;
    return this;
  }

  public boolean active() {
    return active;
  }

  String arn() {
    return FakeEcs.arn("task-definition/" + family + ":" + revision);
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode td = json.createObjectNode();
    td.put("taskDefinitionArn", arn());
    td.put("family", family);
    td.put("revision", revision);
    td.put("status", active ? "ACTIVE" : "INACTIVE");
    td.put("networkMode", "bridge");
    td.putArray("requiresCompatibilities").add("EC2");
    ArrayNode containers = td.putArray("containerDefinitions");
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(family));
    names.addAll(moreContainers);
    for (String name : names) {
      ObjectNode c = containers.addObject();
      c.put("name", name);
      c.put("image", "public.ecr.aws/docker/library/tomcat:10");
      c.put("memory", memory);
      java.util.Optional<Boolean> essential = name.equals(family) ? java.util.Optional.of(true)
          : essentialFlags.getOrDefault(name, java.util.Optional.of(false));
      essential.ifPresent(flag -> c.put("essential", flag));
      if (logGroup != null) {
        ObjectNode options = c.putObject("logConfiguration").put("logDriver", "awslogs").putObject("options");
        options.put("awslogs-group", logGroup);
        options.put("awslogs-region", logRegion);
        if (streamPrefix != null) {
          options.put("awslogs-stream-prefix", streamPrefix);
        }
      }
    }
    return td;
  }
}
