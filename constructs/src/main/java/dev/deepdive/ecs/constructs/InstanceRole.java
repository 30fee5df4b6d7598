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
 * <p>It is the seed's two policies, AmazonEC2ContainerServiceforEC2Role and S3ReadOnlyAccess, scoped down:
 * <ul>
 *   <li>ECS agent: added by the cluster when the capacity provider joins it
 *       ({@code Cluster.addAsgCapacityProvider}): register, deregister and submit state on this cluster's ARN
 *       only; poll and telemetry only with the condition {@code ecs:cluster} = this cluster;
 *       {@code ecs:DiscoverPollEndpoint} on {@code *} (it has no resource type).
 *       <b>No {@code ecs:CreateCluster}</b>: the cluster exists before any instance boots.</li>
 *   <li>ECR pull, here: image layers from this account's repositories; the token call has no resource type.</li>
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
        .description("ECS container instances: agent, image pull, Session Manager, own ecs.config")
        .build();
    // Pulls of images named in task definitions without an execution role (the agent pulls with this role).
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("PullImagesFromThisAccount")
        .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"))
        .resources(List.of("arn:" + Aws.PARTITION + ":ecr:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":repository/*"))
        .build());
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
  }

  public IRole role() {
    return role;
  }
}
