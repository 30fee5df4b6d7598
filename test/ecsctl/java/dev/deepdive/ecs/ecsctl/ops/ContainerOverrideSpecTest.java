package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerOverrideSpecTest {

  @Test void commandTakesTheRestSplitIntoWordsLikeAShell() {
    ContainerOverrideSpec o = ContainerOverrideSpec.parse(
        "container=app,command=sh -c 'echo a,b' \"x \\\"y\\\"\" plain\\ word");

    assertThat(o.container()).isEqualTo("app");
    assertThat(o.command()).containsExactly("sh", "-c", "echo a,b", "x \"y\"", "plain word");
  }

  @Test void environmentVariablesComeBeforeTheCommand() {
    ContainerOverrideSpec o = ContainerOverrideSpec.parse("container=app,env.A=1,env.DB_URL=jdbc:x?a=b,command=run");

    assertThat(o.environment()).containsExactly(Map.entry("A", "1"), Map.entry("DB_URL", "jdbc:x?a=b"));
    assertThat(o.command()).containsExactly("run");
  }

  @Test void anEmptyValueIsAllowed() {
    assertThat(ContainerOverrideSpec.parse("container=app,env.EMPTY=").environment()).containsEntry("EMPTY", "");
  }

  @Test void rejectsAMissingContainer() {
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("env.A=1"))
        .hasMessage("'env.A=1': container=NAME is required; expected"
            + " container=NAME[,env.KEY=VALUE ...][,command=WORD ...]");
  }

  @Test void rejectsAnOverrideOfNothing() {
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("container=app"))
        .hasMessage("'container=app': overrides nothing; add command=... or env.KEY=VALUE");
  }

  @Test void rejectsUnknownFieldsAndBadNames() {
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("container=app,cmd=x"))
        .hasMessageContaining("unknown field 'cmd=x'");
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("container=app,env.1X=y"))
        .hasMessageContaining("environment variable name '1X' must be letters, digits and underscores");
  }

  @Test void rejectsUnterminatedQuotesAndAnEmptyCommand() {
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("container=app,command=echo 'x"))
        .hasMessageContaining("unterminated ' in command");
    assertThatThrownBy(() -> ContainerOverrideSpec.parse("container=app,command=  "))
        .hasMessageContaining("command= needs at least one word");
  }

  @Test void checkNamesUnknownAndRepeatedContainers() {
    List<ContainerOverrideSpec> overrides = List.of(ContainerOverrideSpec.parse("container=app,command=a"),
        ContainerOverrideSpec.parse("container=ap,command=b"), ContainerOverrideSpec.parse("container=app,env.X=1"));

    assertThat(ContainerOverrideSpec.check(overrides, List.of("app", "sidecar"), "job:2")).containsExactly(
        "--override names container 'ap', which job:2 does not have; its containers: app, sidecar",
        "--override given twice for container 'app'; put both in one");
  }
}
