package dev.deepdive.ecs.stacks;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Construct IDs and stack groups derived from names: construct IDs are a contract, so these never change. */
public final class Ids {
  /** How many service stacks an environment can have; each service's group follows from its name alone. */
  public static final int SERVICE_GROUPS = 16;

  private Ids() {}

  /** {@code web-api} -> {@code WebApi}, {@code team/web} -> {@code TeamWeb}. */
  public static String pascalCase(String name) {
    StringBuilder id = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  /**
   * The stack a service lives in: {@code ServicesA} to {@code ServicesP}, from a CRC-32 of its name. It depends
   * on nothing else, so adding, removing or reordering services never moves another service to another stack
   * (which CloudFormation would do as delete and re-create); 16 groups keep each stack far below
   * CloudFormation's 500-resource limit up to several hundred services per environment.
   */
  public static String serviceGroup(String serviceName) {
    CRC32 crc = new CRC32();
    crc.update(serviceName.getBytes(StandardCharsets.UTF_8));
    return "Services" + (char) ('A' + (int) (crc.getValue() % SERVICE_GROUPS));
  }
}
