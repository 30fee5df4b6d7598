#!/usr/bin/env bash
# ecsctl benchmark: (1) cold start of `ecsctl --help` through bin/ecsctl; (2) drain-delete overhead beyond the
# drain itself, against the fake ECS endpoint run as a separate process whose tasks stop exactly T after
# UpdateService: overhead = wall time of `ecsctl drain-delete` - T. Warm-up run(s), then the median of RUNS.
# Usage: bench/ecsctl-bench.sh            (env: RUNS=7 DRAIN_MS=3000 SERVICES=3 TASKS=2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-7}"
drain_ms="${DRAIN_MS:-3000}"
services="${SERVICES:-3}"
tasks="${TASKS:-2}"
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

# ---- 2. drain-delete overhead against the fake endpoint ----------------------------------------------------
service_args=()
for ((s = 1; s <= services; s++)); do service_args+=(--service "s$s"); done
: > "$work/overhead.ms"
: > "$work/lag.ms"
for ((i = 0; i <= runs; i++)); do   # run 0 is the warm-up
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "app/ecsctl/target/test-classes:$(ls app/ecsctl/target/ecsctl-*[0-9].jar):$(cat app/ecsctl/target/classpath.txt)" \
    dev.deepdive.ecs.ecsctl.testing.FakeEcsMain --services "$services" --tasks "$tasks" --drain-ms "$drain_ms" \
    --inactive-ms 0 > "$work/fake.$i.out" 2>"$work/fake.err" &
  fake_pid=$!
  for ((w = 0; w < 200; w++)); do grep -q '^port=' "$work/fake.$i.out" 2>/dev/null && break; sleep 0.05; done
  port="$(sed -n 's/^port=//p' "$work/fake.$i.out")"
  if [[ -z "$port" ]]; then echo "ecsctl-bench: the fake endpoint did not start: $(cat "$work/fake.err")" >&2; exit 1; fi
  t0=$(now_ms)
  rc=0
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
    bin/ecsctl --endpoint-url "http://127.0.0.1:$port" drain-delete --cluster bench "${service_args[@]}" --yes \
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

printf '\necsctl benchmark (%d runs after warm-up; %s)\n\n' "$runs" \
  "$(command -v hyperfine >/dev/null && echo 'help timed by hyperfine' || echo 'help timed by date')"
printf '| %-58s | %8s | %8s | %8s |\n' "measurement" "median" "min" "max"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "----------" "----------" "----------"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "ecsctl --help, cold start (bin/ecsctl, wall)" "$help_med" "$help_min" "$help_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' \
  "drain-delete overhead beyond a ${drain_ms} ms drain ($services services)" "$ov_med" "$ov_min" "$ov_max"
printf '| %-58s | %5d ms | %5d ms | %5d ms |\n' "  of which: last task stopped -> DeleteService" \
  "$lag_med" "$lag_min" "$lag_max"
printf '\nOverhead = wall time of the whole drain-delete (JVM start, plan, UpdateService, polling, DeleteService,\nINACTIVE) minus the drain time T the fake enforces. Goal: <= 1500 ms (AWS CLI update/wait/delete: ~14 s).\n'
