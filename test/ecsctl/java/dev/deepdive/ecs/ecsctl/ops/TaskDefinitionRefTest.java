package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskDefinitionRefTest {

  @Test void parsesFamilyColonRevision() {
    assertThat(TaskDefinitionRef.parse("web-api_2:17")).isEqualTo(new TaskDefinitionRef("web-api_2", 17));
  }

  @Test void parsesAnArn() {
    assertThat(TaskDefinitionRef.parse("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3"))
        .isEqualTo(new TaskDefinitionRef("web", 3));
  }

  @Test void rejectsAFamilyWithoutRevision() {
    assertThatThrownBy(() -> TaskDefinitionRef.parse("web"))
        .hasMessage("expected family:revision (e.g. web:3) or a task definition ARN, got 'web'");
  }

  @Test void rejectsRevisionZero() {
    assertThatThrownBy(() -> TaskDefinitionRef.parse("web:0")).hasMessage("revision must be at least 1, got 'web:0'");
  }
}
