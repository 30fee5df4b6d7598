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
   */
  static void applyTo(JsonNode file) {
    JsonNode services = file.path("services");
    for (int i = 0; i < services.size() && services.isArray(); i++) {
      if (services.get(i).path("loadBalancer") instanceof ObjectNode lb && !lb.has("priority")) {
        lb.put("priority", listenerRulePriority(i));
      }
      if (services.get(i) instanceof ObjectNode service && !service.has("desiredCount")
          && service.path("autoScaling").path("minCount").isInt()) {
        service.put("desiredCount", service.path("autoScaling").path("minCount").intValue());
      }
    }
  }
}
