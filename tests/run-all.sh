#!/usr/bin/env bash
# The project's one test command (`npm test`): validate data, type-check, build, check the build log, then run every vitest project once.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# Put the pinned Node 24 (the `node` dev dependency) first even when this script is run directly with bash.
export PATH="$repo/node_modules/.bin:$PATH"
export ASTRO_TELEMETRY_DISABLED=1

artifacts="$repo/tests/artifacts"
mkdir -p "$artifacts"
summary_re='^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$'

# Any failure before vitest still has to end with the plain summary line CI reads.
fail_early() {
  echo "run-all: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

step() { printf '\n=== %s ===\n' "$1"; }

step "node"
node --version || fail_early "node is not runnable"

step "data validation (npm run check)"
npm run --silent check || fail_early "data validation failed"

# astro check type-checks .astro and .ts files together (plain tsc cannot resolve .astro imports).
step "typecheck (astro check)"
npm run --silent typecheck || fail_early "typecheck failed"

step "build (npm run build)"
build_log="$artifacts/build.log"
npm run build 2>&1 | tee "$build_log"
build_status=${PIPESTATUS[0]}
[[ $build_status -eq 0 ]] || fail_early "build failed (exit $build_status); log in $build_log"
# Astro reports problems it recovers from (broken images, missing routes, vite warnings) only in the log.
# No allowlist: the one known-harmless warning (Astro's own "use astro:head-inject" marker, withastro/astro#18087)
# is dropped, narrowly, by build.rolldownOptions.onwarn in astro.config.mjs, which says why.
# The colour codes are stripped first so the match works whether or not the log was coloured.
bad_lines="$(sed -E 's/\x1b\[[0-9;]*m//g' "$build_log" | grep -E '\[(ERROR|WARN)\]' || true)"
if [[ -n "$bad_lines" ]]; then
  printf '%s\n' "$bad_lines" >&2
  fail_early "build log has [ERROR]/[WARN] lines (see above)"
fi

step "tests (vitest: every project in vitest.config.ts, including host: dist/ served by wrangler pages dev)"
vitest_log="$artifacts/vitest.log"
npx vitest run 2>&1 | tee "$vitest_log"
vitest_status=${PIPESTATUS[0]}

summary="$(sed -E 's/\x1b\[[0-9;]*m//g' "$vitest_log" | grep -E "$summary_re" | tail -n 1 || true)"
last_line="$(sed -E 's/\x1b\[[0-9;]*m//g' "$vitest_log" | grep -v '^[[:space:]]*$' | tail -n 1 || true)"
if [[ -z "$summary" ]]; then
  # vitest died before reporting (bad config, crash): count that as one failure.
  echo "0 passed, 1 failed"
  exit 1
fi
# vitest sometimes logs after the reporters finish (e.g. hanging-process notices); keep the summary last.
[[ "$last_line" == "$summary" ]] || echo "$summary"
if [[ $vitest_status -eq 0 && "$summary" =~ ^[0-9]+\ passed,\ 0\ failed ]]; then exit 0; fi
exit 1
