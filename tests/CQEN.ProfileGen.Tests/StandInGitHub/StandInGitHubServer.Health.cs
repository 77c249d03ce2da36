using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// The health fields of a repository, as GitHub types and answers them (schema.graphql):
// isSecurityPolicyEnabled counts a SECURITY file of the repository (root, .github/ or docs/) or,
// for a public repository, the organization's public .github default (GitHub shows it under
// /security/policy; ossf/allstar#43); codeOfConduct and contributingGuidelines answer the
// repository's own file, and the inherited default when CommunityFieldsCountInherited (the
// schema does not say which: the tests run both); statusCheckRollup is the head commit's
// combined state, null without checks, and FORBIDDEN for a token that may not read them.
public sealed partial class StandInGitHubServer
{
    /// <summary>Whether codeOfConduct and contributingGuidelines also answer a default inherited from the organization's .github.</summary>
    public bool CommunityFieldsCountInherited { get; set; } = true;

    /// <summary>The token may not read commit statuses and checks: statusCheckRollup is null with a FORBIDDEN error, the rest answered.</summary>
    public bool StatusChecksForbidden { get; set; }

    private static readonly string[] CommunityFolders = ["", ".github/", "docs/"];

    // The repository's own file of a kind: its path, from the root, .github/ or docs/ (any case, any extension).
    private static string? OwnCommunityFile(FakeRepo r, string stem)
    {
        if (r.Git.Resolve(r.DefaultBranch) is not { } head)
        {
            return null;
        }
        var paths = r.Git.Trees[r.Git.Commits[head].Tree].Keys;
        return CommunityFolders.SelectMany(folder => paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && !p[folder.Length..].Contains('/')
            && string.Equals(p[folder.Length..].Split('.')[0], stem, StringComparison.OrdinalIgnoreCase))).FirstOrDefault();
    }

    // A community file of a kind as GitHub finds it: the repository's own, else (public repositories
    // only) the organization's public .github default. The url is the file's page.
    private (string Url, bool Inherited)? CommunityFile(FakeRepo r, string stem)
    {
        if (OwnCommunityFile(r, stem) is { } own)
        {
            return ($"https://github.com/{r.FullName}/blob/{r.DefaultBranch}/{own}", false);
        }
        if (r.Visibility != "public" || !State.Repos.TryGetValue($"{r.Owner}/.github", out var dotGithub) || dotGithub.Visibility != "public" || ReferenceEquals(dotGithub, r))
        {
            return null;
        }
        return OwnCommunityFile(dotGithub, stem) is { } inherited ? ($"https://github.com/{dotGithub.FullName}/blob/{dotGithub.DefaultBranch}/{inherited}", true) : null;
    }

    // Adds the health fields to each node of a page; the errors GitHub adds beside them (FORBIDDEN rollups).
    private JsonArray WithHealth(string query, FakeRepo[] page, JsonArray nodes)
    {
        var errors = new JsonArray();
        var ciAlias = Regex.Match(query, @"(\w+):\s*defaultBranchRef\s*\{\s*target\s*\{\s*\.\.\.\s*on\s+Commit") is { Success: true } m ? m.Groups[1].Value : null;
        for (var i = 0; i < page.Length; i++)
        {
            var r = page[i];
            var node = nodes[i]!.AsObject();
            node["isDisabled"] = r.Disabled;
            var security = CommunityFile(r, "SECURITY");
            node["isSecurityPolicyEnabled"] = security is not null;
            node["securityPolicyUrl"] = security is null ? null : $"https://github.com/{r.FullName}/security/policy";
            var conduct = CommunityFile(r, "CODE_OF_CONDUCT");
            node["codeOfConduct"] = conduct is { } c && (!c.Inherited || CommunityFieldsCountInherited)
                ? new JsonObject { ["key"] = "other", ["name"] = "Other", ["url"] = c.Url } : null;
            var contributing = CommunityFile(r, "CONTRIBUTING");
            node["contributingGuidelines"] = contributing is { } g && (!g.Inherited || CommunityFieldsCountInherited)
                ? new JsonObject { ["url"] = g.Url, ["resourcePath"] = new Uri(g.Url).AbsolutePath } : null;
            var latest = r.Releases.Where(x => !x.Draft && !x.Prerelease).OrderByDescending(x => x.PublishedAt).FirstOrDefault();
            node["latestRelease"] = latest is null ? null : new JsonObject { ["tagName"] = latest.Tag, ["publishedAt"] = Iso(latest.PublishedAt) };
            if (ciAlias is not null)
            {
                var head = r.Git.Resolve(r.DefaultBranch);
                var rollup = head is null || StatusChecksForbidden || !r.CommitStates.TryGetValue(head, out var state) ? null : new JsonObject { ["state"] = state };
                node[ciAlias] = head is null ? null : new JsonObject { ["target"] = new JsonObject { ["statusCheckRollup"] = rollup } };
                if (head is not null && StatusChecksForbidden)
                {
                    errors.Add(new JsonObject
                    {
                        ["type"] = "FORBIDDEN",
                        ["path"] = new JsonArray("organization", "repositories", "nodes", i, ciAlias, "target", "statusCheckRollup"),
                        ["extensions"] = new JsonObject { ["saml_failure"] = false },
                        ["locations"] = new JsonArray(new JsonObject { ["line"] = 16, ["column"] = 106 }),
                        ["message"] = "Resource not accessible by integration",
                    });
                }
            }
        }
        return errors;
    }
}
