package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Warns when a JVM or app-server image gets a memory limit it cannot start in.
 *
 * <p>A task that gives tomcat 50 MiB is accepted by ECS, and the container is OOM-killed on start; and with desired
 * count 1 ECS reschedules it again and again, filling the service events with failures. Nothing fails
 * until it runs. A JVM with an app server needs well over 100 MiB before serving a
 * request (heap, metaspace, code cache, thread stacks), so {@value #MIN_JVM_MEMORY_MIB} MiB is the floor below
 * which we call the limit far too small.
 *
 * <p>This is a warning, not an error: the image name is only a hint (a custom "tomcat" image may be tiny) and
 * the limit may be deliberate. The limit checked is the container's hard limit (memory), else the task-level
 * memory; a container with only memoryReservation has no hard limit of its own and is not warned about.
 */
final class JvmImageMemoryRule {
  static final int MIN_JVM_MEMORY_MIB = 256;

  /** Repository names (the last path segment, without tag or digest) of well-known JVM images. */
  static final Set<String> JVM_IMAGES = Set.of(
      "tomcat", "tomee", "jetty", "jboss", "wildfly", "payara", "glassfish", "open-liberty", "websphere-liberty",
      "openjdk", "eclipse-temurin", "amazoncorretto", "ibm-semeru-runtimes", "sapmachine", "java", "jdk", "jre",
      "elasticsearch", "opensearch", "logstash", "kafka", "zookeeper", "cassandra", "solr", "jenkins", "keycloak",
      "sonarqube", "neo4j", "flink", "nexus3", "activemq", "artemis");

  private JvmImageMemoryRule() {}

  static List<String> warnings(String displayPath, JsonNode root) {
    List<String> warnings = new ArrayList<>();
    JsonNode containers = root.path("containerDefinitions");
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String repository = repositoryName(c.path("image").asText());
      if (!JVM_IMAGES.contains(repository)) {
        continue;
      }
      String path;
      int limit;
      if (c.has("memory")) {
        path = "containerDefinitions[" + i + "].memory";
        limit = c.get("memory").intValue();
      } else if (root.has("memory")) {
        path = "memory";
        limit = TaskSize.memoryMiB(root.get("memory")).orElse(Integer.MAX_VALUE);
      } else {
        continue;
      }
      if (limit < MIN_JVM_MEMORY_MIB) {
        warnings.add(displayPath + ": " + path + ": " + limit + " MiB is far too little for container '"
            + c.path("name").asText() + "' (image '" + c.path("image").asText() + "' runs a JVM): it will be"
            + " killed for lack of memory as it starts and the service will restart it in a loop (a tomcat"
            + " with 50 MiB does); give it at least " + MIN_JVM_MEMORY_MIB + " MiB");
      }
    }
    return warnings;
  }

  /** {@code public.ecr.aws/docker/library/tomcat:9-jdk17@sha256:..} -> {@code tomcat}. */
  static String repositoryName(String image) {
    String withoutDigest = image.split("@", 2)[0];
    String lastSegment = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return (colon < 0 ? lastSegment : lastSegment.substring(0, colon)).toLowerCase(Locale.ROOT);
  }
}
