#!/usr/bin/env bash
# A release as the release workflow makes it: a clone of this checkout's HEAD tagged v1.2.3,
# packed. The package must be CQEN.ProfileGen 1.2.3 with its metadata, roll forward to newer
# runtimes, install as the dotnet tool `profilegen`, say its version with the commit, and render
# the bundled sample. (This was a test under `dotnet test`; it spawns a whole pack and install,
# so it runs here, once per CI run.) Needs git, dotnet, unzip and jq.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
clone=$scratch/clone packages=$scratch/packages tools=$scratch/tools

fail() {
  echo "package check: $*" >&2
  exit 1
}

# Without the repository's own tags (a release run has v1.x on HEAD), so v1.2.3 is the version.
git clone --quiet --no-hardlinks --no-tags . "$clone"
git -C "$clone" tag v1.2.3
commit=$(git -C "$clone" rev-parse HEAD)

dotnet pack "$clone/src/CQEN.ProfileGen" -c Release -o "$packages" -p:ContinuousIntegrationBuild=true --nologo -v quiet
nupkg=$packages/CQEN.ProfileGen.1.2.3.nupkg
[ "$(ls "$packages"/*.nupkg)" = "$nupkg" ] || fail "expected only CQEN.ProfileGen.1.2.3.nupkg, got: $(ls "$packages")"

# The metadata NuGet writes, one element or attribute at a time.
nuspec=$(unzip -p "$nupkg" CQEN.ProfileGen.nuspec)
expect() {
  grep -qF -- "$1" <<<"$nuspec" || fail "the nuspec lacks $1"
}
expect "<version>1.2.3</version>"
expect "<repository type=\"git\" url=\"https://github.com/CQEN-QDCE/profilegen\" commit=\"$commit\" />"
expect "<projectUrl>https://github.com/CQEN-QDCE/profilegen</projectUrl>"
expect "<license type=\"expression\">LiLiQ-P-1.1</license>"
expect "<readme>README.md</readme>"
grep -Eq '<tags>([^<]* )?github( [^<]*)?</tags>' <<<"$nuspec" || fail "the nuspec's tags lack 'github'"

# The package README is the short one written for nuget.org, not the repository's manual.
readme=$(unzip -p "$nupkg" README.md)
grep -qF "dotnet tool install -g CQEN.ProfileGen" <<<"$readme" || fail "the package README does not say how to install"
[ "${#readme}" -lt 4000 ] || fail "the package README is ${#readme} characters (the manual?)"

roll=$(unzip -p "$nupkg" tools/net10.0/any/profilegen.runtimeconfig.json | jq -r .runtimeOptions.rollForward)
[ "$roll" = "Major" ] || fail "rollForward is '$roll', not Major"

# Satellite resources only in English and French.
others=$(unzip -Z1 "$nupkg" | grep '\.resources\.dll$' | awk -F/ '{print $(NF-1)}' | sort -u | grep -vx -e en -e fr || true)
[ -z "$others" ] || fail "satellite resources for other cultures: $others"

dotnet tool install CQEN.ProfileGen --tool-path "$tools" --add-source "$packages" --version 1.2.3 >/dev/null
version=$("$tools/profilegen" --version)
[ "$version" = "1.2.3+$commit" ] || fail "--version says '$version', not 1.2.3+$commit"
"$tools/profilegen" publish --help | grep -q -- "--dry-run" || fail "publish --help does not show --dry-run"
"$tools/profilegen" render --config "$clone/samples/cqen-qdce.profilegen.yml" --snapshot "$clone/samples/cqen-qdce.snapshot.json" >"$scratch/sample.md"
grep -q "Nos dépôts" "$scratch/sample.md" || fail "the installed tool did not render the sample"

echo "package check: CQEN.ProfileGen 1.2.3 (+$commit) packs, installs and renders the sample"
