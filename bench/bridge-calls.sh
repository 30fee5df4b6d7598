#!/usr/bin/env bash
# Counts the jsii bridge calls of a Java synth (issue 6): every request the JVM sends to the jsii kernel, by
# kind, for the shipped example and for one generated environment with 1 and 11 services, and the calls one more
# service costs. A call is a round trip to Node.js, about 0.1-0.3 ms plus the JavaScript work it asks for, so the
# count is the Java-only part of the synth time that code can change. Deterministic: no timing, no medians.
#
#   bench/bridge-calls.sh            (from a clone after bin/setup; about 20 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_VALIDATION=false
[[ -x node_modules/.bin/cdk ]] || npm ci --no-audit --no-fund --loglevel=error
bin/build
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# requests <label> [cdk args...]: synthesizes with the kernel's request log on; prints "<count> <label>" and
# keeps the log's requests in $work/<label>.requests.
requests() {
  local label=$1; shift
  if ! JSII_DEBUG=1 node_modules/.bin/cdk synth --quiet -o "$work/out-$label" "$@" 2>"$work/$label.log" >/dev/null; then
    echo "bridge-calls.sh: the $label synth failed:" >&2; grep -v '^\(>\|<\|\[@jsii\)' "$work/$label.log" | tail -20 >&2
    exit 1
  fi
  grep '^> ' "$work/$label.log" > "$work/$label.requests" || true
  echo "$(wc -l < "$work/$label.requests") $label"
}

node bench/generate.js "$work/gen1" 1 1
node bench/generate.js "$work/gen11" 1 11
read -r shipped _ < <(requests shipped)
read -r one _ < <(requests one-service -c "environmentsDir=$work/gen1/environments")
read -r eleven _ < <(requests eleven-services -c "environmentsDir=$work/gen11/environments")

echo "| synth (validation off) | bridge calls |"
echo "|---|---|"
echo "| shipped example (3 environments, 6 services) | $shipped |"
echo "| 1 environment x 1 service | $one |"
echo "| 1 environment x 11 services | $eleven |"
echo "| one more service (incl. its share of new service stacks) | $(( (eleven - one) / 10 )) |"
echo
echo "Most frequent in the shipped example:"
echo
echo "| calls | request |"
echo "|---|---|"
# shellcheck disable=SC2016  # the single quotes hold JavaScript, not shell
node -e '
  const counts = new Map();
  for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
    if (!line.startsWith("> ")) continue;
    const r = JSON.parse(line.slice(2));
    const ref = (o) => o["$jsii.byref"].split("@")[0];
    const key = r.api === "get" || r.api === "set" ? `${r.api} ${ref(r.objref)}.${r.property}`
      : r.api === "invoke" ? `invoke ${ref(r.objref)}.${r.method}`
      : r.api === "sinvoke" || r.api === "sget" ? `${r.api} ${r.fqn}.${r.method ?? r.property}`
      : r.api === "naming" ? "naming (the Java runtime looks up the class of a returned object)"
      : r.fqn ? `create ${r.fqn}` : r.api;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`| ${n} | ${key} |`);
' "$work/shipped.requests"
