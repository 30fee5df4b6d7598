package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults a schema cannot state because they depend on where a value sits. Every other default is the
 * {@code "default"} of its field in app/environment.schema.json, the one place the app, the docs
 * (docs/environment-files.md, generated from the schema) and editors read it from.
 */
public final class ConfigDefaults {
  /** services[i].loadBalancer.priority is this times (i + 1): gaps of 10 leave room to insert a rule. */
  public static final int LISTENER_RULE_PRIORITY_STEP = 10;
  /**
   * services[i].deployment.maximumPercent of a DAEMON service: the only value ECS allows, since an instance runs one
   * copy (ECS stops the old task before it starts the new one).
   */
  public static final int DAEMON_MAXIMUM_PERCENT = 100;
  /**
   * services[i].deployment.minimumHealthyPercent of a DAEMON service: half of the instances keep their agent during a
   * deployment (the schema's 100 would let no old task stop; ECS's own default for daemons, 0, could stop every copy
   * at once).
   */
  public static final int DAEMON_MINIMUM_HEALTHY_PERCENT = 50;

  private ConfigDefaults() {}

  /** The default listener rule priority of the service at {@code index} (0-based) in {@code services}. */
  public static int listenerRulePriority(int index) {
    return LISTENER_RULE_PRIORITY_STEP * (index + 1);
  }

  /**
   * Fills in the position-dependent defaults of {@code file} (already holding the schema's defaults), wherever the
   * file is shaped well enough to hold them: {@code services[i].loadBalancer.priority}, and
   * {@code services[i].desiredCount} of a service with {@code autoScaling}: its {@code minCount}, the count the
   * placement model and the deployment check start from (CloudFormation starts a new service at max(1, minCount)).
   * A DAEMON service gets {@code desiredCount} 0 (it takes none) and, where {@code given} (the file as written) sets
   * none, {@link #DAEMON_MAXIMUM_PERCENT} and {@link #DAEMON_MINIMUM_HEALTHY_PERCENT} in place of the schema's
   * deployment defaults.
   */
  static void applyTo(JsonNode given, JsonNode file) {
    JsonNode services = file.path("services");
    for (int i = 0; i < services.size() && services.isArray(); i++) {
      if (services.get(i) instanceof ObjectNode daemon
          && SchedulingStrategy.DAEMON.name().equals(daemon.path("schedulingStrategy").asText())) {
        daemonDefaults(given.path("services").path(i), daemon);
        continue;
      }
      if (services.get(i).path("loadBalancer") instanceof ObjectNode lb && !lb.has("priority")) {
        lb.put("priority", listenerRulePriority(i));
      }
      if (services.get(i) instanceof ObjectNode service && !service.has("desiredCount")
          && service.path("autoScaling").path("minCount").isInt()) {
        service.put("desiredCount", service.path("autoScaling").path("minCount").intValue());
      }
    }
  }

  private static void daemonDefaults(JsonNode given, ObjectNode service) {
    if (!service.has("desiredCount")) {
      service.put("desiredCount", 0);
    }
    if (service.path("deployment") instanceof ObjectNode filled) {
      // A copy: the defaults walk may have put the schema's own default object here, shared by every file.
      ObjectNode deployment = filled.deepCopy();
      if (!given.path("deployment").has("maximumPercent")) {
        deployment.put("maximumPercent", DAEMON_MAXIMUM_PERCENT);
      }
      if (!given.path("deployment").has("minimumHealthyPercent")) {
        deployment.put("minimumHealthyPercent", DAEMON_MINIMUM_HEALTHY_PERCENT);
      }
      service.set("deployment", deployment);
    }
  }
}
