package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelFieldsTest {
  @Test
  void nameMustEqualTheFileStem() {
    assertThat(problems(with("\"name\": \"qa\"", "\"name\": \"dev\"")))
        .containsExactly("app/environments/qa.json: name: must equal the file name without .json ('qa'), got"
            + " \"dev\"; rename the file or the environment");
  }

  @Test
  void nameMustBeLowercase() {
    assertThat(problems(with("\"name\": \"qa\"", "\"name\": \"QA\""))).containsExactly(
        "app/environments/qa.json: name: must start with a lowercase letter and hold only lowercase letters,"
            + " digits and '-', at most 20 characters, got \"QA\"");
  }

  @Test
  void accountMustBeTwelveDigits() {
    assertThat(problems(QaFile.withTop("\"account\": \"11111111111\""))).containsExactly(
        "app/environments/qa.json: account: must be exactly 12 digits, got \"11111111111\"; the AWS account ID,"
            + " e.g. \"111111111111\"");
  }

  @Test
  void regionMustBeARegionName() {
    assertThat(problems(QaFile.withTop("\"region\": \"us-east\""))).containsExactly(
        "app/environments/qa.json: region: not an AWS region name, got \"us-east\"; e.g. us-east-1, eu-west-2 or"
            + " us-gov-west-1");
  }

  @Test
  void acceptsGovCloudAndIsoRegions() {
    assertThat(problems(QaFile.withTop("\"region\": \"us-gov-west-1\""))).isEmpty();
    assertThat(problems(QaFile.withTop("\"region\": \"us-isob-east-1\""))).isEmpty();
  }

  @Test
  void clusterNameMustBeAnEcsClusterName() {
    assertThat(problems(with("\"deep-dive-qa\"", "\"deep dive\""))).containsExactly(
        "app/environments/qa.json: clusterName: must start with a letter and hold only letters, digits, '-' and"
            + " '_', at most 255 characters, got \"deep dive\"");
  }

  @Test
  void accountAndRegionAbsentMeanEnvironmentAgnostic() {
    EnvironmentConfig env = config(QaFile.MINIMAL);
    assertThat(env.account()).isEmpty();
    assertThat(env.region()).isEmpty();
  }

  @Test
  void readsAccountAndRegion() {
    EnvironmentConfig env = config(QaFile.withTop("\"account\": \"111111111111\", \"region\": \"eu-west-1\""));
    assertThat(env.account()).contains("111111111111");
    assertThat(env.region()).contains("eu-west-1");
  }

  @Test
  void remembersTheSourceFileAsGiven() {
    assertThat(config(QaFile.MINIMAL).source()).isEqualTo(QaFile.SOURCE);
  }

  @Test
  void reportsEveryProblemOfAFileNotJustTheFirst() {
    assertThat(problems(with("\"name\": \"qa\"", "\"name\": \"QA\"").replace("\"maxSize\": 4", "\"maxSize\": 1")))
        .hasSize(2);
  }
}
