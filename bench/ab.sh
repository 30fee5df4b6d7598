#!/usr/bin/env bash
# A/B comparison of two clones of this repository (e.g. before and after a change), runs interleaved so that a
# shared, loaded machine weighs on both sides alike: the README's default synth (`npx cdk synth`, validation
# on) and `bin/ecsctl --help`, each the median of RUNS runs after one warm-up (the warm-up also writes the
# start-up caches). Prints a Markdown table. Needs GNU time (/usr/bin/time).
#   bench/ab.sh DIR_A DIR_B        env: RUNS=5 (>= 3)
# Both clones must have run bin/setup.
set -euo pipefail
declare -A dirs
dirs[a]=$(cd "${1:?usage: bench/ab.sh DIR_A DIR_B}" && pwd)
dirs[b]=$(cd "${2:?usage: bench/ab.sh DIR_A DIR_B}" && pwd)
runs=${RUNS:-5}
if ! [[ $runs =~ ^[0-9]+$ ]] || (( runs < 3 )); then echo "ab.sh: RUNS must be a whole number >= 3, got '$runs'" >&2; exit 2; fi
[[ -x /usr/bin/time ]] || { echo "ab.sh: GNU time is needed: apt-get install -y time" >&2; exit 1; }
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

one() { # label dir command...
  local label=$1 dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -f '%e' -o "$work/t" "$@" >/dev/null 2>&1) || { echo "ab.sh: failed in $dir: $*" >&2; exit 1; }
  cat "$work/t" >> "$work/$label"
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for side in a b; do
  dir=${dirs[$side]}
  (cd "$dir" && bin/build >/dev/null && rm -rf cdk.out && npx cdk synth --quiet >/dev/null 2>&1 && bin/ecsctl --help >/dev/null)
done
for ((i = 0; i < runs; i++)); do
  for side in a b; do
    dir=${dirs[$side]}
    one "synth-$side" "$dir" env -u CDK_VALIDATION npx cdk synth --quiet
    one "help-$side" "$dir" bin/ecsctl --help
  done
done
echo "| measurement (median of $runs, interleaved; load $(cut -d' ' -f1-3 /proc/loadavg)) | A | B | B/A |"
echo "|---|---|---|---|"
for m in synth help; do
  ma=$(median < "$work/$m-a"); mb=$(median < "$work/$m-b")
  # shellcheck disable=SC2016 # Markdown backquotes, not command substitution
  name=$([[ $m == synth ]] && echo '`npx cdk synth` (validation on)' || echo '`bin/ecsctl --help`')
  awk -v n="$name" -v x="$ma" -v y="$mb" 'BEGIN {printf "| %s | %.2f s | %.2f s | %.2f |\n", n, x, y, y / x}'
done
