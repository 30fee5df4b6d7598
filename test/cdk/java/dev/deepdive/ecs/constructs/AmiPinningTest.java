package dev.deepdive.ecs.constructs;

import static dev.deepdive.ecs.constructs.ContainerInstancesTest.options;
import static dev.deepdive.ecs.constructs.ContainerInstancesTest.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The image: newest at each deployment by default, or pinned by ID or by SSM parameter version. */
class AmiPinningTest {

  private static Template withAmi(EcsAmi ami) {
    return Template.fromStack(stack(options().ami(ami)));
  }

  @Test
  void byDefaultTheNewestImageIsReadFromTheSsmParameterAtEachDeployment() {
    Template template = withAmi(EcsAmi.latest(EcsAmiFamily.AL2023));
    assertThat(template.toJSON().get("Parameters").toString())
        .contains("Type=AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
        .contains("Default=/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
  }

  @Test
  void aPinnedIdIsTheImageItself() {
    Template template = withAmi(new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0123456789abcdef0"), Optional.empty()));
    template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "ImageId", "ami-0123456789abcdef0"))));
    assertThat(String.valueOf(template.toJSON().get("Parameters"))).doesNotContain("optimized-ami");
  }

  @Test
  void aPinnedVersionResolvesThatVersionOfTheFamilysParameterAtDeployTime() {
    Template template = withAmi(new EcsAmi(EcsAmiFamily.AL2023_ARM64, Optional.empty(), Optional.of(42)));
    template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "ImageId", "{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id:42}}"))));
  }

  @Test
  void rejectsBothPins() {
    assertThatThrownBy(() -> new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0123456789abcdef0"), Optional.of(3)))
        .hasMessage("imageId and parameterVersion: give one pin or none, got both");
  }

  @Test
  void rejectsAnIdThatIsNotAnAmiId() {
    assertThatThrownBy(() -> new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-XYZ"), Optional.empty()))
        .hasMessage("imageId: must be ami- and 8 or 17 hex digits, got 'ami-XYZ'");
  }

  @Test
  void rejectsVersionZero() {
    assertThatThrownBy(() -> new EcsAmi(EcsAmiFamily.AL2023, Optional.empty(), Optional.of(0)))
        .hasMessage("parameterVersion: must be at least 1, got 0");
  }

  @Test
  void amazonLinux2WarnsAtSynthWithItsEndOfSupport() {
    Annotations annotations = Annotations.fromStack(stack(options().ami(EcsAmi.latest(EcsAmiFamily.AL2))));
    annotations.hasWarning("/Test/Instances", Match.stringLikeRegexp(
        "amiFamily AL2: Amazon Linux 2 reached its end of support on 2026-06-30 and gets no more security updates;"
            + " move to the matching AL2023 family.*"));
  }

  @Test
  void amazonLinux2WarnsEvenWhenPinned() {
    Annotations annotations = Annotations.fromStack(stack(options().ami(
        new EcsAmi(EcsAmiFamily.AL2_ARM64, Optional.empty(), Optional.of(7))).types(java.util.List.of("m7g.large"))));
    annotations.hasWarning("/Test/Instances", Match.stringLikeRegexp("amiFamily AL2_ARM64: Amazon Linux 2 reached.*"));
  }

  @Test
  void amazonLinux2023DoesNotWarn() {
    assertThat(Annotations.fromStack(stack(options())).findWarning("*", Match.stringLikeRegexp(".*Amazon Linux 2 .*")))
        .isEmpty();
  }
}
