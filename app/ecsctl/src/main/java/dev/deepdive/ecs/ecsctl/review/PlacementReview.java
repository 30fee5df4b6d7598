package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.placement.EnvironmentInput;
import dev.deepdive.ecs.placement.PlacementInputsJson;
import dev.deepdive.ecs.placement.PlacementModel;
import dev.deepdive.ecs.placement.PlacementReport;
import java.util.List;
import java.util.Map;

/**
 * How the ECS scheduler would place an environment's services, the CDK app's placement model run again, offline,
 * from the inputs the app recorded at synth (metadata {@value PlacementInputsJson#METADATA_TYPE} on the
 * environment's Cluster stack): instances each service needs, headroom per resource and the deployment that needs
 * the most room, at maximum and at desired capacity. docs/placement.md describes the model.
 *
 * @param recordedIn the stack whose metadata holds the inputs, e.g. {@code dev/Cluster}
 * @param errors     what the model finds wrong (an app at this version refuses to synthesize those, so they show
 *                   only for an assembly from another version or edited by hand)
 * @param warnings   tight fits, fallback instance types that would not do, constraints it cannot evaluate
 * @param atMaximum  the placement on {@code capacity.maxSize} instances; null when the inputs cannot be simulated
 * @param atDesired  the placement on {@code capacity.desiredSize} instances; null likewise
 */
record PlacementReview(String recordedIn, List<String> errors, List<String> warnings,
    PlacementReport.CapacityPlacement atMaximum, PlacementReport.CapacityPlacement atDesired) {

  /**
   * The placement recorded by one of {@code stacks}, or null when none records one (an assembly of another app,
   * or of a version before the model).
   *
   * @throws ReviewException when the recorded inputs cannot be read
   */
  static PlacementReview of(List<CloudAssembly.Stack> stacks) throws ReviewException {
    for (CloudAssembly.Stack stack : stacks) {
      for (Map.Entry<String, JsonNode> path : stack.metadata().properties()) {
        for (JsonNode entry : path.getValue()) {
          if (!PlacementInputsJson.METADATA_TYPE.equals(entry.path("type").asText())) {
            continue;
          }
          EnvironmentInput input;
          try {
            input = PlacementInputsJson.read(entry.path("data").asText());
          } catch (IllegalArgumentException e) {
            throw new ReviewException(stack.displayName() + ": metadata " + PlacementInputsJson.METADATA_TYPE + " at "
                + path.getKey() + ": " + e.getMessage());
          }
          PlacementReport report = PlacementModel.evaluate(input);
          return new PlacementReview(stack.displayName(), report.errors(), report.warnings(), report.atMaximum(),
              report.atDesired());
        }
      }
    }
    return null;
  }
}
