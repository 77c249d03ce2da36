using System.Text.Json.Nodes;

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

    // Aliased repository() lookups, each answered with the health fields (the document was
    // validated against the schema before): a repository that does not exist or the token cannot see is null with NOT_FOUND,
    // a rollup the token may not read is null with FORBIDDEN, the rest of the answer kept.
    private Response GraphQlHealth(string query, JsonNode? variables, FakeToken user)
    {
        return EachTopLevelField(query, (field, key, errors) =>
        {
            string? Argument(string name) =>
                field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name) is { } a ? Value(a.Value, variables)?.GetValue<string>() : null;
            if (VisibleRepo(Argument("owner"), Argument("name"), user, key, errors) is not { } r)
            {
                return null;
            }
            return HealthJson(r, errors, new JsonArray(key, "defaultBranchRef", "target", "statusCheckRollup"));
        });
    }

    // One repository's health fields (every one the tool asks; a client reads those it asked for):
    // a rollup the token may not read is null, with FORBIDDEN at ciPath.
    private JsonObject HealthJson(FakeRepo r, JsonArray errors, JsonArray ciPath)
    {
        var security = CommunityFile(r, "SECURITY");
        var conduct = CommunityFile(r, "CODE_OF_CONDUCT");
        var contributing = CommunityFile(r, "CONTRIBUTING");
        var latest = r.Releases.Where(x => !x.Draft && !x.Prerelease).OrderByDescending(x => x.PublishedAt).FirstOrDefault();
        var head = r.Git.Resolve(r.DefaultBranch);
        if (head is not null && StatusChecksForbidden)
        {
            errors.Add(new JsonObject
            {
                ["type"] = "FORBIDDEN",
                ["path"] = ciPath,
                ["extensions"] = new JsonObject { ["saml_failure"] = false },
                ["message"] = "Resource not accessible by integration",
            });
        }
        return new JsonObject
        {
            ["isDisabled"] = r.Disabled,
            ["isSecurityPolicyEnabled"] = security is not null,
            ["securityPolicyUrl"] = security is null ? null : $"https://github.com/{r.FullName}/security/policy",
            ["codeOfConduct"] = conduct is { } c && (!c.Inherited || CommunityFieldsCountInherited)
                ? new JsonObject { ["key"] = "other", ["name"] = "Other", ["url"] = c.Url } : null,
            ["contributingGuidelines"] = contributing is { } g && (!g.Inherited || CommunityFieldsCountInherited)
                ? new JsonObject { ["url"] = g.Url, ["resourcePath"] = new Uri(g.Url).AbsolutePath } : null,
            ["latestRelease"] = latest is null ? null : new JsonObject { ["tagName"] = latest.Tag, ["publishedAt"] = Iso(latest.PublishedAt) },
            ["defaultBranchRef"] = head is null ? null : new JsonObject
            {
                ["target"] = new JsonObject
                {
                    ["statusCheckRollup"] = StatusChecksForbidden || !r.CommitStates.TryGetValue(head, out var state) ? null : new JsonObject { ["state"] = state },
                },
            },
        };
    }
}
