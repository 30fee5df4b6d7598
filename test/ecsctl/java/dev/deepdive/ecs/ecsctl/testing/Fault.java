package dev.deepdive.ecs.ecsctl.testing;

/** Errors {@link FakeEcs} can answer with instead of the real response, as ECS sends them. */
public enum Fault {
  /** HTTP 400, {@code ThrottlingException}: ECS's "Rate exceeded". No SDK class; recognised by code. */
  THROTTLING(400, "ThrottlingException", "Rate exceeded"),
  /** HTTP 500, ECS's modelled {@code ServerException}. */
  SERVER_ERROR(500, "ServerException", "Service encountered an internal error."),
  /** HTTP 503 from the front door. */
  SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", "Service is unavailable."),
  /** HTTP 400, {@code UnrecognizedClientException}: the access key is unknown to AWS. */
  UNRECOGNIZED_CLIENT(400, "UnrecognizedClientException", "The security token included in the request is invalid."),
  /** HTTP 400, {@code AccessDeniedException}: not retryable. */
  ACCESS_DENIED(400, "AccessDeniedException",
      "User: arn:aws:sts::123456789012:assumed-role/ci/ecsctl is not authorized to perform this action");

  final int status;
  final String type;
  final String message;

  Fault(int status, String type, String message) {
    this.status = status;
    this.type = type;
    this.message = message;
  }
}
