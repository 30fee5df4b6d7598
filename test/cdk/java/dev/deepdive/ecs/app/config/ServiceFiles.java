package dev.deepdive.ecs.app.config;

import java.util.List;

/** The minimal qa file with services added, built from one valid service by adding or replacing fragments. */
final class ServiceFiles {
  /** A worker service: only the required fields. */
  static final String WORKER = "{\"name\": \"worker\", \"taskDefinition\": \"worker.json\", \"desiredCount\": 1}";
  /** The load balancer block of {@link #web(String)}: only its required fields and one path pattern. */
  static final String WEB_LOAD_BALANCER =
      "\"container\": \"tomcat\", \"containerPort\": 8080, \"pathPatterns\": [\"/*\"]";

  private ServiceFiles() {}

  /** The web service behind the load balancer, with {@code extra} fields added to the service. */
  static String web(String extra) {
    return "{\"name\": \"web\", \"taskDefinition\": \"web.json\", \"desiredCount\": 2, \"loadBalancer\": {"
        + WEB_LOAD_BALANCER + "}" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  /** The web service with {@code extra} fields added to its load balancer block. */
  static String webLoadBalancer(String extra) {
    return web("").replace(WEB_LOAD_BALANCER, WEB_LOAD_BALANCER + ", " + extra);
  }

  /** The worker service with {@code extra} fields added. */
  static String worker(String extra) {
    return WORKER.replace("}", ", " + extra + "}");
  }

  /** The minimal qa file with these services. */
  static String file(String... services) {
    return QaFile.withTop("\"services\": [" + String.join(", ", services) + "]");
  }

  static List<String> problems(String... services) {
    return QaFile.problems(file(services));
  }

  /** The only service of a valid file. */
  static ServiceConfig only(String service) {
    return QaFile.config(file(service)).services().get(0);
  }
}
