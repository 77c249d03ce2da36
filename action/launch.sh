#!/usr/bin/env bash
# Starts CQEN.ProfileGen for the Action: the released binary of the Action's own ref when there is
# one, else a build from source with a notice saying so. A released binary runs only when
#   - its archive matches the release's SHA256SUMS, and
#   - GitHub holds a build provenance attestation for the archive's SHA-256 that names this
#     repository, its release workflow and the commit of the release (for a commit pin: the very
#     commit the Action runs from). `gh attestation verify` checks it, signature included, when gh
#     is installed (GitHub-hosted runners); else the launcher reads the attestations API's
#     in-toto statement itself (over TLS from GitHub; the Sigstore signature is not checked).
# The unpacked binary is cached in the runner's tool cache and its SHA-256 recorded outside the
# cache (under $RUNNER_TEMP, per job); it is re-hashed before each run and refused if it differs.
#
#   launch.sh locate        find, download, verify and cache the binary; write binary=PATH (or
#                           source-build=true) to $GITHUB_OUTPUT and stdout
#   launch.sh run ARGS...   run the tool with ARGS: $PROFILEGEN_BINARY when set, a build from
#                           source when PROFILEGEN_SOURCE_BUILD=true, else locate first
#
# Reads: GITHUB_API_URL, GITHUB_TOKEN (the Action's token: sent to the API only, never printed,
# never passed on a command line, never sent to the download host), PROFILEGEN_ACTION_REPOSITORY
# and PROFILEGEN_ACTION_REF (github.action_repository / github.action_ref; derived from
# GITHUB_ACTION_PATH when empty), RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE,
# RUNNER_TEMP, PROFILEGEN_BUILD_COMMAND (how to build from source; default `dotnet run` on the
# checkout), PROFILEGEN_JSON_TOOL (jq or node; default jq when installed, else node),
# PROFILEGEN_ATTESTATION_VERIFIER (gh or api; default gh when installed, else api) and, for `run`,
# PROFILEGEN_BINARY with PROFILEGEN_BINARY_SHA256 (what `locate` gave).
set -euo pipefail

action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
api=${GITHUB_API_URL:-https://api.github.com}
api=${api%/}
work=""
binary=""
binary_sha256=""
commit=""

# Progress only in the Action's own log (its locate step); elsewhere stderr is left to the tool
# and to errors, which are one line each.
say() { if [ -n "${GITHUB_ACTIONS:-}" ]; then printf 'profilegen-action: %s\n' "$*" >&2; fi; }
# One line: in Actions an error annotation (shown in the log and the run's summary), else plain.
fail() {
  if [ -n "${GITHUB_ACTIONS:-}" ]; then printf '::error::profilegen-action: %s\n' "$*" >&2
  else printf 'profilegen-action: error: %s\n' "$*" >&2; fi
  exit 1
}
notice() { if [ -n "${GITHUB_ACTIONS:-}" ]; then printf '::notice::%s\n' "$*" >&2; else printf 'profilegen-action: %s\n' "$*" >&2; fi; }
cleanup() { [ -n "$work" ] && rm -rf "$work"; return 0; }
trap cleanup EXIT

# The repository and ref the Action was started from: owner/name and a tag, branch or commit.
action_identity() {
  repository=${PROFILEGEN_ACTION_REPOSITORY:-}
  ref=${PROFILEGEN_ACTION_REF:-}
  if [ -z "$repository" ] || [ -z "$ref" ]; then
    # The runner checks actions out to .../_actions/OWNER/REPO/REF.
    local path=${GITHUB_ACTION_PATH:-$action_root}
    path=${path%/}
    [ -z "$ref" ] && ref=${path##*/}
    if [ -z "$repository" ]; then
      local rest=${path%/*}
      repository="${rest%/*}"; repository="${repository##*/}/${rest##*/}"
    fi
  fi
}

# The asset name suffix for this runner, e.g. linux-x64.tar.gz.
runner_platform() {
  local os arch
  case "${RUNNER_OS:-$(uname -s)}" in
    Linux) os=linux ;;
    macOS | Darwin) os=osx ;;
    Windows | MINGW* | MSYS* | CYGWIN*) os=win ;;
    *) os=unknown ;;
  esac
  case "${RUNNER_ARCH:-$(uname -m)}" in
    X64 | x86_64 | amd64) arch=x64 ;;
    ARM64 | arm64 | aarch64) arch=arm64 ;;
    *) arch=unknown ;;
  esac
  rid="$os-$arch"
  if [ "$os" = win ]; then archive_ext=zip; exe=profilegen.exe; else archive_ext=tar.gz; exe=profilegen; fi
}

# GET on the API with the Action's token. The header reaches curl on stdin (-K -), so the token
# is on no command line and in no log. Prints the HTTP status; the body goes to $2.
api_get() {
  local url=$1 out=$2 accept=${3:-application/vnd.github+json}
  {
    printf 'url = "%s"\n' "$url"
    printf 'header = "Accept: %s"\n' "$accept"
    printf 'header = "X-GitHub-Api-Version: 2022-11-28"\n'
    printf 'header = "User-Agent: CQEN.ProfileGen-action"\n'
    [ -n "${GITHUB_TOKEN:-}" ] && printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN"
  } | curl --silent --show-error --retry 3 --retry-connrefused --connect-timeout 10 --max-time 120 \
      --output "$out" --write-out '%{http_code} %{redirect_url}' --config - || printf '000 '
}

# Downloads a release asset through the API (Accept: application/octet-stream). GitHub answers
# with a redirect to its download host: that request goes without the Authorization header.
download_asset() {
  local id=$1 out=$2 answer status location
  answer=$(api_get "$api/repos/$repository/releases/assets/$id" "$out" application/octet-stream)
  status=${answer%% *}
  location=${answer#* }
  case "$status" in
    200) return 0 ;;
    301 | 302 | 303 | 307 | 308)
      [ -n "$location" ] || fail "asset $id: redirect without a location"
      curl --silent --show-error --fail --location --retry 3 --retry-connrefused --connect-timeout 10 --max-time 300 \
        --header 'User-Agent: CQEN.ProfileGen-action' --output "$out" "$location" \
        || fail "asset $id: the download from the release's download host failed"
      ;;
    *) fail "asset $id: GitHub answered HTTP $status" ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# Reads GitHub's JSON with jq (on every GitHub-hosted runner) or else node. Queries:
#   published FILE            exit 0 when the release in FILE is not a draft
#   tag FILE                  the release's tag
#   asset FILE NAME           the id of the asset NAME (empty if none)
#   published-tags FILE PFX   tags of the published, non-prerelease releases starting with PFX
#   release FILE TAG          the release TAG from a list, as one JSON document
#   tags-at FILE SHA          the tags (from GET /tags) that point at the commit SHA
#   commit-of FILE TAG        the commit the tag TAG points at (from GET /tags)
#   attested FILE DIGEST COMMIT REPOSITORY
#                             exit 0 when an attestation in FILE (GET /attestations/sha256:DIGEST)
#                             is a SLSA provenance v1 statement about DIGEST, made by
#                             REPOSITORY's .github/workflows/release.yml from the commit COMMIT
json() {
  local query=$1 file=$2 arg=${3:-}
  if [ "$json_tool" = jq ]; then
    case "$query" in
      published) jq -e '.draft | not' "$file" >/dev/null ;;
      tag) jq -r '.tag_name' "$file" ;;
      asset) jq -r --arg n "$arg" '.assets[] | select(.name == $n) | .id' "$file" ;;
      published-tags) jq -r --arg p "$arg" '.[] | select((.draft | not) and (.prerelease | not) and (.tag_name | startswith($p))) | .tag_name' "$file" ;;
      release) jq --arg t "$arg" '.[] | select(.tag_name == $t)' "$file" ;;
      tags-at) jq -r --arg s "$arg" '.[] | select(.commit.sha == $s) | .name' "$file" ;;
      commit-of) jq -r --arg t "$arg" '.[] | select(.name == $t) | .commit.sha' "$file" ;;
      attested)
        jq -e --arg d "$arg" --arg c "$4" --arg r "/$5" '
          [.attestations[]?.bundle.dsseEnvelope
            | select(.payloadType == "application/vnd.in-toto+json")
            | .payload | @base64d | fromjson
            | select(.predicateType == "https://slsa.dev/provenance/v1")
            | select(any(.subject[]?; .digest.sha256 == $d))
            | .predicate.buildDefinition
            | select(.externalParameters.workflow.path == ".github/workflows/release.yml")
            | select(.externalParameters.workflow.repository | ascii_downcase | endswith($r | ascii_downcase))
            | select(any(.resolvedDependencies[]?; .digest.gitCommit == $c))]
          | length > 0' "$file" >/dev/null ;;
    esac
  else
    # shellcheck disable=SC2016 # JavaScript, not shell
    node -e '
      const [query, file, arg, commit, repo] = process.argv.slice(1);
      const data = JSON.parse(require("fs").readFileSync(file, "utf8"));
      const out = (s) => process.stdout.write(s + "\n");
      switch (query) {
        case "published": process.exit(data.draft ? 1 : 0);
        case "tag": out(data.tag_name); break;
        case "asset": for (const a of data.assets) if (a.name === arg) out(String(a.id)); break;
        case "published-tags": for (const r of data) if (!r.draft && !r.prerelease && r.tag_name.startsWith(arg)) out(r.tag_name); break;
        case "release": out(JSON.stringify(data.find((r) => r.tag_name === arg))); break;
        case "tags-at": for (const t of data) if (t.commit.sha === arg) out(t.name); break;
        case "commit-of": for (const t of data) if (t.name === arg) out(t.commit.sha); break;
        case "attested": {
          const ok = (data.attestations || []).some((a) => {
            const env = a && a.bundle && a.bundle.dsseEnvelope;
            if (!env || env.payloadType !== "application/vnd.in-toto+json") return false;
            let s;
            try { s = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")); } catch { return false; }
            const b = s.predicate && s.predicate.buildDefinition;
            const w = b && b.externalParameters && b.externalParameters.workflow;
            return s.predicateType === "https://slsa.dev/provenance/v1"
              && (s.subject || []).some((x) => x.digest && x.digest.sha256 === arg)
              && w && w.path === ".github/workflows/release.yml"
              && typeof w.repository === "string" && w.repository.toLowerCase().endsWith("/" + repo.toLowerCase())
              && (b.resolvedDependencies || []).some((d) => d.digest && d.digest.gitCommit === commit);
          });
          process.exit(ok ? 0 : 1);
        }
      }' "$query" "$file" "$arg" "${4:-}" "${5:-}"
  fi
}

# Sets $release (path to the release JSON) for the Action's ref, and $commit (the commit the
# binary must have been built from: the pinned commit, else the commit of the release's tag), or
# returns 1 when none matches.
find_release() {
  local answer status
  commit=""
  if [[ "$ref" =~ ^[0-9a-f]{40}$ ]]; then
    commit=$ref
    # Pinned to a commit (as the starter workflow suggests): the release tagged at that commit.
    answer=$(api_get "$api/repos/$repository/tags?per_page=100" "$work/tags.json")
    status=${answer%% *}
    [ "$status" = 200 ] || { why="could not list the tags of $repository (HTTP $status)"; return 1; }
    local tagged
    tagged=$(json tags-at "$work/tags.json" "$ref" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -t. -k2,2n -k3,3n | tail -n 1 || true)
    [ -n "$tagged" ] || { why="commit $ref has no release tag"; return 1; }
    ref=$tagged
  fi
  if [[ "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]]; then
    answer=$(api_get "$api/repos/$repository/releases/tags/$ref" "$work/release.json")
    status=${answer%% *}
    [ "$status" = 200 ] || { why="no release for tag $ref (HTTP $status)"; return 1; }
    json published "$work/release.json" || { why="the release for $ref is a draft"; return 1; }
    release=$work/release.json
  elif [[ "$ref" =~ ^v[0-9]+(\.[0-9]+)?$ ]]; then
    # A moving tag (v1, v1.2): the newest published release under it.
    answer=$(api_get "$api/repos/$repository/releases?per_page=100" "$work/releases.json")
    status=${answer%% *}
    [ "$status" = 200 ] || { why="could not list the releases of $repository (HTTP $status)"; return 1; }
    local newest
    newest=$(json published-tags "$work/releases.json" "$ref." \
      | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -t. -k2,2n -k3,3n | tail -n 1 || true)
    [ -n "$newest" ] || { why="no release under $ref"; return 1; }
    json release "$work/releases.json" "$newest" >"$work/release.json"
    release=$work/release.json
  else
    why="$ref is a branch, not a release tag"
    return 1
  fi
  if [ -z "$commit" ]; then
    answer=$(api_get "$api/repos/$repository/tags?per_page=100" "$work/tags.json")
    status=${answer%% *}
    [ "$status" = 200 ] || fail "could not list the tags of $repository (HTTP $status) to find the commit of $(json tag "$release")"
    commit=$(json commit-of "$work/tags.json" "$(json tag "$release")" | head -n 1)
    [[ "$commit" =~ ^[0-9a-f]{40}$ ]] || fail "tag $(json tag "$release") of $repository is not among its newest 100 tags; cannot check where its binary was built"
  fi
}

# Refuses (exit 1, one line) unless GitHub holds a build provenance attestation for the archive
# $1 (SHA-256 $2) made by this repository's release workflow from the commit $commit.
verify_provenance() {
  local file=$1 digest=$2 verifier=${PROFILEGEN_ATTESTATION_VERIFIER:-}
  if [ -z "$verifier" ]; then
    if command -v gh >/dev/null 2>&1; then verifier=gh; else verifier=api; fi
  fi
  local refusal="no build provenance attestation of $repository's release workflow at commit $commit for ${file##*/} (sha256 $digest); refusing to run it"
  if [ "$verifier" = gh ]; then
    # The signature, its certificate (repository, workflow, commit) and the transparency log.
    local host=${api#*://}
    host=${host%%/*}
    [ "$host" = api.github.com ] && host=github.com
    GH_TOKEN=${GITHUB_TOKEN:-} GH_HOST=$host gh attestation verify "$file" --repo "$repository" \
      --source-digest "$commit" --signer-workflow "$host/$repository/.github/workflows/release.yml" >/dev/null 2>&1 \
      || fail "gh attestation verify: $refusal"
    return 0
  fi
  local answer status
  answer=$(api_get "$api/repos/$repository/attestations/sha256:$digest?predicate_type=provenance" "$work/attestations.json")
  status=${answer%% *}
  case "$status" in
    200) json attested "$work/attestations.json" "$digest" "$commit" "$repository" || fail "$refusal" ;;
    404) fail "$refusal" ;;
    *) fail "could not read the attestations of $repository (HTTP $status); refusing to run an unverified binary" ;;
  esac
}

# Where the SHA-256 of the binary verified for a commit and platform is recorded: outside the
# tool cache (which other jobs on a self-hosted runner may write), in this job's temporary folder.
verified_record() {
  local root=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
  printf '%s/profilegen-verified/%s-%s.sha256' "$root" "$1" "$2"
}

locate() {
  action_identity
  runner_platform
  json_tool=${PROFILEGEN_JSON_TOOL:-}
  if [ -z "$json_tool" ]; then
    if command -v jq >/dev/null 2>&1; then json_tool=jq; elif command -v node >/dev/null 2>&1; then json_tool=node; fi
  fi
  if [ -z "$json_tool" ]; then
    source_build "neither jq nor node is installed on this runner, so the release cannot be looked up"
    return
  fi
  work=$(mktemp -d)
  local why="" release=""
  if ! find_release; then
    source_build "$why"
    return
  fi
  local tag version asset_name asset_id sums_id
  tag=$(json tag "$release")
  version=${tag#v}
  asset_name="profilegen-$version-$rid.$archive_ext"
  asset_id=$(json asset "$release" "$asset_name")
  sums_id=$(json asset "$release" SHA256SUMS)
  if [ -z "$asset_id" ]; then
    source_build "release $tag has no binary for $rid ($asset_name)"
    return
  fi
  [ -n "$sums_id" ] || fail "release $tag has no SHA256SUMS asset; refusing to run an unverified binary"

  local cache_root=${RUNNER_TOOL_CACHE:-${TMPDIR:-/tmp}/profilegen-tool-cache}
  local dir="$cache_root/profilegen/$version/$rid"
  local record
  record=$(verified_record "$commit" "$rid")
  # Tool-cache convention: DIR.complete marks a finished copy (here with the asset id, so a
  # re-uploaded asset is downloaded again). It is used only when this job verified it: its hash
  # is recorded outside the cache; a copy that differs from the record is refused.
  if [ -f "$dir.complete" ] && [ "$(cat "$dir.complete")" = "$asset_id" ] && [ -x "$dir/$exe" ] && [ -f "$record" ]; then
    binary="$dir/$exe"
    binary_sha256=$(cat "$record")
    check_binary
    say "using cached $tag ($rid) from the tool cache"
    report
    return
  fi

  say "downloading $asset_name from release $tag"
  download_asset "$sums_id" "$work/SHA256SUMS"
  download_asset "$asset_id" "$work/$asset_name"
  local expected actual
  expected=$(awk -v n="$asset_name" '{ f = $2; sub(/^\*/, "", f) } f == n { print tolower($1); exit }' "$work/SHA256SUMS")
  [ -n "$expected" ] || fail "SHA256SUMS of release $tag lists no checksum for $asset_name; refusing to run it"
  actual=$(sha256_of "$work/$asset_name")
  [ "$expected" = "$actual" ] || fail "checksum mismatch for $asset_name of release $tag: expected $expected, got $actual; refusing to run it"
  verify_provenance "$work/$asset_name" "$actual"

  # Unpack beside the cache entry, then rename it into place: a job sharing this runner's tool
  # cache never sees a half-unpacked binary.
  mkdir -p "${dir%/*}"
  local stage
  stage=$(mktemp -d "$dir.unpacking.XXXXXX")
  if [ "$archive_ext" = zip ]; then
    if command -v unzip >/dev/null 2>&1; then unzip -q -o "$work/$asset_name" -d "$stage"
    else
      # The paths reach PowerShell as environment variables, never inside the command's text.
      # shellcheck disable=SC2016 # PowerShell variables, not shell ones
      PROFILEGEN_ARCHIVE="$work/$asset_name" PROFILEGEN_STAGE="$stage" pwsh -NoProfile -NonInteractive -Command \
        'Expand-Archive -LiteralPath $env:PROFILEGEN_ARCHIVE -DestinationPath $env:PROFILEGEN_STAGE -Force'
    fi
  else
    tar -xzf "$work/$asset_name" -C "$stage"
  fi
  [ -f "$stage/$exe" ] || { rm -rf "$stage"; fail "release $tag: $asset_name holds no $exe"; }
  chmod +x "$stage/$exe"
  binary_sha256=$(sha256_of "$stage/$exe")
  mkdir -p "${record%/*}"
  printf '%s\n' "$binary_sha256" >"$record"
  rm -rf "$dir" "$dir.complete"
  mv "$stage" "$dir"
  printf '%s' "$asset_id" >"$dir.complete"
  binary="$dir/$exe"
  check_binary
  report
}

# Refuses (one line) when $binary's SHA-256 is not $binary_sha256, the hash recorded when it was
# verified: a tool cache entry replaced after the check never runs.
check_binary() {
  local actual
  actual=$(sha256_of "$binary")
  [ "$actual" = "$binary_sha256" ] || fail "$binary differs from the binary verified for this Action (sha256 $actual, verified $binary_sha256); refusing to run it (delete that tool cache entry)"
}

source_build() {
  notice "CQEN.ProfileGen: $1; building the tool from source (slower; needs the .NET SDK)."
  binary=""
  report
}

report() {
  if [ -n "$binary" ]; then
    printf 'binary=%s\nbinary-sha256=%s\n' "$binary" "$binary_sha256"
    [ -n "${GITHUB_OUTPUT:-}" ] && printf 'binary=%s\nbinary-sha256=%s\n' "$binary" "$binary_sha256" >>"$GITHUB_OUTPUT"
  else
    printf 'source-build=true\n'
    [ -n "${GITHUB_OUTPUT:-}" ] && printf 'source-build=true\n' >>"$GITHUB_OUTPUT"
  fi
  return 0
}

run_tool() {
  if [ -n "${PROFILEGEN_BINARY:-}" ]; then
    binary=$PROFILEGEN_BINARY
    binary_sha256=${PROFILEGEN_BINARY_SHA256:-}
  elif [ "${PROFILEGEN_SOURCE_BUILD:-}" = true ]; then
    binary=""
  else
    locate >/dev/null
  fi
  cleanup
  work=""
  if [ -n "$binary" ]; then
    # Re-hashed just before it starts: the step that located it may have run a while ago.
    [ -n "$binary_sha256" ] && check_binary
    exec "$binary" "$@"
  fi
  if [ -n "${PROFILEGEN_BUILD_COMMAND:-}" ]; then
    # A command line chosen by whoever starts the launcher (tests, benchmarks); split on spaces.
    # shellcheck disable=SC2086
    exec $PROFILEGEN_BUILD_COMMAND "$@"
  fi
  exec dotnet run -c Release --project "$action_root/src/CQEN.ProfileGen" -- "$@"
}

case "${1:-}" in
  locate) locate ;;
  run) shift; run_tool "$@" ;;
  *) printf 'usage: launch.sh locate | run ARGS...\n' >&2; exit 2 ;;
esac
