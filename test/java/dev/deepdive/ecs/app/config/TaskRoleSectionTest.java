package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRoleSectionTest {
  private static final String FILE = "app/environments/qa.json: services[0].taskRole";
  private static final String GET_OBJECT =
      "{\"actions\": [\"s3:GetObject\"], \"resources\": [\"arn:aws:s3:::my-bucket/*\"]}";

  private static String statements(String... statements) {
    return worker("\"taskRole\": {\"statements\": [" + String.join(", ", statements) + "]}");
  }

  private static String statement(String actions, String resources) {
    return "{\"actions\": [" + actions + "], \"resources\": [" + resources + "]}";
  }

  @Test
  void readsStatementsInFileOrder() {
    assertThat(only(statements(GET_OBJECT, statement("\"sqs:Send*\", \"sqs:GetQueueUrl\"", "\"*\"")))
        .taskRoleStatements()).containsExactly(
            new PolicyStatementConfig(List.of("s3:GetObject"), List.of("arn:aws:s3:::my-bucket/*")),
            new PolicyStatementConfig(List.of("sqs:Send*", "sqs:GetQueueUrl"), List.of("*")));
  }

  @Test
  void requiresStatements() {
    assertThat(problems(worker("\"taskRole\": {}"))).containsExactly(FILE + ".statements: required field is missing");
  }

  @Test
  void rejectsAnEmptyStatementList() {
    assertThat(problems(statements())).containsExactly(FILE + ".statements: must list 1 to 20 statements, got an"
        + " empty list; leave taskRole out for a role without permissions");
  }

  @Test
  void rejectsMoreThanTwentyStatements() {
    assertThat(problems(statements(Collections.nCopies(21, GET_OBJECT).toArray(String[]::new)))).containsExactly(
        FILE + ".statements: must list 1 to 20 statements, got 21");
  }

  @Test
  void rejectsABareWildcardAction() {
    assertThat(problems(statements(statement("\"*\"", "\"*\"")))).containsExactly(FILE + ".statements[0].actions[0]:"
        + " not an IAM action, got \"*\"; expected <service>:<action> such as \"s3:GetObject\" or \"sqs:Send*\"");
  }

  @Test
  void rejectsAnEmptyActionList() {
    assertThat(problems(statements(statement("", "\"*\"")))).containsExactly(FILE + ".statements[0].actions: must"
        + " list 1 to 50 IAM actions such as \"s3:GetObject\", got an empty list");
  }

  @Test
  void rejectsMoreThanFiftyResources() {
    String many = String.join(", ", Collections.nCopies(51, "\"*\""));
    assertThat(problems(statements(statement("\"s3:GetObject\"", many)))).containsExactly(FILE + ".statements[0]"
        + ".resources: must list 1 to 50 ARNs or \"*\", got 51");
  }

  @Test
  void rejectsAResourceThatIsNoArn() {
    assertThat(problems(statements(statement("\"s3:GetObject\"", "\"my-bucket\""))))
        .containsExactly(FILE + ".statements[0].resources[0]: not an ARN, got \"my-bucket\"; expected a string"
            + " starting with \"arn:\", e.g. \"arn:aws:s3:::my-bucket/*\", or exactly \"*\"");
  }

  @Test
  void requiresActionsAndResources() {
    assertThat(problems(statements("{}"))).containsExactly(
        FILE + ".statements[0].actions: required field is missing",
        FILE + ".statements[0].resources: required field is missing");
  }

  @Test
  void rejectsAnEffectBecauseEveryStatementAllows() {
    assertThat(problems(statements(GET_OBJECT.replace("{", "{\"effect\": \"Deny\", "))))
        .containsExactly(FILE + ".statements[0].effect: unknown field; allowed: actions, resources");
  }
}
