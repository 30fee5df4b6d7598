package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskRoleSectionTest {
  private static final String FILE = "app/environments/qa.json: services[0].taskRole";
  private static final String REASON = "every object of the service's upload bucket";
  private static final String GET_OBJECT = "{\"actions\": [\"s3:GetObject\"], \"resources\":"
      + " [\"arn:aws:s3:::my-bucket/*\"], \"wildcardReason\": \"" + REASON + "\"}";

  private static String statements(String... statements) {
    return worker("\"taskRole\": {\"statements\": [" + String.join(", ", statements) + "]}");
  }

  private static String statement(String actions, String resources) {
    return "{\"actions\": [" + actions + "], \"resources\": [" + resources + "]}";
  }

  @Test
  void readsStatementsInFileOrder() {
    assertThat(only(statements(GET_OBJECT, "{\"actions\": [\"sqs:GetQueueUrl\"],"
        + " \"resources\": [\"arn:aws:sqs:us-east-1:111111111111:jobs\"]}"))
        .taskRoleStatements()).containsExactly(
            new PolicyStatementConfig(List.of("s3:GetObject"), List.of("arn:aws:s3:::my-bucket/*"), Optional.of(REASON)),
            new PolicyStatementConfig(List.of("sqs:GetQueueUrl"), List.of("arn:aws:sqs:us-east-1:111111111111:jobs"),
                Optional.empty()));
  }

  @Test
  void aWildcardNeedsAReasonForReviewers() {
    assertThat(problems(statements(statement("\"sqs:Send*\"", "\"arn:aws:sqs:us-east-1:111111111111:jobs\""))))
        .containsExactly(FILE + ".statements[0].wildcardReason: required because the statement grants wildcards"
            + " [sqs:Send*], got none; say in at least 10 characters why a finer grant will not do (reviewers see it"
            + " as the security gate's suppression reason), or list exact actions and ARNs");
  }

  @Test
  void aReasonWithoutAWildcardIsRejected() {
    assertThat(problems(statements("{\"actions\": [\"s3:GetObject\"], \"resources\": [\"arn:aws:s3:::b/key\"],"
        + " \"wildcardReason\": \"not needed at all\"}"))).containsExactly(FILE + ".statements[0].wildcardReason:"
        + " the statement grants no wildcard, got a reason; remove wildcardReason");
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
        .containsExactly(FILE + ".statements[0].effect: unknown field; allowed: actions, resources, wildcardReason");
  }
}
