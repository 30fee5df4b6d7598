# shellcheck shell=bash
# ecs-config: put this environment's ECS agent configuration (s3://@@BUCKET@@/@@KEY@@) into
# /etc/ecs/ecs.config before the agent starts (ecs.service runs after cloud-final), or stop the
# instance from ever joining a cluster. Rendered by AgentConfigFetchScript; see README.md ("The container instance boot script").
#
# The lines that follow this block in the user data (the cluster's own
# "echo ECS_CLUSTER=... >> /etc/ecs/ecs.config") must still run, so all the work happens in a
# function whose body is a subshell: its variables, shell options, umask and traps end with it.
# No `set -e`: the function is called as `ecs_config_fetch || exit 1`, a context in which bash
# ignores -e, so every step checks its own result instead.
ecs_config_fetch() (
  set -u -o pipefail
  export LC_ALL=C # byte-wise [A-Z] ranges in the checks below, whatever locale cloud-init runs in
  umask 077 # ecs.config may carry registry credentials (ECS_ENGINE_AUTH_DATA)

  readonly bucket="@@BUCKET@@"
  readonly key="@@KEY@@"
  readonly cluster="@@CLUSTER@@"
  readonly region="@@REGION@@"

  # Production defaults; the tests point these into a sandbox.
  readonly config_file="${ECS_CONFIG_FILE:-/etc/ecs/ecs.config}"
  readonly state_dir="${ECS_CONFIG_STATE_DIR:-/var/lib/ecs-config}"
  readonly console="${ECS_CONFIG_CONSOLE:-/dev/console}"
  readonly imds_url="${ECS_CONFIG_IMDS_URL:-http://169.254.169.254}"

  # 8 attempts, waiting 2, 4, 8, 16, 30, 30, 30 s in between: at most 2 minutes of waiting, enough
  # for an instance profile and its new policy to become usable (IAM is eventually consistent).
  readonly max_attempts=8 first_delay=2 max_delay=30
  # SHA-256 of the empty payload of a GET; S3 requires the header on every SigV4 request.
  readonly empty_payload_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

  fetched="" merged="" curl_err="" failure_reason="" fetch_error="" imds_body=""

  log() { printf 'ecs-config: %s\n' "$*"; }

  # Ends the subshell; on_exit turns the reason into the failure handling below.
  die() {
    failure_reason="$*"
    exit 1
  }

  # Prints the value of the last ECS_CLUSTER line of a file (the one the agent uses), if any.
  cluster_named_in() {
    sed -n 's/^[[:space:]]*ECS_CLUSTER=//p' "$1" | tail -n 1
  }

  # Runs when the subshell ends, whatever ends it (die, an unset variable under set -u, ...).
  # On failure: the instance must never register into `default` or any other cluster, and an
  # agent that starts without ECS_CLUSTER joins `default`. So the agent is stopped and masked, a
  # config naming another cluster (or none) is set aside, and the instance powers itself off after
  # 5 minutes; the Auto Scaling group's EC2 health check then replaces it. The 5 minutes leave an
  # operator time to look at it through the console output or Session Manager. --no-block: the
  # agent's start job waits for cloud-final, which is this script; never wait on it from here.
  # shellcheck disable=SC2317 # ShellCheck 0.9 cannot see that the EXIT trap calls this.
  on_exit() {
    local status=$? line
    rm -f -- "$fetched" "$merged" "$curl_err"
    [ "$status" -eq 0 ] && exit 0
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
    exit "$status"
  }
  trap on_exit EXIT

  # The values are CloudFormation tokens until deploy time, so they are checked here, resolved.
  # The character sets keep them safe inside the URL and the double quotes above.
  [[ $bucket =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] ||
    die "bucket '$bucket' is not an S3 bucket name (3-63 of a-z 0-9 . -)"
  [[ $key =~ ^[A-Za-z0-9._-][A-Za-z0-9._/-]*$ ]] ||
    die "key '$key' must use only A-Z a-z 0-9 . _ - / and must not start with /"
  [[ $cluster =~ ^[A-Za-z0-9_-]{1,255}$ ]] ||
    die "cluster name '$cluster' must be 1-255 of A-Z a-z 0-9 _ -"
  [[ $region =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] ||
    die "region '$region' is not an AWS region name such as eu-west-1"

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

  mkdir -p -- "$state_dir" || die "cannot create $state_dir"
  config_dir="${config_file%/*}"
  mkdir -p -- "$config_dir" || die "cannot create $config_dir"
  fetched="$(mktemp "$state_dir/fetched.XXXXXX")" || die "cannot create a temporary file in $state_dir"
  curl_err="$(mktemp "$state_dir/curl-stderr.XXXXXX")" || die "cannot create a temporary file in $state_dir"

  # Every fetch failure is retried, 403 and 404 included: right after launch the instance
  # profile's credentials or policy may not be usable yet.
  fetch_with_aws_cli() {
    local out
    if ! out="$(aws s3 cp "s3://$bucket/$key" "$fetched" --region "$region" --only-show-errors \
      --cli-connect-timeout 5 --cli-read-timeout 30 2>&1)"; then
      fetch_error="aws s3 cp failed: ${out%%$'\n'*}"
      return 1
    fi
  }

  # IMDSv2 only (the launch template requires tokens). Sets imds_body, or fetch_error on failure;
  # it runs in this shell, not in $(...), so that fetch_error survives.
  imds_get() {
    local path=$1 token=$2
    if ! imds_body="$(curl --silent --show-error --fail --connect-timeout 2 --max-time 5 \
      --header "X-aws-ec2-metadata-token: $token" "$imds_url$path" 2>&1)"; then
      fetch_error="instance metadata $path: ${imds_body%%$'\n'*}"
      return 1
    fi
  }

  # Reads one string field of the instance metadata credentials JSON, without jq or python:
  # neither is guaranteed on the ECS-optimized AMIs.
  json_field() {
    sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1
  }

  fetch_with_curl() {
    local token role credentials access_key secret_key session_token http_code
    if ! token="$(curl --silent --show-error --fail --connect-timeout 2 --max-time 5 --request PUT \
      --header "X-aws-ec2-metadata-token-ttl-seconds: 300" "$imds_url/latest/api/token" 2>&1)"; then
      fetch_error="instance metadata token: ${token%%$'\n'*}"
      return 1
    fi
    imds_get /latest/meta-data/iam/security-credentials/ "$token" || return 1
    role="${imds_body%%$'\n'*}"
    if [ -z "$role" ]; then
      fetch_error="the instance has no instance profile role"
      return 1
    fi
    imds_get "/latest/meta-data/iam/security-credentials/$role" "$token" || return 1
    credentials=$imds_body
    access_key="$(printf '%s' "$credentials" | json_field AccessKeyId)"
    secret_key="$(printf '%s' "$credentials" | json_field SecretAccessKey)"
    session_token="$(printf '%s' "$credentials" | json_field Token)"
    if [ -z "$access_key" ] || [ -z "$secret_key" ] || [ -z "$session_token" ]; then
      fetch_error="instance metadata credentials for role $role are incomplete"
      return 1
    fi
    # The secrets reach curl through a config on stdin (printf is a builtin), never through its
    # command line, which any local process can read in /proc.
    http_code="$(printf 'user = "%s:%s"\nheader = "x-amz-security-token: %s"\n' \
      "$access_key" "$secret_key" "$session_token" |
      curl --config - --silent --show-error --fail --connect-timeout 5 --max-time 30 \
        --aws-sigv4 "aws:amz:$region:s3" --header "x-amz-content-sha256: $empty_payload_sha256" \
        --output "$fetched" --write-out '%{http_code}' "$object_url" 2>"$curl_err")"
    local status=$?
    if [ "$status" -ne 0 ]; then
      if [ -n "$http_code" ] && [ "$http_code" != 000 ]; then
        fetch_error="GET $object_url returned HTTP $http_code"
      else
        fetch_error="GET $object_url failed: $(head -n 1 "$curl_err") (curl exit status $status)"
      fi
      return 1
    fi
  }

  # --aws-sigv4 arrived in curl 7.75.0.
  curl_can_sign() {
    local version
    version="$(curl --version 2>/dev/null | head -n 1)"
    [[ $version =~ ^curl\ ([0-9]+)\.([0-9]+) ]] || return 1
    ((BASH_REMATCH[1] > 7 || (BASH_REMATCH[1] == 7 && BASH_REMATCH[2] >= 75)))
  }

  # AL2 AMIs ship the AWS CLI; the AL2023 ECS-optimized AMI does not, but its curl signs requests.
  if command -v aws >/dev/null 2>&1; then
    use_aws_cli=true
    log "fetching s3://$bucket/$key for cluster $cluster with the AWS CLI"
  elif command -v curl >/dev/null 2>&1 && curl_can_sign; then
    use_aws_cli=false
    log "fetching $object_url for cluster $cluster with curl (SigV4, instance profile credentials)"
  else
    die "neither the AWS CLI nor curl 7.75 or later (for --aws-sigv4) is installed"
  fi

  fetch_once() {
    if [ "$use_aws_cli" = true ]; then fetch_with_aws_cli; else fetch_with_curl; fi
  }

  attempt=1 delay=$first_delay
  until fetch_once; do
    if [ "$attempt" -ge "$max_attempts" ]; then
      die "could not fetch the object after $max_attempts attempts; last error: $fetch_error"
    fi
    log "attempt $attempt of $max_attempts failed: $fetch_error; retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > max_delay ? max_delay : delay * 2))
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
)
ecs_config_fetch || exit 1
