package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcrImageReferenceTest {
  @Test
  void readsRepositoryAndTag() {
    assertThat(EcrImageReference.parse("ecr://team/web:1.4.2")).contains(new EcrImageReference("team/web", "1.4.2"));
  }

  @Test
  void withoutATagMeansLatest() {
    assertThat(EcrImageReference.parse("ecr://web")).contains(new EcrImageReference("web", "latest"));
  }

  @Test
  void anUppercaseRepositoryIsNotAReference() {
    assertThat(EcrImageReference.isEcrReference("ecr://Web:1")).isTrue();
    assertThat(EcrImageReference.parse("ecr://Web:1")).isEmpty();
  }

  @Test
  void otherImagesAreNotReferences() {
    assertThat(EcrImageReference.isEcrReference("tomcat:10")).isFalse();
    assertThat(EcrImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1")).isEmpty();
  }
}
