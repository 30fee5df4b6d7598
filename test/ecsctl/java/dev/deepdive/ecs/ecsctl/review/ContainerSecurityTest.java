package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Each isolation-weakening container setting, named as a risk. */
class ContainerSecurityTest {
  private static StackResources template(String taskDefinitionProperties) throws Exception {
    return new StackResources(new ObjectMapper().readTree("{\"Resources\": {\"Task\": {\"Type\":"
        + " \"AWS::ECS::TaskDefinition\", \"Properties\": " + taskDefinitionProperties + "}}}"));
  }

  @Test void namesEveryRiskySetting() throws Exception {
    StackResources resources = template("""
        {"NetworkMode": "host", "PidMode": "host", "IpcMode": "host",
         "Volumes": [{"Name": "docker", "Host": {"SourcePath": "/var/run/docker.sock"}},
                     {"Name": "logs", "Host": {"SourcePath": "/var/log"}}],
         "ContainerDefinitions": [{"Name": "agent", "Privileged": true,
           "LinuxParameters": {"Capabilities": {"Add": ["SYS_ADMIN", "NET_ADMIN"]}},
           "MountPoints": [{"SourceVolume": "docker", "ContainerPath": "/var/run/docker.sock"},
                           {"SourceVolume": "logs", "ContainerPath": "/logs", "ReadOnly": true}]}]}""");

    assertThat(ContainerSecurity.of("dev/Cluster", resources)).extracting(ContainerSecurity.Risk::container,
            ContainerSecurity.Risk::setting)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ContainerSecurity.TASK, "host network"),
            org.assertj.core.groups.Tuple.tuple(ContainerSecurity.TASK, "host PID namespace"),
            org.assertj.core.groups.Tuple.tuple(ContainerSecurity.TASK, "host IPC namespace"),
            org.assertj.core.groups.Tuple.tuple("agent", "privileged"),
            org.assertj.core.groups.Tuple.tuple("agent", "added Linux capabilities"),
            org.assertj.core.groups.Tuple.tuple("agent", "writable root file system"),
            org.assertj.core.groups.Tuple.tuple("agent", "Docker socket mounted"),
            org.assertj.core.groups.Tuple.tuple("agent", "host path mounted"));
    assertThat(ContainerSecurity.of("dev/Cluster", resources)).extracting(ContainerSecurity.Risk::detail)
        .contains("SYS_ADMIN, NET_ADMIN", "/var/log at /logs, read-only",
            "/var/run/docker.sock at /var/run/docker.sock, writable: control of every container on the instance");
  }

  @Test void aReadOnlyUnprivilegedContainerInBridgeModeHasNone() throws Exception {
    StackResources resources = template("""
        {"NetworkMode": "bridge", "ContainerDefinitions": [{"Name": "web", "ReadonlyRootFilesystem": true,
          "Privileged": false}]}""");

    assertThat(ContainerSecurity.of("dev/Cluster", resources)).isEmpty();
  }
}
