#!/usr/bin/env bash
# Validates action.yml and every workflow (ours and the one `profilegen init` writes) against
# GitHub's schemas with @action-validator/cli, installed from the npm registry into a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tools" @action-validator/cli@0.6.0 @action-validator/core@0.6.0 >/dev/null
status=0
for file in action.yml .github/workflows/*.yml templates/starter/profile-readme.yml; do
  if "$tools/node_modules/.bin/action-validator" "$file"; then
    echo "valid: $file"
  else
    echo "INVALID: $file" >&2
    status=1
  fi
done
exit $status
