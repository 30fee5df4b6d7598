package dev.deepdive.ecs.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void pascalCaseJoinsTheWordsOfAName() {
    assertThat(Ids.pascalCase("web-api")).isEqualTo("WebApi");
    assertThat(Ids.pascalCase("team/web")).isEqualTo("TeamWeb");
  }

  @Test
  void aServicesGroupIsFixedByItsNameAlone() {
    // Changing these values moves deployed services to other stacks: they are a contract, like construct IDs.
    assertThat(Ids.serviceGroup("web")).isEqualTo("ServicesB");
    assertThat(Ids.serviceGroup("shop")).isEqualTo("ServicesC");
    assertThat(Ids.serviceGroup("api")).isEqualTo("ServicesP");
  }

  @Test
  void groupsAreServicesAToServicesP() {
    assertThat(IntStream.range(0, 2000).mapToObj(i -> Ids.serviceGroup("service-" + i)).distinct().sorted())
        .containsExactly("ServicesA", "ServicesB", "ServicesC", "ServicesD", "ServicesE", "ServicesF", "ServicesG",
            "ServicesH", "ServicesI", "ServicesJ", "ServicesK", "ServicesL", "ServicesM", "ServicesN", "ServicesO",
            "ServicesP");
  }

  @Test
  void servicesSpreadOverTheGroups() {
    long largest = IntStream.range(0, 160).mapToObj(i -> Ids.serviceGroup("svc-" + i))
        .collect(java.util.stream.Collectors.groupingBy(g -> g, java.util.stream.Collectors.counting()))
        .values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(largest).as("the largest of 16 groups for 160 services").isLessThanOrEqualTo(20);
  }
}
