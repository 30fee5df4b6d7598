package dev.deepdive.ecs.ecsctl.ops;

/** No region was given and the SDK's region chain found none: a usage problem, not an AWS error. */
public final class MissingRegionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingRegionException(String profile) {
    super(profile == null
        ? "no AWS region: pass --region, set AWS_REGION, or set a region in your AWS profile"
        : "no AWS region for profile '" + profile + "': pass --region or set 'region' in that profile");
  }
}
