package dev.deepdive.ecs.ecsctl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ecsctl runs without the CDK: its module declares no aws-cdk-lib, jsii or cdk-nag, and nothing it depends on
 * brings them in. This module's test classpath is its runtime classpath plus JUnit and AssertJ, so a class of
 * any of them being loadable here means a dependency change pulled the CDK back onto ecsctl's classpath.
 */
class ClasspathTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "software.amazon.awscdk.App",                 // aws-cdk-lib
      "software.amazon.jsii.JsiiObject",            // jsii runtime
      "software.constructs.Construct",              // constructs
      "io.github.cdklabs.cdknag.NagSuppressions",   // cdk-nag
      "io.netty.channel.Channel",                   // the SDK's Netty client, excluded on purpose
      "org.apache.http.client.HttpClient"})         // the SDK's Apache client, excluded on purpose
  void isNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
