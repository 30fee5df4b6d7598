package dev.deepdive.ecs.constructs;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The IAM role of the container instances (the launch template turns it into an instance profile).
 *
 * <p>It is what the usual pair of managed policies, AmazonEC2ContainerServiceforEC2Role and S3ReadOnlyAccess, grant,
 * scoped down:
 * <ul>
 *   <li>ECS agent: added by the cluster when the capacity provider joins it
 *       ({@code Cluster.addAsgCapacityProvider}): register, deregister and submit state on this cluster's ARN
 *       only; poll and telemetry only with the condition {@code ecs:cluster} = this cluster;
 *       {@code ecs:DiscoverPollEndpoint} on {@code *} (it has no resource type).
 *       <b>No {@code ecs:CreateCluster}</b>: the cluster exists before any instance boots.</li>
 *   <li>No ECR image pulls: every service's task definition has an execution role, which the ECS agent pulls
 *       with, and which may pull exactly the repositories its images name ({@code EcsService}). (Only the token
 *       call, {@code ecr:GetAuthorizationToken}, comes with the cluster's statements.)</li>
 *   <li>Session Manager instead of SSH, here: the four channel calls and instance registration, nothing of
 *       Run Command or parameters.</li>
 *   <li>Its own {@code ecs.config}: granted by {@link AgentConfigBucket#grantReadConfig}, one object only.</li>
 * </ul>
 */
public final class InstanceRole extends Construct {
  private final Role role;

  public InstanceRole(Construct scope, String id) {
    super(scope, id);
    this.role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
        .description("ECS container instances: agent, Session Manager, own ecs.config")
        .build();
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("SessionManagerChannels")
        .actions(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"))
        .resources(List.of("*"))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("SessionManagerRegistration")
        .actions(List.of("ssm:UpdateInstanceInformation"))
        .resources(List.of("arn:" + Aws.PARTITION + ":ec2:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":instance/*"))
        .build());
    DesignSuppressions.acceptInlinePolicy(role);
    DesignSuppressions.suppressFindings(DesignSuppressions.inlinePolicy(role), "AwsSolutions-IAM5",
        "Calls without a resource type, which IAM accepts on * only: ecs:DiscoverPollEndpoint and"
            + " ecr:GetAuthorizationToken, the four ssmmessages channel calls, and ecs:Poll/ecs:StartTelemetrySession"
            + " (which the condition ecs:cluster limits to this cluster); plus logs:CreateLogStream/PutLogEvents,"
            + " which the CDK's Cluster adds for awslogs of tasks without an execution role",
        "Resource::*");
    DesignSuppressions.suppressFindings(DesignSuppressions.inlinePolicy(role), "AwsSolutions-IAM5",
        "An instance registers itself with Session Manager before its ID is known to anyone; the grant stops at"
            + " instances of this account and region, and Systems Manager accepts the call only for the calling"
            + " instance", "Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*");
  }

  public IRole role() {
    return role;
  }
}
