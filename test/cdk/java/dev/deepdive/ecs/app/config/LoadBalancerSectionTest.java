package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.withTop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadBalancerSectionTest {
  private static final String FILE = "app/environments/qa.json: ";
  private static final String ARN = "arn:aws:acm:us-east-1:111111111111:certificate/0b9c7bd1";

  @Test
  void readsTheCertificateAndIdleTimeout() {
    assertThat(config(withTop("\"loadBalancer\": {\"certificateArn\": \"" + ARN + "\", \"idleTimeoutSeconds\": 120}"))
        .loadBalancer()).isEqualTo(new LoadBalancerConfig(Optional.of(ARN), 120));
  }

  @Test
  void anEmptyObjectTakesTheDefaults() {
    assertThat(config(withTop("\"loadBalancer\": {}")).loadBalancer()).isEqualTo(new LoadBalancerConfig(Optional.empty(), 60));
  }

  @Test
  void acceptsACertificateOfAnotherPartition() {
    String china = "arn:aws-cn:acm:cn-north-1:111111111111:certificate/0b9c7bd1";
    assertThat(config(withTop("\"loadBalancer\": {\"certificateArn\": \"" + china + "\"}")).loadBalancer()
        .certificateArn()).contains(china);
  }

  @Test
  void rejectsAnArnThatIsNoCertificate() {
    assertThat(problems(withTop("\"loadBalancer\": {\"certificateArn\": \"arn:aws:iam::111111111111:role/x\"}")))
        .containsExactly(FILE + "loadBalancer.certificateArn: not an ACM certificate ARN, got"
            + " \"arn:aws:iam::111111111111:role/x\"; expected arn:aws:acm:<region>:<12-digit account>"
            + ":certificate/<id>");
  }

  @Test
  void rejectsACertificateOutsideTheEnvironmentsRegion() {
    String ireland = "arn:aws:acm:eu-west-1:111111111111:certificate/1";
    assertThat(problems(withTop("\"region\": \"us-east-1\", \"loadBalancer\": {\"certificateArn\": \"" + ireland
        + "\"}"))).containsExactly(FILE + "loadBalancer.certificateArn: certificate is in eu-west-1, not in the"
            + " environment's region us-east-1, got \"" + ireland + "\"; a load balancer uses certificates of its own"
            + " region only, so request or import one in us-east-1");
  }

  @Test
  void rejectsAnIdleTimeoutOfZero() {
    assertThat(problems(withTop("\"loadBalancer\": {\"idleTimeoutSeconds\": 0}"))).containsExactly(
        FILE + "loadBalancer.idleTimeoutSeconds: must be at least 1, got 0");
  }

  @Test
  void rejectsAnIdleTimeoutAbove4000() {
    assertThat(problems(withTop("\"loadBalancer\": {\"idleTimeoutSeconds\": 4001}"))).containsExactly(
        FILE + "loadBalancer.idleTimeoutSeconds: must be at most 4000, got 4001");
  }

  @Test
  void suggestsTheFieldMeantByATypo() {
    assertThat(problems(withTop("\"loadBalancer\": {\"certificate\": \"" + ARN + "\"}"))).containsExactly(
        FILE + "loadBalancer.certificate: unknown field; did you mean 'certificateArn'? allowed: certificateArn,"
            + " idleTimeoutSeconds");
  }

  @Test
  void readsTheLegacyEcsServiceRoleFlag() {
    assertThat(config(withTop("\"legacyEcsServiceRole\": true")).legacyEcsServiceRole()).isTrue();
  }

  @Test
  void rejectsALegacyEcsServiceRoleFlagInQuotes() {
    assertThat(problems(withTop("\"legacyEcsServiceRole\": \"yes\""))).containsExactly(
        FILE + "legacyEcsServiceRole: expected true or false, got \"yes\" (a string)");
  }
}
