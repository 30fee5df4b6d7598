package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deepdive.ecs.placement.NetworkMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** The construct's contract with the services layer; no synthesis needed. */
class TaskDefinitionFromJsonTest {
  static final String PATH = "app/task-definitions/web.json";
  private Stack stack;
  private Role role;

  @BeforeEach
  void freshStack() {
    stack = new Stack(new App(), "Test");
    role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
  }

  TaskDefinitionFromJson construct(String file, List<String> instanceTypes) {
    TaskDefinitionDocument doc = TaskDefinitionRoundTripTest.document(file);
    return new TaskDefinitionFromJson(stack, "Td", TaskDefinitionFromJsonProps.of(doc, role, role, instanceTypes));
  }

  @Test
  void exposesFamilyAndNetworkModeFromTheFile() {
    TaskDefinitionFromJson td = construct("awsvpc-healthchecks.json", List.of("m5.large"));

    assertThat(List.of(td.family(), td.networkMode())).containsExactly("orders-api", NetworkMode.AWSVPC);
  }

  @Test
  void networkModeIsBridgeWhenTheFileHasNone() {
    assertThat(construct("web.json", List.of("t3.micro")).networkMode()).isEqualTo(NetworkMode.BRIDGE);
  }

  @Test
  void taskDefinitionArnIsTheResourcesRef() {
    TaskDefinitionFromJson td = construct("web.json", List.of("t3.micro"));

    assertThat(stack.resolve(td.taskDefinitionArn()))
        .isEqualTo(Map.of("Ref", stack.resolve(td.resource().getLogicalId())));
  }

  @Test
  void reportsDynamicHostPortsInBridgeMode() {
    TaskDefinitionFromJson td = construct("tomcat-memcached.json", List.of("t3.medium"));

    assertThat(td.containerPort("tomcat", 8080)).contains(new ContainerPort("tomcat", 8080, 0, "tcp"));
  }

  @Test
  void reportsTheContainerPortAsHostPortInAwsvpcMode() {
    TaskDefinitionFromJson td = construct("awsvpc-healthchecks.json", List.of("m5.large"));

    assertThat(td.containerPort("envoy", 9901)).contains(new ContainerPort("envoy", 9901, 9901, "tcp"));
  }

  @Test
  void listsEverySinglePortMapping() {
    TaskDefinitionFromJson td = construct("bridge-links.json", List.of("m5.large"));

    assertThat(td.containerPorts()).extracting(p -> p.containerName() + ":" + p.containerPort() + "/" + p.protocol())
        .containsExactly("nginx:80/tcp", "nginx:443/tcp", "app:3000/tcp", "statsd:8125/udp");
  }

  @Test
  void findsNoPortTheTaskDoesNotDeclare() {
    assertThat(construct("web.json", List.of("t3.micro")).containerPort("tomcat", 8443)).isEmpty();
  }

  @Test
  void failsWithEveryProblemOfTheFileAndTheFitCheck() {
    String json = "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"app\",\"memory\":4000,"
        + "\"links\":[\"b\"]}]}";
    TaskDefinitionDocument doc = TaskDefinitionDocument.parse(PATH, json);

    TaskDefinitionProblems problems = catchThrowableOfType(TaskDefinitionProblems.class, () ->
        new TaskDefinitionFromJson(stack, "Td", TaskDefinitionFromJsonProps.of(doc, role, role, List.of("t3.micro"))));

    assertThat(problems.problems()).hasSize(2).allMatch(p -> p.startsWith(PATH + ": "));
    assertThat(problems.getMessage()).contains("links[0]: 'b' is not a container").contains("could never place it");
  }

  @Test
  void propsNeedAnInstanceType() {
    TaskDefinitionDocument doc = TaskDefinitionRoundTripTest.document("web.json");

    assertThatThrownBy(() -> TaskDefinitionFromJsonProps.of(doc, role, role, List.of()))
        .hasMessage("instanceTypes: at least one instance type is needed, got none");
  }

  @Test
  void propsRejectARepeatedInstanceType() {
    TaskDefinitionDocument doc = TaskDefinitionRoundTripTest.document("web.json");

    assertThatThrownBy(() -> TaskDefinitionFromJsonProps.of(doc, role, role, List.of("t3.micro", "t3.micro")))
        .hasMessage("instanceTypes: each type may appear once, got [t3.micro, t3.micro]");
  }

  @Test
  void propsRejectNegativeReservedMemory() {
    TaskDefinitionDocument doc = TaskDefinitionRoundTripTest.document("web.json");

    assertThatThrownBy(() -> TaskDefinitionFromJsonProps.of(doc, role, role, List.of("t3.micro"))
        .withEcsReservedMemoryMiB(-1)).hasMessage("ecsReservedMemoryMiB: must be at least 0, got -1");
  }
}
