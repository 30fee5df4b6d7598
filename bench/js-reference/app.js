#!/usr/bin/env node
// The benchmark's peer: the ECS-on-EC2 app of this repository written in plain JavaScript against the same
// aws-cdk-lib (2.263.0), so that `npx cdk synth` of both can be compared. It builds the same stacks (Network,
// Cluster, LoadBalancer (CloudFormation stack <env>-Edge), ServicesA..P by CRC-32 of the service name), with the same construct IDs and the same
// resources, from the same environment files, and with the same security gate: cdk-nag's AwsSolutions and
// NIST 800-53 R5 packs on every stage, the same suppressions on the same resources, and exit code 2 on an
// unsuppressed error (as NagGate), so both sides do the same work. What it leaves out is the Java app's input
// validation (file and field checks, task definition schema and fit checks): it trusts the files, which the
// benchmark generates.
// Its task definition rendering covers the fields the benchmark's files use (web.json), nothing more.
//
// Context: -c environmentsDir=<dir> (default ../../app/environments, the shipped example).
'use strict';
const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecr = require('aws-cdk-lib/aws-ecr');
const iam = require('aws-cdk-lib/aws-iam');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const s3deploy = require('aws-cdk-lib/aws-s3-deployment');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { FactName } = require('aws-cdk-lib/region-info');
const { Construct } = require('constructs');
const { AwsSolutionsChecks, NIST80053R5Checks, NagSuppressions } = require('cdk-nag');

const REPO = path.resolve(__dirname, '../..');
const BOOT_SCRIPT = path.join(REPO, 'constructs/src/main/resources/dev/deepdive/ecs/constructs/instance-boot.sh');
const SERVICE_GROUPS = 16;

// ---- ids, as the Java app's Ids ------------------------------------------------------------------------
const pascalCase = (name) => name.split(/[^A-Za-z0-9]+/).filter(Boolean)
  .map((p) => p[0].toUpperCase() + p.slice(1)).join('');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
const serviceGroup = (name) => 'Services' + String.fromCharCode(65 + (crc32(name) % SERVICE_GROUPS));

// ---- the boot script, rendered as InstanceBootScript does (comments, blank lines, indentation dropped) -----
function renderBootScript(values) {
  const text = fs.readFileSync(BOOT_SCRIPT, 'utf8').replace(/@@([A-Z0-9]+)@@/g, (_, key) => values[key]);
  return text.split('\n').map((line) => line.trimStart())
    .filter((line) => line !== '' && !(line.startsWith('#') && !line.startsWith('# shellcheck ')));
}

// ---- task definition JSON -> CloudFormation properties (PascalCase keys) -------------------------------
function cfnProperties(value) {
  if (Array.isArray(value)) return value.map(cfnProperties);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k[0].toUpperCase() + k.slice(1)] = cfnProperties(v);
  return out;
}

// ---- cdk-nag suppressions, as DesignSuppressions and NagSuppressionsForCdkInternals ----------------------
// The reasons are shortened: the benchmark needs the same suppressions on the same resources, not the prose.
const suppress = (resource, id, reason) => NagSuppressions.addResourceSuppressions(resource, [{ id, reason }], false);
const suppressFindings = (resource, id, reason, ...appliesTo) =>
  NagSuppressions.addResourceSuppressions(resource, [{ id, reason, appliesTo }], false);
function inlinePolicy(role) {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`${role.node.path} has no inline policy yet`);
  return policy;
}
const acceptInlinePolicy = (role) => suppress(inlinePolicy(role), 'NIST.800.53.R5-IAMNoInlinePolicy',
  "One role's own policy, generated from grants in code");
const LOG_GROUP_ENCRYPTED = 'CloudWatch Logs encrypts every log group at rest with keys it manages';

const BUCKET_DEPLOYMENT_HANDLER = 'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C';
const ASSETS_BUCKET_OBJECTS = 'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*';
function suppressBucketDeploymentHandler(stack, destination) {
  const handler = `/${stack.node.path}/${BUCKET_DEPLOYMENT_HANDLER}`;
  const why = "CDK's BucketDeployment handler runs only while CloudFormation deploys the stack";
  NagSuppressions.addResourceSuppressionsByPath(stack, handler + '/Resource', [
    { id: 'AwsSolutions-L1', reason: why }, { id: 'NIST.800.53.R5-LambdaConcurrency', reason: why },
    { id: 'NIST.800.53.R5-LambdaDLQ', reason: why }, { id: 'NIST.800.53.R5-LambdaInsideVPC', reason: why }], false);
  NagSuppressions.addResourceSuppressionsByPath(stack, handler + '/ServiceRole/Resource', [{
    id: 'AwsSolutions-IAM4', reason: why,
    appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] }], false);
  const destinationObjects = `Resource::<${stack.resolve(stack.getLogicalId(destination.node.defaultChild))}.Arn>/*`;
  NagSuppressions.addResourceSuppressionsByPath(stack, handler + '/ServiceRole/DefaultPolicy/Resource', [
    { id: 'AwsSolutions-IAM5', reason: why, appliesTo: ['Action::s3:GetObject*', 'Action::s3:GetBucket*',
      'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', ASSETS_BUCKET_OBJECTS, destinationObjects] },
    { id: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: why }], false);
}

// ---- constructs ----------------------------------------------------------------------------------------
class Network extends Construct {
  constructor(scope, id, { cidr, availabilityZones, natGateways }) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      availabilityZones,
      natGateways,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
        { name: 'Private', subnetType: natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED },
      ],
      restrictDefaultSecurityGroup: true,
    });
    this.privateSubnets = { subnetGroupName: 'Private' };
    this.publicSubnets = { subnetGroupName: 'Public' };
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_YEAR, removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const flowLogsRole = new iam.Role(this, 'FlowLogsRole', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com'),
      description: "VPC flow logs: write to this VPC's flow log group",
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs, flowLogsRole), trafficType: ec2.FlowLogTrafficType.ALL,
    });
    suppress(flowLogs, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_ENCRYPTED);
    acceptInlinePolicy(flowLogsRole);
    for (const subnet of this.vpc.publicSubnets) {
      suppress(subnet.node.findChild('DefaultRoute'), 'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
        'Public subnet: only the internet-facing load balancer and the NAT gateways');
    }
    new ec2.GatewayVpcEndpoint(this, 'S3Endpoint', {
      vpc: this.vpc, service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [this.privateSubnets],
    });
    if (natGateways === 0) {
      const s = ec2.InterfaceVpcEndpointAwsService;
      Object.entries({
        EcsEndpoint: s.ECS, EcsAgentEndpoint: s.ECS_AGENT, EcsTelemetryEndpoint: s.ECS_TELEMETRY, EcrApiEndpoint: s.ECR,
        EcrDockerEndpoint: s.ECR_DOCKER, LogsEndpoint: s.CLOUDWATCH_LOGS, SsmEndpoint: s.SSM,
        SsmMessagesEndpoint: s.SSM_MESSAGES, Ec2MessagesEndpoint: s.EC2_MESSAGES,
      }).forEach(([eid, service]) => this.vpc.addInterfaceEndpoint(eid, { service, subnets: this.privateSubnets }));
    }
  }
}

class InstanceRole extends Construct {
  constructor(scope, id) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'ECS container instances: agent, Session Manager, own ecs.config',
    });
    const A = cdk.Aws;
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'SessionManagerChannels',
      actions: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
      resources: ['*'],
    }));
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'SessionManagerRegistration',
      actions: ['ssm:UpdateInstanceInformation'],
      resources: [`arn:${A.PARTITION}:ec2:${A.REGION}:${A.ACCOUNT_ID}:instance/*`],
    }));
    acceptInlinePolicy(this.role);
    suppressFindings(inlinePolicy(this.role), 'AwsSolutions-IAM5', 'Calls without a resource type', 'Resource::*');
    suppressFindings(inlinePolicy(this.role), 'AwsSolutions-IAM5', 'Session Manager registration of the instance',
      'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*');
  }
}

class AccessLogsBucket extends Construct {
  constructor(scope, id) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{
        id: 'ExpireLogs', expiration: cdk.Duration.days(365), noncurrentVersionExpiration: cdk.Duration.days(1),
        abortIncompleteMultipartUploadAfter: cdk.Duration.days(1),
      }],
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const own = 'This is the access log bucket';
    suppress(this.bucket, 'AwsSolutions-S1', own);
    suppress(this.bucket, 'NIST.800.53.R5-S3BucketLoggingEnabled', own);
    suppress(this.bucket, 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'Log delivery needs SSE-S3');
    suppress(this.bucket, 'NIST.800.53.R5-S3BucketReplicationEnabled', 'Access logs that expire after a year');
  }

  receiveServerAccessLogs(source, prefix) {
    source.node.defaultChild.loggingConfiguration = { destinationBucketName: this.bucket.bucketName, logFilePrefix: prefix };
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ServerAccessLogsFrom' + cdk.Names.uniqueId(source).replace(/[^A-Za-z0-9]/g, ''),
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [this.bucket.arnForObjects(prefix + '*')],
      conditions: { ArnLike: { 'aws:SourceArn': source.bucketArn }, StringEquals: { 'aws:SourceAccount': cdk.Aws.ACCOUNT_ID } },
    }));
  }
}

class AgentConfigBucket extends Construct {
  constructor(scope, id, { clusterName, agent }) {
    super(scope, id);
    const ecsConfig = `ECS_CLUSTER=${clusterName}\n` + ('ECS_AWSVPC_BLOCK_IMDS' in agent ? '' : 'ECS_AWSVPC_BLOCK_IMDS=true\n')
      + Object.entries(agent).map(([k, v]) => `${k}=${v}\n`).join('');
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    accessLogs.receiveServerAccessLogs(this.bucket, 'agent-config/');
    const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH, removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    suppress(deploymentLogs, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_ENCRYPTED);
    // As AgentConfigBucket: the object's key is the SHA-256 of its content.
    this.sha256 = require('crypto').createHash('sha256').update(ecsConfig, 'utf8').digest('hex');
    this.objectKey = `${this.sha256}/ecs.config`;
    this.deployment = new s3deploy.BucketDeployment(this, 'EcsConfig', {
      destinationBucket: this.bucket, logGroup: deploymentLogs, sources: [s3deploy.Source.data(this.objectKey, ecsConfig)],
      prune: false,
    });
    suppress(this.bucket, 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'Holds only generated ecs.config');
    suppress(this.bucket, 'NIST.800.53.R5-S3BucketReplicationEnabled', 'Every deployment writes it again');
  }

  grantReadConfig(grantee) {
    return iam.Grant.addToPrincipal({ grantee, actions: ['s3:GetObject'], resourceArns: [this.bucket.arnForObjects('*/ecs.config')] });
  }
}

class ContainerInstances extends Construct {
  constructor(scope, id, p) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: p.vpc, description: 'ECS container instances: no inbound except from the load balancer', allowAllOutbound: true,
    });
    const userData = ec2.UserData.forLinux();
    const template = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.STANDARD),
      userData,
      role: p.instanceRole,
      securityGroup: this.securityGroup,
      httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
      httpPutResponseHopLimit: 1,
      blockDevices: [{
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(p.rootVolumeGiB, {
          encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3, deleteOnTermination: true,
        }),
      }],
    });
    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'AutoScalingGroup', {
      vpc: p.vpc,
      vpcSubnets: p.subnets,
      minCapacity: p.minSize,
      desiredCapacity: p.desiredSize,
      maxCapacity: p.maxSize,
      mixedInstancesPolicy: {
        launchTemplate: template,
        launchTemplateOverrides: p.instanceTypes.map((t) => ({ instanceType: new ec2.InstanceType(t) })),
        instancesDistribution: {
          onDemandAllocationStrategy: autoscaling.OnDemandAllocationStrategy.PRIORITIZED,
          onDemandPercentageAboveBaseCapacity: 100,
        },
      },
    });
    // As ContainerInstances: the boot script signals about this group; creation and rolling update wait for it.
    const group = this.autoScalingGroup.node.defaultChild;
    const timeout = cdk.Duration.minutes(15).toIsoString();
    if (p.desiredSize > 0) {
      group.cfnOptions.creationPolicy = {
        resourceSignal: { count: p.desiredSize, timeout }, autoScalingCreationPolicy: { minSuccessfulInstancesPercent: 100 },
      };
    }
    group.cfnOptions.updatePolicy = {
      autoScalingRollingUpdate: {
        maxBatchSize: 1, minActiveInstancesPercent: 100, minSuccessfulInstancesPercent: 100, waitOnResourceSignals: true,
        pauseTime: timeout, suspendProcesses: ['HealthCheck', 'ReplaceUnhealthy', 'AZRebalance', 'AlarmNotification',
          'ScheduledActions', 'InstanceRefresh'],
      },
      autoScalingScheduledAction: { ignoreUnmodifiedGroupSizeProperties: true },
    };
    userData.addCommands(...renderBootScript({
      BUCKET: p.agentConfig.bucket.bucketName, KEY: p.agentConfig.objectKey, SHA256: p.agentConfig.sha256,
      CLUSTER: p.cluster.clusterName, REGION: cdk.Aws.REGION, STACK: cdk.Aws.STACK_ID, RESOURCE: group.logicalId,
      TIMEOUT: '600',
    }));
    cdk.Annotations.of(this.autoScalingGroup).acknowledgeWarning('@aws-cdk/aws-autoscaling:desiredCapacitySet',
      'desiredSize is the starting size; ECS managed scaling adjusts it afterwards');
    this.autoScalingGroup.node.addDependency(p.agentConfig.deployment);
    this.autoScalingGroup.node.addDependency(p.cluster.node.defaultChild);
    this.capacityProvider = new ecs.AsgCapacityProvider(this, 'CapacityProvider', {
      autoScalingGroup: this.autoScalingGroup,
      enableManagedScaling: true,
      targetCapacityPercent: 100,
      enableManagedTerminationProtection: false,
      enableManagedDraining: true,
      machineImageType: ecs.MachineImageType.AMAZON_LINUX_2,
    });
    p.cluster.addAsgCapacityProvider(this.capacityProvider);
    p.cluster.addDefaultCapacityProviderStrategy([{ capacityProvider: this.capacityProvider.capacityProviderName, weight: 1 }]);
    p.agentConfig.grantReadConfig(p.instanceRole);
    p.instanceRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'SignalJoinToCloudFormation', actions: ['cloudformation:SignalResource'], resources: [cdk.Aws.STACK_ID],
    }));
    suppress(this.autoScalingGroup, 'NIST.800.53.R5-EC2IMDSv2Enabled', 'The launch template requires IMDSv2');
    suppressFindings(this.autoScalingGroup, 'CdkNagValidationFailure', 'The root volume is encrypted', 'AwsSolutions-EC26');
    suppress(this.autoScalingGroup, 'AwsSolutions-AS3', 'Auto Scaling events go to EventBridge');
    suppressFindings(inlinePolicy(p.instanceRole), 'AwsSolutions-IAM5', "Added by the CDK's Cluster for the ECS agent",
      'Action::ecs:Submit*');
    const bucketId = cdk.Stack.of(this).resolve(p.agentConfig.bucket.node.defaultChild.logicalId);
    suppressFindings(inlinePolicy(p.instanceRole), 'AwsSolutions-IAM5', 'Every ecs.config object, for rollbacks',
      `Resource::<${bucketId}.Arn>/*/ecs.config`);
  }
}

class EnvironmentLoadBalancer extends Construct {
  constructor(scope, id, { vpc, subnets, idleTimeoutSeconds }) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc, description: 'Load balancer: HTTP from the internet', allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet');
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc, vpcSubnets: subnets, internetFacing: true, securityGroup: this.securityGroup,
      idleTimeout: cdk.Duration.seconds(idleTimeoutSeconds), dropInvalidHeaderFields: true,
    });
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    this.logAccessLogs(accessLogs.bucket, 'load-balancer');
    suppress(this.securityGroup, 'AwsSolutions-EC23', 'Internet-facing load balancer: port 80 only');
    suppress(this.loadBalancer, 'NIST.800.53.R5-ELBDeletionProtectionEnabled', 'Environments are taken down with cdk destroy');
    suppress(this.loadBalancer, 'NIST.800.53.R5-ALBWAFEnabled', 'A web ACL is per application');
    this.serviceListener = this.loadBalancer.addListener('Http', {
      port: 80, protocol: elbv2.ApplicationProtocol.HTTP, open: false,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'no service here' }),
    });
    suppress(this.serviceListener, 'NIST.800.53.R5-ALBHttpToHttpsRedirection', 'No certificate in the environment file');
    suppress(this.serviceListener, 'NIST.800.53.R5-ELBv2ACMCertificateRequired', 'No certificate in the environment file');
  }

  // As the Java app: the CDK's logAccessLogs with a known region, else the same attributes and policy with the ELB
  // account of the deploy-time region from the CDK's region facts.
  logAccessLogs(bucket, prefix) {
    const stack = cdk.Stack.of(this);
    if (!cdk.Token.isUnresolved(stack.region)) {
      this.loadBalancer.logAccessLogs(bucket, prefix);
      return;
    }
    this.loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    this.loadBalancer.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    this.loadBalancer.setAttribute('access_logs.s3.prefix', prefix);
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'LoadBalancerAccessLogs',
      principals: [new iam.AccountPrincipal(stack.regionalFact(FactName.ELBV2_ACCOUNT))],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${prefix}/AWSLogs/${cdk.Aws.ACCOUNT_ID}/*`)],
    }));
    this.loadBalancer.node.addDependency(bucket.node.scope);
  }

  allowTrafficTo(targets, fromPort, toPort, description) {
    const key = `To${cdk.Names.uniqueId(targets)}Ports${fromPort}To${toPort}`;
    if (this.node.tryFindChild(key + 'Ingress')) return;
    new ec2.CfnSecurityGroupIngress(this, key + 'Ingress', {
      groupId: targets.securityGroupId, sourceSecurityGroupId: this.securityGroup.securityGroupId,
      ipProtocol: 'tcp', fromPort, toPort, description: 'From the load balancer: ' + description,
    });
    new ec2.CfnSecurityGroupEgress(this, key + 'Egress', {
      groupId: this.securityGroup.securityGroupId, destinationSecurityGroupId: targets.securityGroupId,
      ipProtocol: 'tcp', fromPort, toPort, description: 'To the targets: ' + description,
    });
  }
}

class EcsService extends Construct {
  constructor(scope, id, p) {
    super(scope, id);
    const s = p.service;
    const lb = s.loadBalancer;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: s.logRetentionDays ?? 30, removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    this.executionRole = new iam.Role(this, 'ExecutionRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: `ECS agent for service ${s.name}: image pull, logs, secrets`,
    });
    this.taskRole = new iam.Role(this, 'TaskRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'), description: `Containers of service ${s.name}`,
    });
    this.logGroup.grantWrite(this.executionRole);
    suppress(this.logGroup, 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', LOG_GROUP_ENCRYPTED);
    acceptInlinePolicy(this.executionRole);

    const properties = cfnProperties(p.taskDefinition);
    for (const container of properties.ContainerDefinitions) {
      if (!container.LogConfiguration) {
        container.LogConfiguration = {
          LogDriver: 'awslogs',
          Options: { 'awslogs-group': this.logGroup.logGroupName, 'awslogs-region': cdk.Aws.REGION, 'awslogs-stream-prefix': s.name },
        };
      }
    }
    properties.ExecutionRoleArn = this.executionRole.roleArn;
    properties.TaskRoleArn = this.taskRole.roleArn;
    const taskDefinition = new Construct(this, 'TaskDefinition');
    const resource = new ecs.CfnTaskDefinition(taskDefinition, 'Resource', { tags: [] });
    resource.addOverride('Properties', properties);
    resource.cfnOptions.updateReplacePolicy = cdk.CfnDeletionPolicy.RETAIN;
    resource.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.RETAIN;

    const service = {
      cluster: p.cluster.clusterName,
      serviceName: s.name,
      taskDefinition: resource.ref,
      desiredCount: s.desiredCount,
      capacityProviderStrategy: [{ capacityProvider: p.capacityProviderName, weight: 1 }],
      deploymentConfiguration: {
        maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      placementStrategies: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
      placementConstraints: [],
      enableEcsManagedTags: true,
      propagateTags: 'SERVICE',
      tags: [{ key: 'deep-dive:cloudformation-stack-name', value: cdk.Stack.of(this).stackName }],
    };
    let rule;
    if (lb) {
      const hc = lb.healthCheck ?? {};
      this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'TargetGroup', {
        vpc: p.vpc,
        targetType: elbv2.TargetType.INSTANCE,
        protocol: elbv2.ApplicationProtocol.HTTP,
        port: lb.containerPort,
        deregistrationDelay: cdk.Duration.seconds(lb.deregistrationDelaySeconds ?? 30),
        healthCheck: {
          path: hc.path ?? '/',
          interval: cdk.Duration.seconds(hc.intervalSeconds ?? 15),
          timeout: cdk.Duration.seconds(hc.timeoutSeconds ?? 5),
          healthyThresholdCount: hc.healthyThresholdCount ?? 2,
          unhealthyThresholdCount: hc.unhealthyThresholdCount ?? 3,
          healthyHttpCodes: hc.healthyHttpCodes ?? '200-399',
        },
      });
      const conditions = [];
      if (lb.pathPatterns) conditions.push(elbv2.ListenerCondition.pathPatterns(lb.pathPatterns));
      if (lb.hostHeaders) conditions.push(elbv2.ListenerCondition.hostHeaders(lb.hostHeaders));
      rule = new elbv2.ApplicationListenerRule(this, 'ListenerRule', {
        listener: p.loadBalancer.serviceListener, priority: lb.priority, conditions,
        action: elbv2.ListenerAction.forward([this.targetGroup]),
      });
      // The benchmark's task definitions map host port 0: dynamic host ports, as in the Java app.
      p.loadBalancer.allowTrafficTo(p.instanceSecurityGroup, 32768, 65535, 'dynamic host ports');
      service.loadBalancers = [{ containerName: lb.container, containerPort: lb.containerPort, targetGroupArn: this.targetGroup.targetGroupArn }];
      service.healthCheckGracePeriodSeconds = s.healthCheckGracePeriodSeconds ?? 60;
    }
    this.service = new ecs.CfnService(this, 'Service', service);
    if (rule) this.service.node.addDependency(rule);
  }
}

// ---- stacks --------------------------------------------------------------------------------------------
class EnvironmentStack extends cdk.Stack {
  constructor(scope, id, env, description, stackName) {
    super(scope, id, { env: env.cdkEnv, description, stackName });
    this._zones = env.zones;
  }

  get availabilityZones() {
    return this._zones;
  }
}

class EnvironmentStage extends cdk.Stage {
  constructor(scope, env, taskDefinitions) {
    super(scope, env.name, { env: env.cdkEnv });
    const net = env.network;
    const zoneCount = net.availabilityZones ? net.availabilityZones.length : (net.maxAzs ?? 2);
    env.zones = net.availabilityZones ?? Array.from({ length: zoneCount }, (_, i) => cdk.Fn.select(i, cdk.Fn.getAzs()));

    const network = new EnvironmentStack(this, 'Network', env, `${env.clusterName}: VPC over ${zoneCount} zones`);
    network.network = new Network(network, 'Network', {
      cidr: net.cidr, availabilityZones: network.availabilityZones, natGateways: net.natGateways ?? 1,
    });

    const clusterStack = new EnvironmentStack(this, 'Cluster', env, `${env.clusterName}: ECS cluster and container instances`);
    const agentConfig = new AgentConfigBucket(clusterStack, 'AgentConfig', { clusterName: env.clusterName, agent: env.agent ?? {} });
    const instanceRole = new InstanceRole(clusterStack, 'InstanceRole');
    const cluster = new ecs.Cluster(clusterStack, 'Cluster', {
      clusterName: env.clusterName, vpc: network.network.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const cap = env.capacity;
    const instances = new ContainerInstances(clusterStack, 'ContainerInstances', {
      vpc: network.network.vpc, subnets: network.network.privateSubnets, cluster, instanceRole: instanceRole.role, agentConfig,
      instanceTypes: cap.instanceTypes, minSize: cap.minSize, desiredSize: cap.desiredSize, maxSize: cap.maxSize,
      rootVolumeGiB: cap.rootVolumeGiB ?? 30,
    });
    suppressBucketDeploymentHandler(clusterStack, agentConfig.bucket);

    const services = env.services ?? [];
    const repositories = env.ecrRepositories ?? {};
    if (services.length || Object.keys(repositories).length) {
      const edge = new EnvironmentStack(this, 'LoadBalancer', env, `${env.clusterName}: load balancer and image repositories`,
        `${env.name}-Edge`);
      for (const [name, r] of Object.entries(repositories)) {
        new ecr.Repository(edge, 'Repository' + pascalCase(name), {
          imageScanOnPush: true, imageTagMutability: ecr.TagMutability.IMMUTABLE,
          lifecycleRules: [{ description: `keep the last ${r.keepImages ?? 20} images`, maxImageCount: r.keepImages ?? 20 }],
          removalPolicy: cdk.RemovalPolicy.RETAIN,
        });
      }
      const loadBalancer = services.some((s) => s.loadBalancer) ? new EnvironmentLoadBalancer(edge, 'LoadBalancer', {
        vpc: network.network.vpc, subnets: network.network.publicSubnets,
        idleTimeoutSeconds: env.loadBalancer?.idleTimeoutSeconds ?? 60,
      }) : undefined;

      const groups = new Map();
      for (const s of services) {
        const g = serviceGroup(s.name);
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push(s);
      }
      for (const g of [...groups.keys()].sort()) {
        const group = groups.get(g);
        const stack = new EnvironmentStack(this, g, env, `${env.clusterName}: services ${group.map((s) => s.name).join(', ')}`);
        for (const service of group) {
          new EcsService(stack, pascalCase(service.name), {
            service, taskDefinition: taskDefinitions[service.taskDefinition], cluster,
            capacityProviderName: instances.capacityProvider.capacityProviderName, vpc: network.network.vpc,
            instanceSecurityGroup: instances.securityGroup, loadBalancer,
          });
        }
      }
    }
    for (const [k, v] of Object.entries(env.tags ?? {})) cdk.Tags.of(this).add(k, v);
    // The security gate, as NagGate.apply: aspects do not cross stage boundaries, so each stage gets both packs.
    const nag = { verbose: true, reports: false };
    cdk.Aspects.of(this).add(new AwsSolutionsChecks(nag));
    cdk.Aspects.of(this).add(new NIST80053R5Checks(nag));
  }
}

// ---- the app ---------------------------------------------------------------------------------------------
const app = new cdk.App();
const dir = path.resolve(app.node.tryGetContext('environmentsDir') ?? path.join(REPO, 'app/environments'));
const taskDefinitionsDir = path.join(dir, '..', 'task-definitions');
const taskDefinitions = {};
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) {
  const env = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  env.cdkEnv = { account: env.account, region: env.region };
  for (const s of env.services ?? []) {
    taskDefinitions[s.taskDefinition] ??= JSON.parse(fs.readFileSync(path.join(taskDefinitionsDir, s.taskDefinition), 'utf8'));
  }
  new EnvironmentStage(app, env, taskDefinitions);
}

// As NagGate.check: every error and warning annotation of the assembly on stderr; an error exits 2.
function stacksOf(assembly) {
  return [...assembly.stacks, ...assembly.nestedAssemblies.flatMap((nested) => stacksOf(nested.nestedAssembly))];
}
let errors = 0;
for (const stack of stacksOf(app.synth())) {
  for (const message of stack.messages) {
    if (message.level !== 'error' && message.level !== 'warning') continue;
    if (message.level === 'error') errors++;
    console.error(`${message.level} ${message.id}: ${String(message.entry.data).trim()}`);
  }
}
if (errors) {
  console.error(`security gate: ${errors} unsuppressed error(s)`);
  process.exit(2);
}
