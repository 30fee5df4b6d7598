package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One task definition revision inside {@link FakeEcs}; one container named after the family. */
public final class FakeTaskDefinition {
  final String family;
  final int revision;
  volatile boolean active = true;
  private volatile int memory = 512;

  FakeTaskDefinition(String family, int revision) {
    this.family = family;
    this.revision = revision;
  }

  public FakeTaskDefinition memory(int mib) {
    memory = mib;
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
    ObjectNode c = containers.addObject();
    c.put("name", family);
    c.put("image", "public.ecr.aws/docker/library/tomcat:10");
    c.put("memory", memory);
    c.put("essential", true);
    return td;
  }
}
