package dev.deepdive.ecs.constructs.bootscript;

import java.nio.file.Path;

/**
 * The bash text of the stand-ins {@link BootScriptHarness} puts on PATH. Each records its call in
 * {@code calls/NNNN/} (tool, NUL-separated arguments, and for {@code curl --config -} its stdin,
 * where the script passes secrets) and answers from {@code responses/<ENDPOINT>/}.
 */
final class StandIns {

  private StandIns() {}

  /** Sourced by every stand-in: recording and the response queues. */
  static String library(Path callsDir, Path responsesDir) {
    return """
        # Shared by the stand-ins of BootScriptHarness.
        calls_dir=%s
        responses_dir=%s

        # record_call TOOL ARGS...: sets CALL_DIR to this call's record. mkdir claims a number atomically:
        # the boot script's background part may call stand-ins while the rest of the user data runs.
        record_call() {
          local count=0 arg
          read -r count 2>/dev/null <"$calls_dir/.count"
          while :; do
            count=$((count + 1))
            printf -v CALL_DIR '%%s/%%04d' "$calls_dir" "$count"
            mkdir "$CALL_DIR" 2>/dev/null && break
          done
          printf '%%s' "$count" >"$calls_dir/.count"
          printf '%%s' "$1" >"$CALL_DIR/tool"
          shift
          : >"$CALL_DIR/args"
          for arg in "$@"; do printf '%%s\\0' "$arg" >>"$CALL_DIR/args"; done
        }

        # next_response ENDPOINT: sets STATUS and BODY_FILE; the last response repeats. A directory is the lock.
        # Builtins (read, printf) where they do: each fork costs, and a boot makes dozens of calls.
        next_response() {
          local dir="$responses_dir/$1" served=0 total index
          until mkdir "$dir/.lock" 2>/dev/null; do :; done
          read -r served 2>/dev/null <"$dir/served"
          read -r total <"$dir/total"
          index=$((served + 1))
          printf '%%s' "$index" >"$dir/served"
          rmdir "$dir/.lock"
          [ "$index" -gt "$total" ] && index=$total
          read -r STATUS <"$dir/$index.status"
          BODY_FILE="$dir/$index.body"
        }
        """.formatted(quote(callsDir), quote(responsesDir));
  }

  /**
   * Understands the options the boot script uses; {@code --write-out} always prints the status, as
   * {@code %{http_code}} would. Like IMDS with {@code HttpTokens: required}, it answers 401 to a
   * metadata request without the token it issued.
   */
  static String curl(Path harnessDir, String version) {
    return """
        #!/bin/bash
        # curl stand-in written by BootScriptHarness
        . %s/lib.sh
        record_call curl "$@"
        out="" write_out="" fail=false config_from_stdin=false url="" token_header=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --version | -V) printf 'curl %s (x86_64-amazon-linux-gnu) libcurl/%s OpenSSL/3.0.8\\n'; exit 0 ;;
            -o | --output) out=$2; shift ;;
            -w | --write-out) write_out=$2; shift ;;
            -f | --fail) fail=true ;;
            -K | --config) [ "$2" = - ] && config_from_stdin=true; shift ;;
            -H | --header)
              case "$2" in X-aws-ec2-metadata-token:*) token_header=${2#X-aws-ec2-metadata-token: } ;; esac
              shift ;;
            -X | --request | --connect-timeout | --max-time | --aws-sigv4 | -u | --user | -d | --data | --data-binary) shift ;;
            http://* | https://*) url=$1 ;;
          esac
          shift
        done
        if $config_from_stdin; then cat >"$CALL_DIR/stdin"; fi
        case "$url" in
          */latest/api/token) endpoint=IMDS_TOKEN ;;
          */latest/meta-data/iam/security-credentials/) endpoint=IMDS_ROLE ;;
          */latest/meta-data/iam/security-credentials/*) endpoint=IMDS_CREDENTIALS ;;
          */latest/meta-data/instance-id) endpoint=IMDS_INSTANCE_ID ;;
          */v1/metadata) endpoint=AGENT_METADATA ;;
          https://cloudformation.*) endpoint=CLOUDFORMATION ;;
          *) endpoint=S3_OBJECT ;;
        esac
        case "$endpoint" in
          IMDS_ROLE | IMDS_CREDENTIALS | IMDS_INSTANCE_ID)
            if [ -z "$token_header" ] || [ "$token_header" != "$(cat "$responses_dir/issued-token" 2>/dev/null)" ]; then
              STATUS=401 BODY_FILE=/dev/null
            else
              next_response "$endpoint"
            fi ;;
          *) next_response "$endpoint" ;;
        esac
        if [ "$STATUS" = 000 ]; then
          echo "curl: (28) Connection timed out after 5001 milliseconds" >&2
          [ -n "$write_out" ] && printf '000'
          exit 28
        fi
        if [ "$STATUS" -ge 400 ] && $fail; then
          printf 'curl: (22) The requested URL returned error: %%s\\n' "$STATUS" >&2
          [ -n "$write_out" ] && printf '%%s' "$STATUS"
          exit 22
        fi
        if [ -n "$out" ]; then cat "$BODY_FILE" >"$out"; else cat "$BODY_FILE"; fi
        [ "$endpoint" = IMDS_TOKEN ] && cat "$BODY_FILE" >"$responses_dir/issued-token"
        [ -n "$write_out" ] && printf '%%s' "$STATUS"
        exit 0
        """.formatted(quote(harnessDir), version, version);
  }

  /**
   * Supports {@code aws s3 cp s3://BUCKET/KEY DEST [options]}, answering from S3_OBJECT, and
   * {@code aws cloudformation signal-resource [options]}, answering from CLOUDFORMATION with the
   * AWS CLI's messages and exit codes (254 for a service error, 255 for no connection).
   */
  static String aws(Path harnessDir) {
    return """
        #!/bin/bash
        # aws stand-in written by BootScriptHarness
        . %s/lib.sh
        record_call aws "$@"
        case "${1:-} ${2:-}" in
          "s3 cp")
            next_response S3_OBJECT
            case "$STATUS" in
              200) cat "$BODY_FILE" >"$4"; exit 0 ;;
              000) echo "Connect timeout on endpoint URL: \\"$3\\"" >&2; exit 1 ;;
              *) echo "fatal error: An error occurred ($STATUS) when calling the HeadObject operation" >&2; exit 1 ;;
            esac ;;
          "cloudformation signal-resource")
            next_response CLOUDFORMATION
            case "$STATUS" in
              200) exit 0 ;;
              000) echo "Could not connect to the endpoint URL: \\"https://cloudformation.eu-west-1.amazonaws.com/\\"" >&2
                exit 255 ;;
              *) code=$(sed -n 's/.*<Code>\\([^<]*\\)<\\/Code>.*/\\1/p' "$BODY_FILE")
                message=$(sed -n 's/.*<Message>\\([^<]*\\)<\\/Message>.*/\\1/p' "$BODY_FILE")
                echo "An error occurred ($code) when calling the SignalResource operation: $message" >&2
                exit 254 ;;
            esac ;;
          *) echo "aws stand-in: unsupported command: $*" >&2; exit 2 ;;
        esac
        """.formatted(quote(harnessDir));
  }

  /** Records, then runs the rest of its arguments (so {@code sudo iptables} reaches the stand-in). */
  static String sudo(Path harnessDir) {
    return """
        #!/bin/bash
        # sudo stand-in written by BootScriptHarness
        . %s/lib.sh
        record_call sudo "$@"
        exec "$@"
        """.formatted(quote(harnessDir));
  }

  static String recordOnly(Path harnessDir, String command) {
    return """
        #!/bin/bash
        # %s stand-in written by BootScriptHarness: records the call and succeeds
        . %s/lib.sh
        record_call %s "$@"
        exit 0
        """.formatted(command, quote(harnessDir), command);
  }

  /** Single-quotes a path for bash. */
  private static String quote(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }
}
