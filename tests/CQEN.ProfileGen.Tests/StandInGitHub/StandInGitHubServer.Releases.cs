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

    public FakeRelease AddRelease(string owner, string repo, string tag, bool draft = false, bool prerelease = false)
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
                Commit = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"{owner}/{repo}@{tag}"))),
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
