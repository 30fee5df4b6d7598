package dev.deepdive.ecs.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.placement.ClusterQuery.Truth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The cluster query language of memberOf constraints, evaluated three-valued. */
class ClusterQueryTest {
  static final Map<String, String> T3 = Map.of("ecs.instance-type", "t3.medium", "ecs.cpu-architecture", "x86_64",
      "ecs.os-type", "linux", "stack", "prod");
  static final Set<String> KNOWN = Set.of("ecs.instance-type", "ecs.cpu-architecture", "ecs.os-type", "stack",
      "team");

  static Truth on(String expression) {
    return ClusterQuery.parse(expression).evaluate(T3, KNOWN);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "attribute:ecs.instance-type == t3.medium ; TRUE",
      "attribute:ecs.instance-type equals t3.large ; FALSE",
      "attribute:ecs.instance-type != t3.large ; TRUE",
      "attribute:ecs.instance-type =~ t3.* ; TRUE",
      "attribute:ecs.instance-type matches (t3|m5)\\..* ; TRUE",
      "attribute:ecs.instance-type !~ m5.* ; TRUE",
      "attribute:ecs.instance-type in [t3.medium, m5.large] ; TRUE",
      "attribute:ecs.instance-type not_in [t3.medium, m5.large] ; FALSE",
      "attribute:ecs.instance-type !in [m5.large] ; TRUE",
      "attribute:stack exists ; TRUE",
      "attribute:team !exists ; TRUE",
      "attribute:ecs.cpu-architecture == arm64 or attribute:stack == prod ; TRUE",
      "attribute:ecs.cpu-architecture == arm64 && attribute:stack == prod ; FALSE",
      "!(attribute:ecs.os-type == linux) ; FALSE",
      "not attribute:ecs.os-type == windows ; TRUE",
      "(attribute:stack == prod || attribute:stack == qa) and attribute:ecs.instance-type =~ t3\\..* ; TRUE",
      "attribute:ecs.ami-id == ami-123 ; UNKNOWN",
      "agentVersion >= 1.70.0 ; UNKNOWN",
      "attribute:ecs.ami-id == ami-123 or attribute:stack == prod ; TRUE",
      "attribute:ecs.ami-id == ami-123 and attribute:stack == qa ; FALSE",
      "attribute:ecs.instance-type =~ t3 ; UNKNOWN"})
  void evaluates(String expression, Truth expected) {
    assertThat(on(expression)).isEqualTo(expected);
  }

  @Test
  void aKnownAttributeTheInstanceLacksMatchesNothing() {
    assertThat(ClusterQuery.parse("attribute:team == a").evaluate(T3, Set.of("team"))).isEqualTo(Truth.FALSE);
    assertThat(ClusterQuery.parse("attribute:team == a").evaluate(T3, Set.of())).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void comparesNumbersAsNumbers() {
    Map<String, String> gpus = Map.of("gpus", "8");
    assertThat(ClusterQuery.parse("attribute:gpus > 10").evaluate(gpus, Set.of("gpus"))).isEqualTo(Truth.FALSE);
    assertThat(ClusterQuery.parse("attribute:gpus >= 8").evaluate(gpus, Set.of("gpus"))).isEqualTo(Truth.TRUE);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', value = {
      "'' ; expected a subject such as attribute:ecs.instance-type at the end of \"\"",
      "attribute:a ; expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~) after"
          + " 'attribute:a' at the end of \"attribute:a\"",
      "attribute:a == ; expected a value after '==' at the end of \"attribute:a ==\"",
      "attribute:a in [x ; expected ']' at the end of \"attribute:a in [x\"",
      "attribute:a == x and ; expected a subject such as attribute:ecs.instance-type at the end of"
          + " \"attribute:a == x and\"",
      "attribute:a =~ [ ; '[' is not a Java regular expression: Unclosed character class at character 16 of"
          + " \"attribute:a =~ [\"",
      "(attribute:a == x ; expected ')' at the end of \"(attribute:a == x\"",
      "attribute:a == x y ; expected 'and', 'or' or the end at character 18 of \"attribute:a == x y\""})
  void rejectsWhatIsNotAnExpression(String expression, String message) {
    assertThatThrownBy(() -> ClusterQuery.parse(expression)).hasMessage("not a cluster query expression: " + message);
    assertThat(ClusterQuery.problem(expression)).contains("not a cluster query expression: " + message);
  }
}
