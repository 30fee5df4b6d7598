# shellcheck shell=bash
# instance-boot: the first commands of a container instance's user data. Rendered by InstanceBootScript;
# docs/boot-script.md and docs/container-instances.md explain what it does and why.
#
# 1. Put this environment's ECS agent configuration (s3://@@BUCKET@@/@@KEY@@) into
#    /etc/ecs/ecs.config before the agent starts (ecs.service runs after cloud-final), or stop the
#    instance from ever joining a cluster.
# 2. In the background, wait until the agent has registered into this cluster, then tell
#    CloudFormation (SignalResource on the Auto Scaling group): SUCCESS. Any failure, in either
#    part, signals FAILURE. It cannot wait in the foreground: systemd starts the agent only after
#    cloud-init's final stage, and this script is part of that stage.
#
# The lines that follow this block in the user data (the cluster's own
# "echo ECS_CLUSTER=... >> /etc/ecs/ecs.config") must still run, so all the work happens in a
# function whose body is a subshell: its variables, shell options, umask and traps end with it.
# No `set -e`: the function is called as `instance_boot || exit 1`, a context in which bash
# ignores -e, so every step checks its own result instead.
instance_boot() (
  set -u -o pipefail
  # Byte-wise [A-Z] ranges in the checks below, whatever locale cloud-init runs in.
  export LC_ALL=C
  # ecs.config may carry registry credentials (ECS_ENGINE_AUTH_DATA).
  umask 077

  readonly bucket="@@BUCKET@@"
  readonly key="@@KEY@@"
  readonly config_sha256="@@SHA256@@"
  readonly cluster="@@CLUSTER@@"
  readonly region="@@REGION@@"
  readonly stack="@@STACK@@"
  readonly resource="@@RESOURCE@@"
  readonly registration_timeout="@@TIMEOUT@@"

  # Production defaults; the tests point these into a sandbox and at endpoints on 127.0.0.1.
  readonly config_file="${ECS_CONFIG_FILE:-/etc/ecs/ecs.config}"
  readonly state_dir="${ECS_CONFIG_STATE_DIR:-/var/lib/ecs-config}"
  readonly console="${ECS_CONFIG_CONSOLE:-/dev/console}"
  readonly imds_url="${ECS_CONFIG_IMDS_URL:-http://169.254.169.254}"
  readonly agent_url="${ECS_AGENT_INTROSPECTION_URL:-http://localhost:51678}/v1/metadata"

  # 8 attempts, waiting 2, 4, 8, 16, 30, 30, 30 s in between: at most 2 minutes of waiting, enough
  # for an instance profile and its new policy to become usable (IAM is eventually consistent).
  readonly max_attempts=8 first_delay=2 max_delay=30
  # A FAILURE signal gets 5 attempts (30 s of waiting): the instance powers off in 5 minutes anyway.
  readonly failure_signal_attempts=5
  # The agent's introspection endpoint is asked every 5 s until registration_timeout.
  readonly poll_interval=5
  # SHA-256 of the empty payload of a GET; S3 requires the header on every SigV4 request.
  readonly empty_payload_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

  # work: a private temporary directory per part, holding fetched, response and curl_err.
  work="" fetched="" response="" curl_err="" merged="" failure_reason="" last_error="" imds_body=""
  use_aws_cli="" instance_id="" container_instance=""

  log() { printf 'ecs-config: %s\n' "$*"; }

  # Ends the (sub)shell; on_exit turns the reason into the failure handling below.
  die() {
    failure_reason="$*"
    exit 1
  }

  # Sets work and the names of the files in it.
  make_work_dir() {
    work="$(mktemp -d "$state_dir/work.XXXXXX")" || die "cannot create a temporary directory in $state_dir"
    fetched=$work/fetched response=$work/response curl_err=$work/curl-stderr
  }

  # Prints the value of the last ECS_CLUSTER line of a file (the one the agent uses), if any.
  cluster_named_in() {
    sed -n 's/^[[:space:]]*ECS_CLUSTER=//p' "$1" | tail -n 1
  }

  # Reads one string field of a one-object JSON document (instance metadata credentials, agent
  # introspection) without jq or python: neither is guaranteed on the ECS-optimized AMIs. A field
  # that is null or absent reads as empty.
  json_field() {
    sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1
  }

  # After failed attempt $1 of $2: logs last_error and waits 2, 4, 8, 16, then 30 s.
  backoff() {
    local delay=$first_delay i
    for ((i = 1; i < $1; i++)); do delay=$((delay * 2 > max_delay ? max_delay : delay * 2)); done
    log "attempt $1 of $2 failed: $last_error; retrying in ${delay}s"
    sleep "$delay"
  }

  # IMDSv2 only (the launch template requires tokens). Sets imds_body, or last_error on failure;
  # it runs in this shell, not in $(...), so that last_error survives.
  imds_get() {
    local path=$1 token
    if ! token="$(curl --silent --show-error --fail --connect-timeout 2 --max-time 5 --request PUT \
      --header "X-aws-ec2-metadata-token-ttl-seconds: 300" "$imds_url/latest/api/token" 2>&1)"; then
      last_error="instance metadata token: ${token%%$'\n'*}"
      return 1
    fi
    if ! imds_body="$(curl --silent --show-error --fail --connect-timeout 2 --max-time 5 \
      --header "X-aws-ec2-metadata-token: $token" "$imds_url$path" 2>&1)"; then
      last_error="instance metadata $path: ${imds_body%%$'\n'*}"
      return 1
    fi
  }

  # Sets access_key, secret_key and session_token from the instance profile, or last_error.
  instance_credentials() {
    local role
    imds_get /latest/meta-data/iam/security-credentials/ || return 1
    role="${imds_body%%$'\n'*}"
    if [ -z "$role" ]; then
      last_error="the instance has no instance profile role"
      return 1
    fi
    imds_get "/latest/meta-data/iam/security-credentials/$role" || return 1
    access_key="$(printf '%s' "$imds_body" | json_field AccessKeyId)"
    secret_key="$(printf '%s' "$imds_body" | json_field SecretAccessKey)"
    session_token="$(printf '%s' "$imds_body" | json_field Token)"
    if [ -z "$access_key" ] || [ -z "$secret_key" ] || [ -z "$session_token" ]; then
      last_error="instance metadata credentials for role $role are incomplete"
      return 1
    fi
  }

  # curl signing for AWS service $1 with the instance profile's credentials; the body goes to $2,
  # the HTTP status to stdout. The secrets reach curl through a config on stdin (printf is a
  # builtin), never through its command line, which any local process can read in /proc.
  signed_curl() {
    local service=$1 output=$2
    shift 2
    printf 'user = "%s:%s"\nheader = "x-amz-security-token: %s"\n' \
      "$access_key" "$secret_key" "$session_token" |
      curl --config - --silent --show-error --connect-timeout 5 --max-time 30 \
        --aws-sigv4 "aws:amz:$region:$service" --output "$output" --write-out '%{http_code}' \
        "$@" 2>"$curl_err"
  }

  # The status of a signed_curl as last_error: "returned HTTP <status>" or curl's own message.
  request_error() {
    local what=$1 status=$2 http_code=$3
    if [ -n "$http_code" ] && [ "$http_code" != 000 ]; then
      last_error="$what returned HTTP $http_code"
    else
      last_error="$what failed: $(head -n 1 "$curl_err") (curl exit status $status)"
    fi
  }

  # --aws-sigv4 arrived in curl 7.75.0, but only from 7.86.0 on does curl sign the headers a
  # request brings itself (x-amz-security-token, x-amz-content-sha256); before, it signs host and
  # x-amz-date alone and AWS refuses every request made with instance profile credentials (403).
  curl_can_sign() {
    local version
    version="$(curl --version 2>/dev/null | head -n 1)"
    [[ $version =~ ^curl\ ([0-9]+)\.([0-9]+) ]] || return 1
    ((BASH_REMATCH[1] > 7 || (BASH_REMATCH[1] == 7 && BASH_REMATCH[2] >= 86)))
  }

  # ---- fetching ecs.config ----

  # Every fetch failure is retried, 403 and 404 included: right after launch the instance
  # profile's credentials or policy may not be usable yet.
  fetch_once() {
    local out status http_code
    if [ "$use_aws_cli" = true ]; then
      if ! out="$(aws s3 cp "s3://$bucket/$key" "$fetched" --region "$region" --only-show-errors \
        --cli-connect-timeout 5 --cli-read-timeout 30 2>&1)"; then
        last_error="aws s3 cp failed: ${out%%$'\n'*}"
        return 1
      fi
      return 0
    fi
    instance_credentials || return 1
    http_code="$(signed_curl s3 "$fetched" --fail --header "x-amz-content-sha256: $empty_payload_sha256" \
      "$object_url")"
    status=$?
    if [ "$status" -ne 0 ]; then
      request_error "GET $object_url" "$status" "$http_code"
      return 1
    fi
  }

  # ---- signalling CloudFormation ----

  # Sets instance_id (SignalResource's UniqueId: one signal per instance), or last_error.
  instance_identity() {
    [ -n "$instance_id" ] && return 0
    imds_get /latest/meta-data/instance-id || return 1
    if ! [[ $imds_body =~ ^i-[0-9a-f]{8,17}$ ]]; then
      last_error="instance metadata instance-id: '${imds_body%%$'\n'*}' is not an instance ID"
      return 1
    fi
    instance_id=$imds_body
  }

  # One SignalResource call. Returns 0 when CloudFormation took the signal, 2 when it refused it
  # for good (ValidationError: it is not waiting for this instance, e.g. one that scaling launched
  # outside a deployment, or a second signal), 1 with last_error set when it may be retried.
  signal_once() {
    local status=$1 out code message http_code exit_status form
    instance_identity || return 1
    if [ "$use_aws_cli" = true ]; then
      if out="$(aws cloudformation signal-resource --stack-name "$stack" --logical-resource-id "$resource" \
        --unique-id "$instance_id" --status "$status" --region "$region" \
        --cli-connect-timeout 5 --cli-read-timeout 30 2>&1)"; then
        return 0
      fi
      last_error="aws cloudformation signal-resource failed: ${out%%$'\n'*}"
      [[ $out == *"(ValidationError)"* ]] && return 2
      return 1
    fi
    instance_credentials || return 1
    # Query API form fields; the stack ID is an ARN, its ':' and '/' are percent-encoded.
    form=${stack//:/%3A}
    form="Action=SignalResource&Version=2010-05-15&StackName=${form//\//%2F}"
    form="$form&LogicalResourceId=$resource&UniqueId=$instance_id&Status=$status"
    http_code="$(signed_curl cloudformation "$response" --data "$form" "$cloudformation_url")"
    exit_status=$?
    [ "$exit_status" -eq 0 ] && [ "$http_code" = 200 ] && return 0
    code="$(sed -n 's/.*<Code>\([^<]*\)<\/Code>.*/\1/p' "$response" | head -n 1)"
    message="$(sed -n 's/.*<Message>\([^<]*\)<\/Message>.*/\1/p' "$response" | head -n 1)"
    request_error "SignalResource" "$exit_status" "$http_code"
    [ -n "$code" ] && last_error="$last_error ($code: $message)"
    [ "$code" = ValidationError ] && return 2
    return 1
  }

  # Signals $1 (SUCCESS or FAILURE) in up to $2 attempts. Returns non-zero if CloudFormation never
  # took it; the deployment then fails on its signal timeout instead.
  send_signal() {
    local status=$1 attempts=$2 attempt=1 result
    while :; do
      signal_once "$status"
      result=$?
      if [ "$result" -eq 0 ]; then
        log "signalled $status to CloudFormation ($stack, $resource, $instance_id)"
        return 0
      fi
      if [ "$result" -eq 2 ]; then
        log "CloudFormation is not waiting for a signal from this instance, nothing to do: $last_error"
        return 0
      fi
      if [ "$attempt" -ge "$attempts" ]; then
        log "could not signal $status to CloudFormation after $attempts attempts; last error: $last_error"
        return 1
      fi
      backoff "$attempt" "$attempts"
      attempt=$((attempt + 1))
    done
  }

  # ---- waiting for the agent ----

  # Returns once the agent reports a container instance of this cluster; dies when it reports
  # another cluster or has not registered within registration_timeout seconds.
  wait_for_registration() {
    local polls=$(((registration_timeout + poll_interval - 1) / poll_interval)) poll=0 body agent_cluster arn
    SECONDS=0
    while :; do
      poll=$((poll + 1))
      if body="$(curl --silent --show-error --fail --connect-timeout 2 --max-time 5 "$agent_url" 2>&1)"; then
        agent_cluster="$(printf '%s' "$body" | json_field Cluster)"
        arn="$(printf '%s' "$body" | json_field ContainerInstanceArn)"
        if [ -n "$agent_cluster" ] && [ "$agent_cluster" != "$cluster" ]; then
          die "the ECS agent registered into cluster '$agent_cluster', expected '$cluster'"
        fi
        if [ -n "$arn" ]; then
          # The ARN names the cluster too (container-instance/<cluster>/<id>), unless the account
          # still uses the short ARN format (container-instance/<id>).
          [[ $arn =~ ^arn:[a-z-]+:ecs:[a-z0-9-]+:[0-9]{12}:container-instance/(([A-Za-z0-9_-]+)/)?[a-z0-9]+$ ]] ||
            die "the ECS agent reports '$arn', which is not a container instance ARN"
          if [ -n "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[2]}" != "$cluster" ]; then
            die "the ECS agent registered into cluster '${BASH_REMATCH[2]}', expected '$cluster'"
          fi
          container_instance=$arn
          return 0
        fi
        last_error="the agent runs but has not registered yet"
      else
        last_error="agent introspection: ${body%%$'\n'*}"
      fi
      if [ "$poll" -ge "$polls" ] || [ "$SECONDS" -ge "$registration_timeout" ]; then
        die "the ECS agent did not register into cluster $cluster within ${registration_timeout}s ($last_error)"
      fi
      sleep "$poll_interval"
    done
  }

  # The second part, in the background. Its own temporary files: the first part deletes its
  # files when it ends.
  join_and_signal() {
    work="" merged=""
    trap on_exit EXIT
    make_work_dir
    wait_for_registration
    log "the ECS agent registered into cluster $cluster as $container_instance"
    if [ -w "$console" ]; then log "joined cluster $cluster as $container_instance" >"$console"; fi
    # Not delivered after every attempt: the instance is fine, and a deployment waiting for it
    # fails on its signal timeout.
    send_signal SUCCESS "$max_attempts" || true
  }

  # ---- failing closed ----

  # Runs when a part ends, whatever ends it (die, an unset variable under set -u, ...). On
  # failure: the instance must never register into `default` or any other cluster, and an agent
  # that starts without ECS_CLUSTER joins `default`. So the agent is stopped and masked, a config
  # naming another cluster (or none) is set aside, the instance powers itself off after 5 minutes
  # (the Auto Scaling group's EC2 health check then replaces it), and CloudFormation hears
  # FAILURE, so a deployment waiting for this instance fails now instead of at its timeout. The 5
  # minutes leave an operator time to look at it through the console output or Session Manager.
  # --no-block: the agent's start job waits for cloud-final, which is this script; never wait on
  # it from here.
  # shellcheck disable=SC2317 # ShellCheck 0.9 cannot see that the EXIT trap calls this.
  on_exit() {
    local status=$? line
    rm -f -- "$merged"
    if [ "$status" -eq 0 ]; then
      rm -rf -- "$work"
      exit 0
    fi
    line="ecs-config: FATAL: ${failure_reason:-unexpected error (exit status $status)} (object s3://$bucket/$key, cluster $cluster); the ECS agent is masked and this instance powers off in 5 minutes"
    printf '%s\n' "$line" >&2
    if [ -w "$console" ]; then printf '%s\n' "$line" >"$console" 2>/dev/null || true; fi
    if command -v logger >/dev/null 2>&1; then logger -t ecs-config -p user.crit -- "$line" || true; fi
    if command -v systemctl >/dev/null 2>&1; then systemctl mask --now --no-block ecs.service || true; fi
    mkdir -p -- "$state_dir" || true
    if [ -e "$config_file" ] && [ "$(cluster_named_in "$config_file")" != "$cluster" ]; then
      mv -f -- "$config_file" "$state_dir/ecs.config.rejected" 2>/dev/null || rm -f -- "$config_file"
      printf 'ecs-config: moved %s aside to %s/ecs.config.rejected\n' "$config_file" "$state_dir" >&2
    fi
    printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$line" >"$state_dir/FAILED" || true
    if command -v shutdown >/dev/null 2>&1; then
      shutdown -h +5 "ecs-config: cannot configure the ECS agent, powering off so the Auto Scaling group replaces this instance" || true
    fi
    if [ -n "$use_aws_cli" ] && [ -d "$work" ]; then
      send_signal FAILURE "$failure_signal_attempts"
    else
      log "FAILURE not signalled: the script failed before it could sign requests"
    fi
    rm -rf -- "$work"
    exit "$status"
  }
  trap on_exit EXIT

  # ---- the boot ----

  # The values are CloudFormation tokens until deploy time, so they are checked here, resolved.
  # The character sets keep them safe inside the URLs, the form and the double quotes above.
  [[ $bucket =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] ||
    die "bucket '$bucket' is not an S3 bucket name (3-63 of a-z 0-9 . -)"
  [[ $key =~ ^[A-Za-z0-9._-][A-Za-z0-9._/-]*$ ]] ||
    die "key '$key' must use only A-Z a-z 0-9 . _ - / and must not start with /"
  [[ $config_sha256 =~ ^[0-9a-f]{64}$ ]] || die "'$config_sha256' is not a SHA-256 in hex"
  [[ $cluster =~ ^[A-Za-z0-9_-]{1,255}$ ]] ||
    die "cluster name '$cluster' must be 1-255 of A-Z a-z 0-9 _ -"
  [[ $region =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] ||
    die "region '$region' is not an AWS region name such as eu-west-1"
  [[ $stack =~ ^arn:[a-z-]+:cloudformation:[a-z0-9-]+:[0-9]{12}:stack/[A-Za-z][A-Za-z0-9-]*/[A-Za-z0-9-]+$ ]] ||
    die "'$stack' is not a CloudFormation stack ID"
  [[ $resource =~ ^[A-Za-z0-9]{1,255}$ ]] || die "'$resource' is not a CloudFormation logical ID"
  [[ $registration_timeout =~ ^[1-9][0-9]{0,4}$ ]] ||
    die "registration timeout '$registration_timeout' is not a number of seconds"

  # Virtual-hosted-style URL; a bucket with dots would not match S3's wildcard TLS certificate
  # there, so it gets the path-style URL instead.
  case "$region" in
    cn-*) dns_suffix=amazonaws.com.cn ;;
    *) dns_suffix=amazonaws.com ;;
  esac
  if [[ $bucket == *.* ]]; then
    default_s3_base="https://s3.$region.$dns_suffix/$bucket"
  else
    default_s3_base="https://$bucket.s3.$region.$dns_suffix"
  fi
  readonly object_url="${ECS_CONFIG_S3_BASE_URL:-$default_s3_base}/$key"
  readonly cloudformation_url="${ECS_CLOUDFORMATION_URL:-https://cloudformation.$region.$dns_suffix}/"

  mkdir -p -- "$state_dir" || die "cannot create $state_dir"
  config_dir="${config_file%/*}"
  mkdir -p -- "$config_dir" || die "cannot create $config_dir"
  make_work_dir

  # AL2 AMIs ship the AWS CLI; the AL2023 ECS-optimized AMI does not, but its curl signs requests.
  if command -v aws >/dev/null 2>&1; then
    use_aws_cli=true
    log "fetching s3://$bucket/$key for cluster $cluster with the AWS CLI"
  elif command -v curl >/dev/null 2>&1 && curl_can_sign; then
    use_aws_cli=false
    log "fetching $object_url for cluster $cluster with curl (SigV4, instance profile credentials)"
  else
    die "neither the AWS CLI nor curl 7.86.0 or later (for --aws-sigv4 with a session token) is installed"
  fi

  attempt=1
  until fetch_once; do
    if [ "$attempt" -ge "$max_attempts" ]; then
      die "could not fetch the object after $max_attempts attempts; last error: $last_error"
    fi
    backoff "$attempt" "$max_attempts"
    attempt=$((attempt + 1))
  done

  # Only lines the agent understands, and exactly one ECS_CLUSTER naming this cluster. A refused
  # line is named by its key only: its value may be a registry credential.
  [ -s "$fetched" ] || die "the object is empty"
  settings=0 cluster_lines=0 line_number=0
  while IFS= read -r line || [ -n "$line" ]; do
    line_number=$((line_number + 1))
    [[ $line == *$'\r'* ]] && die "line $line_number ends in CR (Windows line endings); use LF"
    [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
    if ! [[ $line =~ ^ECS_[A-Z0-9_]+= ]]; then
      if [[ $line == *=* ]]; then
        die "line $line_number: key '${line%%=*}' is not allowed; expected KEY=VALUE with KEY matching ^ECS_[A-Z0-9_]+\$"
      fi
      die "line $line_number has no '='; expected KEY=VALUE with KEY matching ^ECS_[A-Z0-9_]+\$"
    fi
    if [[ $line == ECS_CLUSTER=* ]]; then
      cluster_lines=$((cluster_lines + 1))
      [ "${line#ECS_CLUSTER=}" = "$cluster" ] ||
        die "the object names cluster '${line#ECS_CLUSTER=}', expected '$cluster'"
    fi
    settings=$((settings + 1))
  done <"$fetched"
  [ "$settings" -gt 0 ] || die "the object has no settings, only blank or comment lines"
  [ "$cluster_lines" -eq 1 ] ||
    die "the object has $cluster_lines ECS_CLUSTER lines, expected exactly one: ECS_CLUSTER=$cluster"
  # The key names the content (its SHA-256), so each launch template version reads exactly the
  # configuration it was made with, during a rollback too.
  actual_sha256="$(sha256sum -- "$fetched")" || die "cannot compute the SHA-256 of the object"
  [ "${actual_sha256%% *}" = "$config_sha256" ] ||
    die "the object's SHA-256 is ${actual_sha256%% *}, expected $config_sha256 (changed after the deployment?)"

  # Lines already in ecs.config (put there by the AMI or an earlier step) come after the fetched
  # ones, so they win (env-file semantics: the last assignment counts). Fetched lines that are
  # already present verbatim are dropped: they would be overridden anyway, and a second run then
  # leaves the file unchanged.
  patterns=/dev/null
  if [ -e "$config_file" ]; then
    existing_cluster="$(cluster_named_in "$config_file")"
    if [ -n "$existing_cluster" ] && [ "$existing_cluster" != "$cluster" ]; then
      die "$config_file already names cluster '$existing_cluster', expected '$cluster'"
    fi
    patterns=$config_file
  fi
  merged="$(mktemp "$config_dir/.ecs.config.XXXXXX")" || die "cannot create a temporary file in $config_dir"
  grep --invert-match --line-regexp --fixed-strings --file="$patterns" -- "$fetched" >"$merged"
  [ $? -le 1 ] || die "cannot merge into $merged"
  if [ -e "$config_file" ]; then
    cat -- "$config_file" >>"$merged" || die "cannot copy $config_file into $merged"
    # The cluster's own lines are appended with `echo >>`: they must start on a line of their own.
    if [ -n "$(tail -c 1 -- "$merged")" ]; then printf '\n' >>"$merged" || die "cannot write $merged"; fi
  fi
  mv -f -- "$merged" "$config_file" || die "cannot move $merged to $config_file"
  merged=""
  rm -f -- "$state_dir/FAILED"
  log "wrote $config_file for cluster $cluster ($settings settings from s3://$bucket/$key)"

  # The second part runs on after this script and cloud-init have ended (cloud-final.service
  # keeps processes it started: KillMode=process), its output in its own log.
  join_and_signal </dev/null >>"$state_dir/cluster-join.log" 2>&1 &
  printf '%s\n' "$!" >"$state_dir/cluster-join.pid"
  log "waiting for the ECS agent to register, at most ${registration_timeout}s, in the background (pid $!, log $state_dir/cluster-join.log)"
)
instance_boot || exit 1
