#!/usr/bin/env bash
# Synth benchmark (issue 6): the Java app against its plain-JavaScript peer (bench/js-reference), same aws-cdk-lib,
# same resources, same CDK CLI, in one session with Java and JavaScript runs interleaved, so the ratios hold even
# when the machine is shared. One warm-up, then the median of RUNS runs per case. Prints a Markdown report and
# writes it to bench/results/latest.md.
#
#   bench/run.sh                 full: shipped example (validation on and off), generated sets 1/3/10 environments
#                                x 1/10/50/100 services (validation off), ecsctl; RUNS=5; ~15 min on 2 cores
#   QUICK=1 bench/run.sh         shipped example, 1x1, 1x10, 1x50, 1x100, 3x10; RUNS=3; ~7 min (LEVERS=1: +2 min)
#   env: RUNS=n  LEVERS=1 (launcher variants, below)  TESTS=1 (time bin/test once)  ECSCTL=0 (skip ecsctl)
#        GENERATED_VALIDATION=1 (generated sets with validation on too)
# Run from a clone after bin/setup. Needs GNU time (/usr/bin/time; installed from Debian's packages when root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
quick="${QUICK:-0}"
runs="${RUNS:-$([[ $quick == 1 ]] && echo 3 || echo 5)}"
if ! [[ $runs =~ ^[0-9]+$ ]] || (( runs < 1 )); then echo "run.sh: RUNS must be a positive integer, got '$runs'" >&2; exit 2; fi

# ---- prerequisites ---------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "run.sh: installing GNU time" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "run.sh: GNU time is needed: sudo apt-get install -y time" >&2; exit 1
  fi
fi
[[ -x node_modules/.bin/cdk ]] || npm ci --no-audit --no-fund --loglevel=error
# cdk-nag came later than aws-cdk-lib: a clone installed before it needs the install again.
[[ -d bench/js-reference/node_modules/aws-cdk-lib && -d bench/js-reference/node_modules/cdk-nag ]] || (cd bench/js-reference && npm ci --no-audit --no-fund --loglevel=error)
bin/build
# The peer must synthesize under the same feature flags as the Java app.
if ! cmp -s <(jq -S .context cdk.json 2>/dev/null || node -e 'console.log(JSON.stringify(require("./cdk.json").context))') \
            <(jq -S .context bench/js-reference/cdk.json 2>/dev/null || node -e 'console.log(JSON.stringify(require("./bench/js-reference/cdk.json").context))'); then
  echo "run.sh: bench/js-reference/cdk.json's context differs from cdk.json's; copy it over" >&2; exit 1
fi

cdk="$root/node_modules/.bin/cdk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
report="$work/report.md"
: > "$report"
say() { printf '%s\n' "$*" | tee -a "$report"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) {print "nan"; exit} m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print m}'; }

# run_once <label> <dir> <cmd...>: one timed run; appends "wall maxrss_kb" to $work/<label>.t; fails loudly.
run_once() {
  local label=$1 dir=$2; shift 2
  if ! (cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/$label.one" "$@" >"$work/$label.out" 2>&1); then
    echo "run.sh: '$label' failed:" >&2; tail -20 "$work/$label.out" >&2; exit 1
  fi
  tail -n 1 "$work/$label.one" >> "$work/$label.t"
}

# pair <case> <env-assignments> <java args> -- <js args>: warm-up, then RUNS interleaved Java/JS runs (the one
# that goes first alternates). Records medians in $work/<case>.{java,js}.
pair() {
  local case=$1 envs=$2 jargs=$3 sargs=$4
  : > "$work/$case.java.t"; : > "$work/$case.js.t"
  local i
  for ((i = 0; i <= runs; i++)); do
    if (( i % 2 == 0 )); then
      run_once "$case.java" "$root" env $envs "$cdk" synth --quiet $jargs -o "$work/out-$case-java"
      run_once "$case.js" "$root/bench/js-reference" env $envs "$cdk" synth --quiet $sargs -o "$work/out-$case-js"
    else
      run_once "$case.js" "$root/bench/js-reference" env $envs "$cdk" synth --quiet $sargs -o "$work/out-$case-js"
      run_once "$case.java" "$root" env $envs "$cdk" synth --quiet $jargs -o "$work/out-$case-java"
    fi
    if (( i == 0 )); then : > "$work/$case.java.t"; : > "$work/$case.js.t"; fi  # run 0 is the warm-up
  done
  for lang in java js; do
    echo "$(cut -d' ' -f1 "$work/$case.$lang.t" | median) $(cut -d' ' -f2 "$work/$case.$lang.t" | median)" > "$work/$case.$lang"
  done
  echo "run.sh: $case done (load $(load))" >&2
}

row() {  # row <case label> <case>
  local jw jm sw sm
  read -r jw jm < "$work/$2.java"; read -r sw sm < "$work/$2.js"
  say "$(awk -v l="$1" -v jw="$jw" -v jm="$jm" -v sw="$sw" -v sm="$sm" 'BEGIN {
    printf "| %s | %.2f s | %.2f s | **%.2f** | %d MiB | %d MiB |", l, jw, sw, jw / sw, jm / 1024, sm / 1024 }')"
}

resources_per_stack() {  # resources_per_stack <cloud assembly dir>: "<stack> <count>" per template
  find "$1" -name '*.template.json' | sort | while read -r t; do
    echo "$(basename "$t" .template.json) $(node -e 'console.log(Object.keys(require(process.argv[1]).Resources).length)' "$t")"
  done | sort -k1,1
}

started=$(date +%s)
load_before=$(load)

# ---- cases -----------------------------------------------------------------------------------------------
pair shipped-on "CDK_VALIDATION=true" "" ""
pair shipped-off "CDK_VALIDATION=false" "" ""

if [[ $quick == 1 ]]; then
  shapes="1x1 1x10 1x50 1x100 3x10"
else
  shapes="1x1 1x10 1x50 1x100 3x1 3x10 3x50 3x100 10x1 10x10 10x50 10x100"
fi
for shape in $shapes; do
  e=${shape%x*}; s=${shape#*x}
  node bench/generate.js "$work/gen-$shape" "$e" "$s"
  ctx="-c environmentsDir=$work/gen-$shape/environments"
  pair "gen-$shape-off" "CDK_VALIDATION=false" "$ctx" "$ctx"
  if [[ ${GENERATED_VALIDATION:-0} == 1 ]]; then pair "gen-$shape-on" "CDK_VALIDATION=true" "$ctx" "$ctx"; fi
done

# ---- report ----------------------------------------------------------------------------------------------
say "## Synth benchmark results"
say ""
say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM;" \
  "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), Node.js $(node -v), aws-cdk-lib 2.263.0, CDK CLI $("$cdk" --version | cut -d' ' -f1)."
say "Load average (1/5/15 min) before: $load_before; after the synth cases: $(load). $runs runs per case after one warm-up," \
  "Java and JavaScript interleaved; wall time and peak memory (largest single process) are medians from \`/usr/bin/time\`."
say "Both run through the same CDK CLI (\`node_modules/.bin/cdk synth --quiet\`, what \`npx cdk synth --quiet\` starts)."
say ""
say "| case | Java | JavaScript | Java/JS | Java peak RSS | JS peak RSS |"
say "|---|---|---|---|---|---|"
row "shipped example (3 environments, 6 services), validation on" shipped-on
row "shipped example, validation off (\`CDK_VALIDATION=false\`)" shipped-off
for shape in $shapes; do
  e=${shape%x*}; s=${shape#*x}
  row "generated: $e env x $s services, validation off" "gen-$shape-off"
  if [[ ${GENERATED_VALIDATION:-0} == 1 ]]; then row "generated: $e env x $s services, validation on" "gen-$shape-on"; fi
done
say ""

# Marginal cost of one more service: least-squares slope of the median wall time over the services of each
# environment count (1, 10, 50, 100 services each), per service; R^2 says how well a straight line fits.
fit() {  # fit <lang> <environments>: "slope_ms r2" over the generated cases with that many environments
  local e=$1 lang=$2 shape
  for shape in $shapes; do
    [[ ${shape%x*} == "$e" ]] && echo "$(( e * ${shape#*x} )) $(cut -d' ' -f1 "$work/gen-$shape-off.$lang")"
  done | awk '{n++; sx+=$1; sy+=$2; sxx+=$1*$1; sxy+=$1*$2; syy+=$2*$2}
    END {if (n < 2) {print "nan nan"; exit} b=(n*sxy-sx*sy)/(n*sxx-sx*sx); r=(n*sxy-sx*sy)/sqrt((n*sxx-sx*sx)*(n*syy-sy*sy));
         printf "%.1f %.3f\n", b*1000, r*r}'
}
say "Marginal cost of one more service (validation off; least-squares slope over 1, 10, 50 and 100 services per"
say "environment; R^2 of the straight-line fit, 1.000 = perfectly linear):"
say ""
say "| environments | Java ms/service | JS ms/service | Java/JS | Java R^2 | JS R^2 |"
say "|---|---|---|---|---|---|"
for e in $(for shape in $shapes; do echo "${shape%x*}"; done | sort -un); do
  read -r jb jr < <(fit "$e" java); read -r sb sr < <(fit "$e" js)
  say "$(awk -v e="$e" -v jb="$jb" -v jr="$jr" -v sb="$sb" -v sr="$sr" 'BEGIN {
    printf "| %d | %.1f | %.1f | **%.2f** | %.3f | %.3f |", e, jb, sb, (sb > 0) ? jb / sb : 0, jr, sr }')"
done
slope() { awk -v a="$(cut -d' ' -f1 "$work/gen-1x10-off.$1")" -v b="$(cut -d' ' -f1 "$work/gen-1x100-off.$1")" 'BEGIN {printf "%.1f", (b - a) * 1000 / 90}'; }
say ""
say "Two-point slope, 1 environment, 10 -> 100 services: Java $(slope java) ms, JavaScript $(slope js) ms per service."

resources_per_stack "$work/out-gen-1x100-off-java" > "$work/res-java-100"
max=$(sort -k2 -n "$work/res-java-100" | tail -1)
say "Largest stack at 100 services per environment (Java): ${max% *} with ${max#* } resources (limit 500, goal <= 400)."
say ""

# Same resources in both languages, for the shipped example and one generated case.
for c in shipped-off gen-1x10-off; do
  resources_per_stack "$work/out-$c-java" > "$work/res-$c-java"
  resources_per_stack "$work/out-$c-js" > "$work/res-$c-js"
  say "Resources per stack, $c (Java / JavaScript):"
  say ""
  say "| stack | Java | JavaScript | difference |"
  say "|---|---|---|---|"
  join -a1 -a2 -e missing -o 0,1.2,2.2 "$work/res-$c-java" "$work/res-$c-js" | while read -r stack j s; do
    say "| $stack | $j | $s | $([[ $j == "$s" ]] && echo same || echo "$j vs $s") |"
  done
  say ""
done

# ---- leftovers: processes and temp folders after a Java synth ---------------------------------------------
# Each synth gets its own JVM temp folder; leftover jsii processes are those whose working folder is this clone.
jsii_procs_here() {
  local pid n=0
  for pid in $(pgrep -f 'jsii-runtime.js|lib/program' || true); do
    [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$root" ]] && n=$((n + 1))
  done
  echo "$n"
}
for mode in 1 0; do
  mkdir -p "$work/tmp$mode"
  (cd "$root" && CDK_VALIDATION=false CDK_APP_JSII_RUNTIME=$mode JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp$mode" \
    "$cdk" synth --quiet -o "$work/out-leftover" >/dev/null 2>&1)
  say "After a Java synth ($([[ $mode == 1 ]] && echo 'bin/cdk-app as shipped' || echo 'CDK_APP_JSII_RUNTIME=0, the jsii default')):" \
    "$(jsii_procs_here) jsii Node.js processes of this clone still running;" \
    "$(find "$work/tmp$mode" -mindepth 1 -maxdepth 1 | wc -l) entries left in the JVM's temp folder" \
    "($(find "$work/tmp$mode" -mindepth 1 -type f | wc -l) files)."
done
say ""

# ---- launcher levers ---------------------------------------------------------------------------------------
if [[ ${LEVERS:-0} == 1 ]]; then
  cp_full="$(ls app/cdk/target/ecs-cdk-app-*[0-9].jar):$(cat app/cdk/target/classpath.txt)"
  declare -A variant=(
    [a-bin-cdk-app]="bin/cdk-app"
    [b-no-appcds]="env START_CACHE=0 bin/cdk-app"
    [c-flags-only]="env START_CACHE=0 CDK_APP_JSII_RUNTIME=0 bin/cdk-app"
    [d-jdk-defaults]="java -cp $cp_full dev.deepdive.ecs.app.EcsApp"
  )
  declare -A label=(
    [a-bin-cdk-app]="bin/cdk-app as shipped: unpacked jsii runtime, start-up cache (AppCDS), SerialGC, C1 only"
    [b-no-appcds]="the same without the start-up cache (START_CACHE=0)"
    [c-flags-only]="without the start-up cache and unpacked runtime (the first launcher: flags only)"
    [d-jdk-defaults]="plain java -cp, JDK 17 defaults, jsii's own runtime extraction"
  )
  # A JDK 25 or later, where one is installed: bin/cdk-app then keeps an AOT cache instead of an AppCDS archive.
  jdk25=$(find /usr/lib/jvm -maxdepth 3 -path '*/bin/java' 2>/dev/null | while read -r j; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$j")")/release" 2>/dev/null)
    [[ $v =~ ^[0-9]+$ ]] && (( v >= 25 )) && { dirname "$(dirname "$j")"; break; }
  done || true)
  if [[ -n $jdk25 ]]; then
    variant[e-jdk25]="env JAVA_HOME=$jdk25 bin/cdk-app"
    label[e-jdk25]="bin/cdk-app on JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk25/release") (JAVA_HOME): AOT cache instead of AppCDS"
  fi
  names=$(printf '%s\n' "${!variant[@]}" | sort)
  for n in $names; do : > "$work/lever-$n.t"; done
  : > "$work/lever-js.t"; : > "$work/lever-build.t"; : > "$work/lever-mvn.t"
  for ((i = 0; i <= runs; i++)); do
    for n in $names; do
      /usr/bin/time -f '%e %M' -o "$work/one" env CDK_VALIDATION=false "$cdk" synth --quiet -o "$work/out-lever" --app "${variant[$n]}" >/dev/null 2>&1 \
        || { echo "run.sh: lever $n failed" >&2; exit 1; }
      (( i > 0 )) && tail -1 "$work/one" >> "$work/lever-$n.t"
    done
    (cd bench/js-reference && /usr/bin/time -f '%e %M' -o "$work/one" env CDK_VALIDATION=false "$cdk" synth --quiet -o "$work/out-lever-js" >/dev/null 2>&1)
    (( i > 0 )) && tail -1 "$work/one" >> "$work/lever-js.t"
    /usr/bin/time -f '%e %M' -o "$work/one" bin/build; (( i > 0 )) && tail -1 "$work/one" >> "$work/lever-build.t"
    /usr/bin/time -f '%e %M' -o "$work/one" mvn -q -B -o -DskipTests package >/dev/null 2>&1; (( i > 0 )) && tail -1 "$work/one" >> "$work/lever-mvn.t"
  done
  js=$(cut -d' ' -f1 "$work/lever-js.t" | median)
  say "Launcher levers (shipped example, validation off; JavaScript: $js s):"
  say ""
  say "| variant | Java | Java/JS |"
  say "|---|---|---|"
  for n in $names; do
    w=$(cut -d' ' -f1 "$work/lever-$n.t" | median)
    say "$(awk -v l="${label[$n]}" -v w="$w" -v s="$js" 'BEGIN {printf "| %s | %.2f s | %.2f |", l, w, w / s}')"
  done
  say "| cdk.json build step when nothing changed (\`bin/build\`) | $(cut -d' ' -f1 "$work/lever-build.t" | median) s | |"
  say "| Maven when nothing changed (\`mvn -q -o package\`, what running through Maven would add) | $(cut -d' ' -f1 "$work/lever-mvn.t" | median) s | |"
  say ""
fi

# ---- ecsctl ------------------------------------------------------------------------------------------------
if [[ ${ECSCTL:-1} == 1 ]]; then
  RUNS=$(( runs < 5 ? 5 : runs )) bench/ecsctl-bench.sh > "$work/ecsctl.txt" 2>"$work/ecsctl.err" \
    || { echo "run.sh: bench/ecsctl-bench.sh failed:" >&2; cat "$work/ecsctl.err" >&2; exit 1; }
  say "ecsctl (bench/ecsctl-bench.sh, load $(load)):"
  sed -n '/^| /p' "$work/ecsctl.txt" | tee -a "$report"
  say ""
fi

# ---- the test command --------------------------------------------------------------------------------------
if [[ ${TESTS:-0} == 1 ]]; then
  # Timed whatever the outcome: a failing test is reported next to the time, not hidden by it.
  t0=$(date +%s)
  outcome=passed
  # shellcheck disable=SC2065 # bin/test is the project's test script, not test(1)
  bin/test --quiet >"$work/test.out" 2>&1 || outcome="FAILED: $(grep -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*' "$work/test.out" | tail -1)"
  say "\`bin/test\` (every test, once): $(( $(date +%s) - t0 )) s wall, $outcome (load $(load))."
  say ""
fi

say "Benchmark wall time: $(( $(date +%s) - started )) s."
cp "$report" "$results/latest.md"
echo "run.sh: written to bench/results/latest.md" >&2
