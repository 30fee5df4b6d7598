#!/usr/bin/env bash
# ecsctl benchmark: (1) cold start of `ecsctl --help` through bin/ecsctl; (2) drain-delete overhead beyond the
# drain itself, against the fake ECS endpoint run as a separate process whose tasks stop exactly T after
# UpdateService: overhead = wall time of `ecsctl drain-delete` - T; (3) `ecsctl run-task --wait` exit lag: from
# the moment the fake reports the task STOPPED (its container exited with TASK_EXIT_CODE) to the moment ecsctl has
# exited with that code. Warm-up run(s), then the median of RUNS.
# Usage: bench/ecsctl-bench.sh  (env: RUNS=7 DRAIN_MS=3000 SERVICES=3 TASKS=2 TASK_MS=2000 TASK_EXIT_CODE=3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-7}"
drain_ms="${DRAIN_MS:-3000}"
services="${SERVICES:-3}"
tasks="${TASKS:-2}"
task_ms="${TASK_MS:-2000}"
task_exit_code="${TASK_EXIT_CODE:-3}"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1

if (( runs < 5 )); then
  echo "ecsctl-bench: RUNS must be at least 5 for a meaningful median, got $runs" >&2
  exit 2
fi
bin/build
if [[ ! -f app/ecsctl/target/test-classes/dev/deepdive/ecs/ecsctl/testing/FakeEcsMain.class ]]; then
  echo "ecsctl-bench: compiling ecsctl's test classes (mvn -q -B -DskipTests -pl app/ecsctl test-compile)" >&2
  mvn -q -B -DskipTests -pl app/ecsctl test-compile
fi

# bin/ecsctl writes its start-up cache (bin/jvm-start) as the first run after a build exits; measure with it
# in place.
bin/ecsctl --help >/dev/null

work="$(mktemp -d)"
fake_pid=""
cleanup() {
  if [[ -n "$fake_pid" ]]; then kill "$fake_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# median min max of the numbers on stdin
stats() { sort -n | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%d %d %d\n", m, v[1], v[NR]}'; }

# ---- 1. cold start of `ecsctl --help` -------------------------------------------------------------------
: > "$work/help.ms"
if command -v hyperfine >/dev/null; then
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$work/help.json" -n help \
    "$root/bin/ecsctl --help" >/dev/null
  jq -r '.results[0].times[] * 1000 | floor' "$work/help.json" > "$work/help.ms"
else
  bin/ecsctl --help >/dev/null; bin/ecsctl --help >/dev/null
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms); bin/ecsctl --help >/dev/null; t1=$(now_ms); echo $((t1 - t0)) >> "$work/help.ms"
  done
fi
read -r help_med help_min help_max < <(stats < "$work/help.ms")

# Starts the fake endpoint for run $1 with the remaining arguments; sets fake_pid and port.
start_fake() {
  local run="$1"; shift
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "app/ecsctl/target/test-classes:$(ls app/ecsctl/target/ecsctl-*[0-9].jar):$(cat app/ecsctl/target/classpath.txt)" \
    dev.deepdive.ecs.ecsctl.testing.FakeEcsMain "$@" > "$work/fake.$run.out" 2>"$work/fake.err" &
  fake_pid=$!
  for ((w = 0; w < 200; w++)); do grep -q '^port=' "$work/fake.$run.out" 2>/dev/null && break; sleep 0.05; done
  port="$(sed -n 's/^port=//p' "$work/fake.$run.out")"
  autoscaling_port="$(sed -n 's/^autoscaling-port=//p' "$work/fake.$run.out")"
  if [[ -z "$port" ]]; then echo "ecsctl-bench: the fake endpoint did not start: $(cat "$work/fake.err")" >&2; exit 1; fi
}

# ---- 2. drain-delete overhead against the fake endpoint ----------------------------------------------------
service_args=()
for ((s = 1; s <= services; s++)); do service_args+=(--service "s$s"); done
: > "$work/overhead.ms"
: > "$work/lag.ms"
for ((i = 0; i <= runs; i++)); do   # run 0 is the warm-up
  start_fake "$i" --services "$services" --tasks "$tasks" --drain-ms "$drain_ms" --inactive-ms 0
  t0=$(now_ms)
  rc=0
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
    bin/ecsctl --endpoint-url "http://127.0.0.1:$port" --autoscaling-endpoint-url "http://127.0.0.1:$autoscaling_port" \
    drain-delete --cluster bench "${service_args[@]}" --yes \
    > "$work/out" 2> "$work/err" || rc=$?
  t1=$(now_ms)
  kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true; fake_pid=""
  if (( rc != 0 )); then
    echo "ecsctl-bench: drain-delete exited $rc:" >&2; cat "$work/out" "$work/err" >&2; exit 1
  fi
  if (( i > 0 )); then
    echo $(( t1 - t0 - drain_ms )) >> "$work/overhead.ms"
    awk '$1 == "delete-lag-ms" && $3 != "none" {print $3}' "$work/fake.$i.out" >> "$work/lag.ms"
  fi
done
read -r ov_med ov_min ov_max < <(stats < "$work/overhead.ms")
read -r lag_med lag_min lag_max < <(stats < "$work/lag.ms")

# ---- 3. run-task --wait: exit code after the task stops ------------------------------------------------------
: > "$work/exit-lag.ms"
: > "$work/seen-lag.ms"
for ((i = 0; i <= runs; i++)); do   # run 0 is the warm-up
  start_fake "task.$i" --task-ms "$task_ms" --task-exit-code "$task_exit_code"
  rc=0
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
    bin/ecsctl --endpoint-url "http://127.0.0.1:$port" run-task --cluster bench --task-definition bench-job --wait \
    > "$work/out" 2> "$work/err" || rc=$?
  t1=$(now_ms)
  kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true; fake_pid=""
  if (( rc != task_exit_code )); then
    echo "ecsctl-bench: run-task --wait exited $rc, expected the container's $task_exit_code:" >&2
    cat "$work/out" "$work/err" >&2; exit 1
  fi
  read -r stopped seen < <(awk '$1 == "task-stopped-epoch-ms" && $3 != "none" && $4 != "none" {print $3, $4}' \
    "$work/fake.task.$i.out")
  if [[ -z "${seen:-}" ]]; then echo "ecsctl-bench: the fake saw no task stop" >&2; exit 1; fi
  if (( i > 0 )); then
    echo $(( t1 - stopped )) >> "$work/exit-lag.ms"
    echo $(( seen - stopped )) >> "$work/seen-lag.ms"
  fi
done
read -r ex_med ex_min ex_max < <(stats < "$work/exit-lag.ms")
read -r seen_med seen_min seen_max < <(stats < "$work/seen-lag.ms")

printf '\necsctl benchmark (%d runs after warm-up; %s)\n\n' "$runs" \
  "$(command -v hyperfine >/dev/null && echo 'help timed by hyperfine' || echo 'help timed by date')"
printf '| %-58s | %8s | %8s | %8s |\n' "measurement" "median" "min" "max"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "----------" "----------" "----------"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "ecsctl --help, cold start (bin/ecsctl, wall)" "$help_med" "$help_min" "$help_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' \
  "drain-delete overhead beyond a ${drain_ms} ms drain ($services services)" "$ov_med" "$ov_min" "$ov_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "  of which: last task stopped -> DeleteService" \
  "$lag_med" "$lag_min" "$lag_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "run-task --wait: task stopped -> exited with its exit code" \
  "$ex_med" "$ex_min" "$ex_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "  of which: task stopped -> a DescribeTasks answer shows it" \
  "$seen_med" "$seen_min" "$seen_max"
printf '\nOverhead = wall time of the whole drain-delete (JVM start, plan, UpdateService, polling, DeleteService,\nINACTIVE) minus the drain time T the fake enforces. Goal: <= 1500 ms (AWS CLI update/wait/delete: ~14 s).\n'
printf 'Exit lag = wall clock when bin/ecsctl run-task --wait had exited minus the wall clock at which the fake reports\nthe task STOPPED (a %d ms task). Goal: <= 500 ms.\n' "$task_ms"
