using System.Globalization;
using System.Text.Json.Nodes;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// Releases and their assets, as the Action's launcher reads them: GET /repos/{o}/{r}/releases
// (newest first; drafts only for tokens with push access), /releases/tags/{tag} (never a draft),
// /releases/assets/{id}, and /tags (the releases' tags and the commits they point at). With Accept: application/octet-stream an asset answers 302 to the
// "download host" (/_downloads/..., which needs no token), as GitHub redirects to its object store.
public sealed partial class StandInGitHubServer
{
    private readonly List<FakeRelease> _releases = [];

    public FakeRelease AddRelease(string owner, string repo, string tag, bool draft = false, bool prerelease = false, string? commit = null)
    {
        lock (State.Gate)
        {
            var release = new FakeRelease
            {
                Id = State.NextId(),
                Repo = $"{owner}/{repo}",
                Tag = tag,
                Draft = draft,
                Prerelease = prerelease,
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(_releases.Count),
                Commit = commit ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"{owner}/{repo}@{tag}"))),
            };
            _releases.Add(release);
            return release;
        }
    }

    public FakeAsset AddAsset(FakeRelease release, string name, byte[] bytes, string contentType = "application/octet-stream")
    {
        lock (State.Gate)
        {
            var asset = new FakeAsset(State.NextId(), name, bytes, contentType);
            release.Assets.Add(asset);
            return asset;
        }
    }

    /// <summary>
    /// What actions/attest-build-provenance stores when the release workflow of <paramref name="release"/>'s
    /// repository, run for its tag at <paramref name="commit"/> (default the release's), attests
    /// <paramref name="bytes"/>: a Sigstore bundle whose DSSE payload is an in-toto statement with a
    /// SLSA provenance v1 predicate naming the repository, the workflow and the commit.
    /// </summary>
    public void AttestBuildProvenance(FakeRelease release, string subjectName, byte[] bytes, string? commit = null, string workflowPath = ".github/workflows/release.yml")
    {
        lock (State.Gate)
        {
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            _attestations.Add(new FakeAttestation(State.NextId(), release.Repo, digest, ProvenanceStatement(release, subjectName, digest, commit ?? release.Commit, workflowPath)));
        }
    }

    private readonly List<FakeAttestation> _attestations = [];

    // The statement @actions/attest's buildSLSAProvenancePredicate writes for a workflow run
    // (https://slsa.dev/provenance/v1, build type https://actions.github.io/buildtypes/workflow/v1).
    private static JsonObject ProvenanceStatement(FakeRelease release, string subjectName, string digest, string commit, string workflowPath)
    {
        var server = "https://github.com";
        var gitRef = $"refs/tags/{release.Tag}";
        return new JsonObject
        {
            ["_type"] = "https://in-toto.io/Statement/v1",
            ["subject"] = new JsonArray(new JsonObject { ["name"] = subjectName, ["digest"] = new JsonObject { ["sha256"] = digest } }),
            ["predicateType"] = "https://slsa.dev/provenance/v1",
            ["predicate"] = new JsonObject
            {
                ["buildDefinition"] = new JsonObject
                {
                    ["buildType"] = "https://actions.github.io/buildtypes/workflow/v1",
                    ["externalParameters"] = new JsonObject
                    {
                        ["workflow"] = new JsonObject { ["ref"] = gitRef, ["repository"] = $"{server}/{release.Repo}", ["path"] = workflowPath },
                    },
                    ["internalParameters"] = new JsonObject
                    {
                        ["github"] = new JsonObject { ["event_name"] = "push", ["repository_id"] = "1", ["repository_owner_id"] = "1", ["runner_environment"] = "github-hosted" },
                    },
                    ["resolvedDependencies"] = new JsonArray(new JsonObject
                    {
                        ["uri"] = $"git+{server}/{release.Repo}@{gitRef}",
                        ["digest"] = new JsonObject { ["gitCommit"] = commit },
                    }),
                },
                ["runDetails"] = new JsonObject
                {
                    ["builder"] = new JsonObject { ["id"] = $"{server}/{release.Repo}/{workflowPath}@{gitRef}" },
                    ["metadata"] = new JsonObject { ["invocationId"] = $"{server}/{release.Repo}/actions/runs/1/attempts/1" },
                },
            },
        };
    }

    // GET /repos/{o}/{r}/attestations/sha256:{digest}: {"attestations": [{bundle, repository_id,
    // bundle_url, initiator}]}, the Sigstore bundle inline (API version 2022-11-28); 404 when the
    // repository holds none for that digest. The stand-in's bundles carry no real signature, and
    // it does not serve bundle_url (a snappy-compressed copy on GitHub's blob store).
    private Response Attestations(Call call, FakeRepo repo)
    {
        var subject = Uri.UnescapeDataString(call["digest"]);
        var found = _attestations.Where(a => a.Repo.Equals(repo.FullName, StringComparison.OrdinalIgnoreCase) && $"sha256:{a.Digest}" == subject).ToArray();
        if (found.Length == 0)
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/repos/repos#list-attestations");
        }
        return Json(200, new JsonObject
        {
            ["attestations"] = new JsonArray([.. found.Select(a => (JsonNode)new JsonObject
            {
                ["bundle"] = new JsonObject
                {
                    ["mediaType"] = "application/vnd.dev.sigstore.bundle.v0.3+json",
                    ["verificationMaterial"] = new JsonObject
                    {
                        ["certificate"] = new JsonObject { ["rawBytes"] = Convert.ToBase64String("stand-in certificate"u8) },
                        ["tlogEntries"] = new JsonArray(),
                        ["timestampVerificationData"] = new JsonObject(),
                    },
                    ["dsseEnvelope"] = new JsonObject
                    {
                        ["payload"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(a.Statement.ToJsonString())),
                        ["payloadType"] = "application/vnd.in-toto+json",
                        ["signatures"] = new JsonArray(new JsonObject { ["sig"] = Convert.ToBase64String("stand-in signature"u8) }),
                    },
                },
                ["repository_id"] = repo.Id,
                ["bundle_url"] = $"https://tmaproduction.blob.core.windows.net/attestations/{a.Id}.json.sn",
                ["initiator"] = "user",
            })]),
        });
    }

    private FakeRelease[] ReleasesOf(FakeRepo repo) => [.. _releases.Where(r => r.Repo.Equals(repo.FullName, StringComparison.OrdinalIgnoreCase))];

    private Response Tags(Call call, FakeRepo repo)
    {
        var tags = ReleasesOf(repo).Where(r => !r.Draft).OrderByDescending(r => r.Tag, StringComparer.Ordinal).ToArray();
        return Paged(tags, call.Query, call.ApiBase, $"repos/{repo.FullName}/tags", r =>
        {
            var json = Payload("get_repos_owner_repo_tags.200.default.json")[0]!.DeepClone();
            json["name"] = r.Tag;
            json["commit"]!["sha"] = r.Commit;
            json["commit"]!["url"] = $"{call.ApiBase}repos/{repo.FullName}/commits/{r.Commit}";
            json["zipball_url"] = $"{call.ApiBase}repos/{repo.FullName}/zipball/refs/tags/{r.Tag}";
            json["tarball_url"] = $"{call.ApiBase}repos/{repo.FullName}/tarball/refs/tags/{r.Tag}";
            return json;
        });
    }

    private Response Releases(Call call, FakeRepo repo)
    {
        var visible = ReleasesOf(repo).Where(r => !r.Draft || call.User is { CanWrite: true })
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToArray();
        return Paged(visible, call.Query, call.ApiBase, $"repos/{repo.FullName}/releases",
            r => ReleaseJson("get_repos_owner_repo_releases.200.default.json", r, call.ApiBase, item: true));
    }

    private Response ReleaseByTag(Call call, FakeRepo repo)
    {
        var tag = Uri.UnescapeDataString(call["tag"]);
        return ReleasesOf(repo).FirstOrDefault(r => r.Tag == tag && !r.Draft) is { } release
            ? Json(200, ReleaseJson("get_repos_owner_repo_releases_tags_tag.200.default.json", release, call.ApiBase, item: false))
            : Error(404, "Not Found", "https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name");
    }

    private Response ReleaseAsset(Call call, FakeRepo repo)
    {
        var id = int.Parse(call["id"], CultureInfo.InvariantCulture);
        var found = ReleasesOf(repo).SelectMany(r => r.Assets.Select(a => (Release: r, Asset: a))).FirstOrDefault(x => x.Asset.Id == id);
        if (found.Asset is null)
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/releases/assets#get-a-release-asset");
        }
        if (call.Accept.Contains("application/octet-stream", StringComparison.Ordinal))
        {
            // GitHub sends the bytes from another host, with a short-lived signed URL.
            return new Response(302, null, new Dictionary<string, string> { ["location"] = DownloadUrl(found.Asset) });
        }
        return Json(200, AssetJson(Payload("get_repos_owner_repo_releases_assets_asset_id.200.default.json"), found.Release, found.Asset, call.ApiBase));
    }

    /// <summary>The download host: serves asset bytes to anyone holding the signed URL, with no token.</summary>
    private Response Download(Call call)
    {
        lock (State.Gate)
        {
            var id = int.Parse(call["id"], CultureInfo.InvariantCulture);
            var asset = _releases.SelectMany(r => r.Assets).FirstOrDefault(a => a.Id == id);
            return asset is null
                ? new Response(404, null, new Dictionary<string, string>(), [], "text/plain")
                : new Response(200, null, new Dictionary<string, string>(), asset.Bytes, asset.ContentType);
        }
    }

    private string DownloadUrl(FakeAsset asset) => $"{BaseUrl}_downloads/{asset.Id}/{Uri.EscapeDataString(asset.Name)}?sig=stand-in";

    private JsonNode ReleaseJson(string example, FakeRelease release, string apiBase, bool item)
    {
        var json = item ? Payload(example)[0]!.DeepClone() : Payload(example);
        var api = $"{apiBase}repos/{release.Repo}/releases/{release.Id}";
        json["url"] = api;
        json["html_url"] = $"https://github.com/{release.Repo}/releases/tag/{release.Tag}";
        json["assets_url"] = api + "/assets";
        json["upload_url"] = $"https://uploads.github.com/repos/{release.Repo}/releases/{release.Id}/assets{{?name,label}}";
        json["tarball_url"] = $"{apiBase}repos/{release.Repo}/tarball/{release.Tag}";
        json["zipball_url"] = $"{apiBase}repos/{release.Repo}/zipball/{release.Tag}";
        json["id"] = release.Id;
        json["tag_name"] = release.Tag;
        json["name"] = release.Tag;
        json["draft"] = release.Draft;
        json["prerelease"] = release.Prerelease;
        json["created_at"] = Iso(release.CreatedAt);
        json["published_at"] = release.Draft ? null : Iso(release.CreatedAt);
        var template = json["assets"]![0]!;
        json["assets"] = new JsonArray([.. release.Assets.Select(a => AssetJson(template.DeepClone(), release, a, apiBase))]);
        return json;
    }

    private static JsonNode AssetJson(JsonNode json, FakeRelease release, FakeAsset asset, string apiBase)
    {
        json["url"] = $"{apiBase}repos/{release.Repo}/releases/assets/{asset.Id}";
        json["browser_download_url"] = $"https://github.com/{release.Repo}/releases/download/{release.Tag}/{asset.Name}";
        json["id"] = asset.Id;
        json["name"] = asset.Name;
        json["label"] = "";
        json["content_type"] = asset.ContentType;
        json["size"] = asset.Bytes.Length;
        json["created_at"] = Iso(release.CreatedAt);
        json["updated_at"] = Iso(release.CreatedAt);
        return json;
    }
}

public sealed class FakeRelease
{
    public required int Id { get; init; }
    public required string Repo { get; init; }
    public required string Tag { get; init; }
    public bool Draft { get; set; }
    public bool Prerelease { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The commit the release's tag points at.</summary>
    public required string Commit { get; init; }
    public List<FakeAsset> Assets { get; } = [];
}

public sealed record FakeAsset(int Id, string Name, byte[] Bytes, string ContentType);

public sealed record FakeAttestation(int Id, string Repo, string Digest, JsonObject Statement);
