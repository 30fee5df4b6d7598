package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementSectionTest {
  private static final String FILE = "app/environments/qa.json: services[0].placement";

  private static String placement(String fields) {
    return worker("\"placement\": {" + fields + "}");
  }

  @Test
  void anEmptyObjectSpreadsWithoutConstraints() {
    assertThat(only(placement("")).placement()).isEqualTo(new PlacementConfig(PlacementStrategy.SPREAD, java.util.List.of()));
  }

  @Test
  void readsBinpack() {
    assertThat(only(placement("\"strategy\": \"binpack\"")).placement().strategy())
        .isEqualTo(PlacementStrategy.BINPACK);
  }

  @Test
  void rejectsAnUnknownStrategy() {
    assertThat(problems(placement("\"strategy\": \"random\""))).containsExactly(
        FILE + ".strategy: unknown placement strategy, got \"random\"; allowed: spread, binpack");
  }

  @Test
  void suggestsTheStrategyWrittenInTheWrongCase() {
    assertThat(problems(placement("\"strategy\": \"Spread\""))).containsExactly(
        FILE + ".strategy: unknown placement strategy, got \"Spread\"; did you mean 'spread'? allowed: spread,"
            + " binpack");
  }

  @Test
  void readsADistinctInstanceConstraint() {
    assertThat(only(placement("\"constraints\": [{\"type\": \"distinctInstance\"}]")).placement().constraints())
        .containsExactly(new PlacementConstraintConfig("distinctInstance", Optional.empty()));
  }

  @Test
  void rejectsAnExpressionOnADistinctInstanceConstraint() {
    assertThat(problems(placement("\"constraints\": [{\"type\": \"distinctInstance\", \"expression\": \"x\"}]")))
        .containsExactly(FILE + ".constraints[0].expression: not allowed for a distinctInstance constraint, got"
            + " \"x\"; remove it, or use type memberOf to place by an expression");
  }

  @Test
  void requiresAnExpressionOnAMemberOfConstraint() {
    assertThat(problems(placement("\"constraints\": [{\"type\": \"memberOf\"}]"))).containsExactly(
        FILE + ".constraints[0].expression: required field is missing for a memberOf constraint; e.g. \"expression\":"
            + " \"attribute:ecs.instance-type =~ t3.*\"");
  }

  @Test
  void rejectsABlankExpression() {
    assertThat(problems(placement("\"constraints\": [{\"type\": \"memberOf\", \"expression\": \" \"}]")))
        .containsExactly(FILE + ".constraints[0].expression: must not be empty, got \" \"; a cluster query such as"
            + " \"attribute:ecs.instance-type =~ t3.*\"");
  }

  @Test
  void rejectsAnExpressionLongerThan2000Characters() {
    String expression = "attribute:x == " + "a".repeat(1986);
    assertThat(problems(placement("\"constraints\": [{\"type\": \"memberOf\", \"expression\": \"" + expression
        + "\"}]"))).containsExactly(FILE + ".constraints[0].expression: must be at most 2000 characters, got 2001"
            + " characters; the longest expression ECS accepts");
  }

  @Test
  void suggestsTheConstraintTypeMeant() {
    assertThat(problems(placement("\"constraints\": [{\"type\": \"distinctInstances\"}]"))).containsExactly(
        FILE + ".constraints[0].type: unknown constraint type, got \"distinctInstances\"; did you mean"
            + " 'distinctInstance'? allowed: distinctInstance, memberOf");
  }

  @Test
  void requiresAConstraintType() {
    assertThat(problems(placement("\"constraints\": [{\"expression\": \"attribute:a == b\"}]"))).containsExactly(
        FILE + ".constraints[0].type: required field is missing");
  }

  @Test
  void rejectsMoreThanTenConstraints() {
    String eleven = String.join(", ", Collections.nCopies(11, "{\"type\": \"distinctInstance\"}"));
    assertThat(problems(placement("\"constraints\": [" + eleven + "]"))).containsExactly(
        FILE + ".constraints: must list at most 10 constraints (ECS allows 10 per task, the task definition's"
            + " included), got 11");
  }

  @Test
  void rejectsConstraintsThatAreNotAList() {
    assertThat(problems(placement("\"constraints\": {\"type\": \"distinctInstance\"}"))).containsExactly(
        FILE + ".constraints: expected a list of constraint objects, got an object");
  }
}
