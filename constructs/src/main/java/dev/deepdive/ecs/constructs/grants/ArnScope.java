package dev.deepdive.ecs.constructs.grants;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the role's grants are written for: the values an ARN takes when the task definition names a resource
 * without them (an SSM parameter by name is in the task's own account and region), and the environment's
 * ECR repositories.
 *
 * @param partition      the partition, e.g. {@code aws} or a CDK token for {@code AWS::Partition}
 * @param region         the region, e.g. {@code eu-west-1} or a token for {@code AWS::Region}
 * @param account        the account ID, or a token for {@code AWS::AccountId}
 * @param urlSuffix      the domain of service endpoints ({@code amazonaws.com}, {@code amazonaws.com.cn}), or a
 *                       token for {@code AWS::URLSuffix}; used in {@code kms:ViaService} values
 * @param knownAccount   the environment's account when the environment file pins it; empty when it does not, and
 *                       then no reference is reported as being in another account
 * @param repositoryArns the environment's ECR repositories by short name ({@code ecr://<name>} images) to their ARN
 */
public record ArnScope(String partition, String region, String account, String urlSuffix,
    Optional<String> knownAccount, Map<String, String> repositoryArns) {
  public ArnScope {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(urlSuffix, "urlSuffix");
    Objects.requireNonNull(knownAccount, "knownAccount");
    repositoryArns = Map.copyOf(repositoryArns);
  }

  /** True only when the environment pins its account and {@code otherAccount} is a different one. */
  boolean isOtherAccount(String otherAccount) {
    return knownAccount.isPresent() && !otherAccount.isEmpty() && !knownAccount.get().equals(otherAccount);
  }
}
