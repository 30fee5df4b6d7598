package dev.deepdive.ecs.constructs.taskdef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register-task-definition fields this tool accepts, their JSON kinds and their CloudFormation names.
 *
 * <p>One table serves both the reader (what is allowed where) and the renderer (what each field is called in
 * {@code AWS::ECS::TaskDefinition}). CloudFormation names are the API names with the first letter upper-cased,
 * except where CloudFormation spells them differently; those are written out in {@link Shape#renamed}. The
 * exceptions were read from aws-cdk-lib 2.263.0's generated {@code CfnTaskDefinition} mappers:
 * {@code efsVolumeConfiguration -> EFSVolumeConfiguration}, {@code fileSystemId -> FilesystemId},
 * {@code iam -> IAM}.
 */
final class TaskDefinitionSchema {

  /** How a field's JSON value is checked and rendered. */
  enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    STRING_LIST,
    /** Free-form string-to-string map: keys are the user's and are never recased. */
    STRING_MAP,
    OBJECT,
    OBJECT_LIST,
    /** Task-level cpu: an integer or a string such as "1024" or "1 vCPU"; rendered as a string. */
    TASK_CPU,
    /** Task-level memory: an integer or a string such as "2048" or "2 GB"; rendered as a string. */
    TASK_MEMORY
  }

  /** One field of a JSON object. {@code allowed} is empty when any value of the kind is accepted. */
  record Field(String apiName, String cfnName, Kind kind, Shape shape, boolean required, List<String> allowed) {}

  /** One JSON object type: its fields in declaration order, plus API fields this tool knowingly leaves out. */
  static final class Shape {
    private final String name;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, String> rejectedWithReason = new LinkedHashMap<>();

    private Shape(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    Map<String, Field> fields() {
      return Collections.unmodifiableMap(fields);
    }

    /** API fields that exist but are refused here, with the reason shown to the user. */
    Map<String, String> rejectedWithReason() {
      return Collections.unmodifiableMap(rejectedWithReason);
    }

    private Shape add(String api, Kind kind, Shape shape, boolean required, List<String> allowed) {
      fields.put(api, new Field(api, Character.toUpperCase(api.charAt(0)) + api.substring(1), kind, shape,
          required, allowed));
      return this;
    }

    Shape field(String api, Kind kind) {
      return add(api, kind, null, false, List.of());
    }

    Shape required(String api, Kind kind) {
      return add(api, kind, null, true, List.of());
    }

    Shape oneOf(String api, Kind kind, String... allowed) {
      return add(api, kind, null, false, List.of(allowed));
    }

    Shape requiredOneOf(String api, Kind kind, String... allowed) {
      return add(api, kind, null, true, List.of(allowed));
    }

    Shape object(String api, Shape shape) {
      return add(api, Kind.OBJECT, shape, false, List.of());
    }

    Shape objects(String api, Shape shape) {
      return add(api, Kind.OBJECT_LIST, shape, false, List.of());
    }

    Shape requiredObjects(String api, Shape shape) {
      return add(api, Kind.OBJECT_LIST, shape, true, List.of());
    }

    /** CloudFormation spells this field differently from {@code capitalize(apiName)}. */
    Shape renamed(String api, String cfnName) {
      Field f = fields.get(api);
      fields.put(api, new Field(api, cfnName, f.kind(), f.shape(), f.required(), f.allowed()));
      return this;
    }

    Shape reject(String api, String reason) {
      rejectedWithReason.put(api, reason);
      return this;
    }
  }

  private static Shape shape(String name) {
    return new Shape(name);
  }

  private static final String NOT_SUPPORTED = "an ECS API field this tool does not support yet";

  static final Shape KEY_VALUE = shape("keyValue")
      .field("name", Kind.STRING).field("value", Kind.STRING);
  static final Shape SECRET = shape("secret")
      .required("name", Kind.STRING).required("valueFrom", Kind.STRING);
  static final Shape ENVIRONMENT_FILE = shape("environmentFile")
      .requiredOneOf("type", Kind.STRING, "s3").required("value", Kind.STRING);
  static final Shape PORT_MAPPING = shape("portMapping")
      .field("containerPort", Kind.INTEGER).field("hostPort", Kind.INTEGER)
      .oneOf("protocol", Kind.STRING, "tcp", "udp").field("name", Kind.STRING)
      .oneOf("appProtocol", Kind.STRING, "http", "http2", "grpc").field("containerPortRange", Kind.STRING);
  static final Shape MOUNT_POINT = shape("mountPoint")
      .required("sourceVolume", Kind.STRING).required("containerPath", Kind.STRING)
      .field("readOnly", Kind.BOOLEAN);
  static final Shape VOLUME_FROM = shape("volumeFrom")
      .required("sourceContainer", Kind.STRING).field("readOnly", Kind.BOOLEAN);
  static final Shape HEALTH_CHECK = shape("healthCheck")
      .required("command", Kind.STRING_LIST).field("interval", Kind.INTEGER).field("timeout", Kind.INTEGER)
      .field("retries", Kind.INTEGER).field("startPeriod", Kind.INTEGER);
  static final Shape LOG_CONFIGURATION = shape("logConfiguration")
      .requiredOneOf("logDriver", Kind.STRING,
          "json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens")
      .field("options", Kind.STRING_MAP).objects("secretOptions", SECRET);
  static final Shape ULIMIT = shape("ulimit")
      .requiredOneOf("name", Kind.STRING, "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
          "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack")
      .required("softLimit", Kind.INTEGER).required("hardLimit", Kind.INTEGER);
  static final Shape DEPENDENCY = shape("containerDependency")
      .required("containerName", Kind.STRING)
      .requiredOneOf("condition", Kind.STRING, "START", "COMPLETE", "SUCCESS", "HEALTHY");
  static final Shape CAPABILITIES = shape("kernelCapabilities")
      .field("add", Kind.STRING_LIST).field("drop", Kind.STRING_LIST);
  static final Shape DEVICE = shape("device")
      .required("hostPath", Kind.STRING).field("containerPath", Kind.STRING)
      .oneOf("permissions", Kind.STRING_LIST, "read", "write", "mknod");
  static final Shape TMPFS = shape("tmpfs")
      .required("containerPath", Kind.STRING).required("size", Kind.INTEGER)
      .field("mountOptions", Kind.STRING_LIST);
  static final Shape LINUX_PARAMETERS = shape("linuxParameters")
      .object("capabilities", CAPABILITIES).objects("devices", DEVICE).field("initProcessEnabled", Kind.BOOLEAN)
      .field("sharedMemorySize", Kind.INTEGER).objects("tmpfs", TMPFS).field("maxSwap", Kind.INTEGER)
      .field("swappiness", Kind.INTEGER);
  static final Shape HOST_ENTRY = shape("hostEntry")
      .required("hostname", Kind.STRING).required("ipAddress", Kind.STRING);
  static final Shape SYSTEM_CONTROL = shape("systemControl")
      .field("namespace", Kind.STRING).field("value", Kind.STRING);
  static final Shape RESOURCE_REQUIREMENT = shape("resourceRequirement")
      .requiredOneOf("type", Kind.STRING, "GPU", "InferenceAccelerator").required("value", Kind.STRING);
  static final Shape REPOSITORY_CREDENTIALS = shape("repositoryCredentials")
      .required("credentialsParameter", Kind.STRING);
  static final Shape FIRELENS = shape("firelensConfiguration")
      .requiredOneOf("type", Kind.STRING, "fluentd", "fluentbit").field("options", Kind.STRING_MAP);

  static final Shape CONTAINER = shape("containerDefinition")
      .required("name", Kind.STRING).required("image", Kind.STRING)
      .field("cpu", Kind.INTEGER).field("memory", Kind.INTEGER).field("memoryReservation", Kind.INTEGER)
      .objects("portMappings", PORT_MAPPING).field("essential", Kind.BOOLEAN)
      .objects("environment", KEY_VALUE).objects("environmentFiles", ENVIRONMENT_FILE)
      .objects("secrets", SECRET).field("command", Kind.STRING_LIST).field("entryPoint", Kind.STRING_LIST)
      .field("workingDirectory", Kind.STRING).field("user", Kind.STRING)
      .objects("mountPoints", MOUNT_POINT).objects("volumesFrom", VOLUME_FROM).field("links", Kind.STRING_LIST)
      .object("healthCheck", HEALTH_CHECK).object("logConfiguration", LOG_CONFIGURATION)
      .objects("ulimits", ULIMIT).objects("dependsOn", DEPENDENCY)
      .field("stopTimeout", Kind.INTEGER).field("startTimeout", Kind.INTEGER)
      .field("dockerLabels", Kind.STRING_MAP).field("privileged", Kind.BOOLEAN)
      .field("readonlyRootFilesystem", Kind.BOOLEAN).object("linuxParameters", LINUX_PARAMETERS)
      .field("hostname", Kind.STRING).field("dnsServers", Kind.STRING_LIST)
      .field("dnsSearchDomains", Kind.STRING_LIST).objects("extraHosts", HOST_ENTRY)
      .field("disableNetworking", Kind.BOOLEAN).field("interactive", Kind.BOOLEAN)
      .field("pseudoTerminal", Kind.BOOLEAN).objects("systemControls", SYSTEM_CONTROL)
      .objects("resourceRequirements", RESOURCE_REQUIREMENT)
      .object("repositoryCredentials", REPOSITORY_CREDENTIALS).object("firelensConfiguration", FIRELENS)
      .field("dockerSecurityOptions", Kind.STRING_LIST)
      .reject("restartPolicy", NOT_SUPPORTED)
      .reject("credentialSpecs", NOT_SUPPORTED)
      .reject("versionConsistency", NOT_SUPPORTED);

  static final Shape HOST_VOLUME = shape("host").field("sourcePath", Kind.STRING);
  static final Shape DOCKER_VOLUME = shape("dockerVolumeConfiguration")
      .oneOf("scope", Kind.STRING, "task", "shared").field("autoprovision", Kind.BOOLEAN)
      .field("driver", Kind.STRING).field("driverOpts", Kind.STRING_MAP).field("labels", Kind.STRING_MAP);
  static final Shape EFS_AUTHORIZATION = shape("authorizationConfig")
      .field("accessPointId", Kind.STRING).oneOf("iam", Kind.STRING, "ENABLED", "DISABLED")
      .renamed("iam", "IAM");
  static final Shape EFS_VOLUME = shape("efsVolumeConfiguration")
      .required("fileSystemId", Kind.STRING).field("rootDirectory", Kind.STRING)
      .oneOf("transitEncryption", Kind.STRING, "ENABLED", "DISABLED").field("transitEncryptionPort", Kind.INTEGER)
      .object("authorizationConfig", EFS_AUTHORIZATION)
      .renamed("fileSystemId", "FilesystemId");
  static final Shape VOLUME = shape("volume")
      .required("name", Kind.STRING).object("host", HOST_VOLUME)
      .object("dockerVolumeConfiguration", DOCKER_VOLUME).object("efsVolumeConfiguration", EFS_VOLUME)
      .renamed("efsVolumeConfiguration", "EFSVolumeConfiguration")
      .reject("fsxWindowsFileServerVolumeConfiguration", NOT_SUPPORTED + " (Windows containers)")
      .reject("configuredAtLaunch", NOT_SUPPORTED);
  static final Shape PLACEMENT_CONSTRAINT = shape("placementConstraint")
      .requiredOneOf("type", Kind.STRING, "memberOf").field("expression", Kind.STRING);
  static final Shape RUNTIME_PLATFORM = shape("runtimePlatform")
      .oneOf("cpuArchitecture", Kind.STRING, "X86_64", "ARM64").field("operatingSystemFamily", Kind.STRING);
  /** value is optional in the ECS API but required here: CDK's CfnTag, through which tags merge, needs one. */
  static final Shape TAG = shape("tag").required("key", Kind.STRING).required("value", Kind.STRING);

  /** Replaced by the roles this tool generates; see {@link TaskDefinitionDocument#replacedFields()}. */
  static final Set<String> REPLACED_ROOT_FIELDS = Set.of("executionRoleArn", "taskRoleArn");

  static final Shape ROOT = shape("taskDefinition")
      .required("family", Kind.STRING).requiredObjects("containerDefinitions", CONTAINER)
      .field("cpu", Kind.TASK_CPU).field("memory", Kind.TASK_MEMORY)
      .oneOf("networkMode", Kind.STRING, "bridge", "host", "awsvpc", "none")
      .objects("volumes", VOLUME).objects("placementConstraints", PLACEMENT_CONSTRAINT)
      .oneOf("requiresCompatibilities", Kind.STRING_LIST, "EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")
      .oneOf("pidMode", Kind.STRING, "host", "task").oneOf("ipcMode", Kind.STRING, "host", "task", "none")
      .object("runtimePlatform", RUNTIME_PLATFORM).objects("tags", TAG)
      .field("executionRoleArn", Kind.STRING).field("taskRoleArn", Kind.STRING)
      .reject("proxyConfiguration", NOT_SUPPORTED)
      .reject("inferenceAccelerators", NOT_SUPPORTED)
      .reject("ephemeralStorage", "Fargate only; on EC2 the task uses the instance's Docker storage")
      .reject("enableFaultInjection", NOT_SUPPORTED)
      // Fields that describe-task-definition returns but register-task-definition does not accept: people
      // paste that output, so say what they are instead of only "unknown".
      .reject("taskDefinitionArn", "output of describe-task-definition, not an input; remove it")
      .reject("revision", "output of describe-task-definition (ECS assigns revisions); remove it")
      .reject("status", "output of describe-task-definition, not an input; remove it")
      .reject("requiresAttributes", "output of describe-task-definition, not an input; remove it")
      .reject("compatibilities", "output of describe-task-definition, not an input; remove it")
      .reject("registeredAt", "output of describe-task-definition, not an input; remove it")
      .reject("registeredBy", "output of describe-task-definition, not an input; remove it")
      .reject("deregisteredAt", "output of describe-task-definition, not an input; remove it");

  private TaskDefinitionSchema() {}
}
