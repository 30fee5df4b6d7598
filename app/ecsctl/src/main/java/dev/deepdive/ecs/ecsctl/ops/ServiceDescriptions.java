package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * DescribeServices for any number of services, in batches of at most 10 (the API's limit), keyed by the
 * name or ARN the caller asked for. A service ECS does not know is absent from the map: "missing".
 */
public final class ServiceDescriptions {

  /** DescribeServices accepts at most 10 services per call. */
  public static final int BATCH_SIZE = 10;

  private ServiceDescriptions() {}

  /** Describes {@code requested} services in {@code cluster}, with their tags (for the CloudFormation check). */
  public static Map<String, Service> describe(EcsClient ecs, String cluster, List<String> requested) {
    Map<String, Service> found = new LinkedHashMap<>();
    for (int from = 0; from < requested.size(); from += BATCH_SIZE) {
      List<String> batch = requested.subList(from, Math.min(from + BATCH_SIZE, requested.size()));
      DescribeServicesResponse response = ecs.describeServices(r -> r
          .cluster(cluster).services(batch).include(ServiceField.TAGS));
      for (Service service : response.services()) {
        for (String name : batch) {
          if (matches(name, service)) {
            found.put(name, service);
          }
        }
      }
      for (Failure failure : response.failures()) {
        // MISSING is the normal "no such service"; any other reason is a real failure worth surfacing.
        if (!"MISSING".equals(failure.reason())) {
          throw new DescribeFailureException(cluster, failure.arn(), failure.reason(), failure.detail());
        }
      }
    }
    return found;
  }

  /** True if {@code requested} (a name or an ARN) names {@code service}. */
  static boolean matches(String requested, Service service) {
    return requested.equals(service.serviceName()) || requested.equals(service.serviceArn());
  }

  /** The requested names, in order, without repeats. */
  public static List<String> distinct(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
