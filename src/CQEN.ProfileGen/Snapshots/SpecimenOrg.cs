using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// A made-up organization in which every field of the model is filled and every group the
/// configuration can form is present, so that `validate` without a snapshot runs every loop and
/// every branch of a template (a misspelled member inside a loop is found, not skipped).
/// </summary>
internal static class SpecimenOrg
{
    public static OrgSnapshot Create(ProfileGenConfig config, string? login = null)
    {
        login ??= config.Org ?? "example-org";
        var when = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
        var repos = new List<RepoSnapshot>();
        RepoSnapshot Repo(string name, string lifecycle, Func<RepoSnapshot, RepoSnapshot>? change = null)
        {
            var url = $"https://github.com/{login}/{name}";
            var repo = new RepoSnapshot
            {
                Name = name,
                FullName = $"{login}/{name}",
                Description = $"Description of {name}",
                Url = url,
                Homepage = $"https://example.org/{name}",
                Language = "C#",
                Topics = ["example", .. config.LifecycleRules.Select(r => r.Topic).Take(1)],
                Stars = 3,
                Forks = 1,
                Visibility = config.Filters.Visibility.FirstOrDefault() ?? "public",
                CreatedAt = when.AddYears(-2),
                UpdatedAt = when,
                PushedAt = when,
                DefaultBranch = "main",
                License = new RepoLicense { SpdxId = "LiLiQ-P-1.1", Name = "Licence Libre du Québec – Permissive (LiLiQ-P) version 1.1", Key = "other", Path = "LICENSE", Url = $"{url}/blob/main/LICENSE", Source = "file-text" },
                Readme = new ReadmeHeader { Path = "README.md", Url = $"{url}/blob/main/README.md", Text = "<!-- ENTETE -->\n<!-- FIN ENTETE -->", HasEnteteMarkers = true },
                Badges =
                [
                    new ShieldsBadge { Alt = "img", ImageUrl = "https://img.shields.io/badge/Cycle_de_vie-x-339999", LinkUrl = "https://www.quebec.ca/", Label = "Cycle de vie", Message = lifecycle, Color = "339999", Line = 2 },
                    new ShieldsBadge { Alt = "License", ImageUrl = "https://img.shields.io/badge/Licence-LiLiQ--P-blue", LinkUrl = "LICENSE", Label = "Licence", Message = "LiLiQ-P", Color = "blue", Line = 3 },
                ],
                Pinned = true,
            };
            return change is null ? repo : change(repo);
        }
        // One repository per lifecycle the configuration names (its order and its topic rules),
        // a few more in common stages, one without a lifecycle, one archived and one fork.
        var lifecycles = config.Grouping.Order.Concat(config.LifecycleRules.Select(r => r.Message)).Concat(["Expérimentation", "Phase Bêta"])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        for (var i = 0; i < lifecycles.Length; i++)
        {
            repos.Add(Repo($"example-{i + 1:00}", lifecycles[i]));
        }
        repos.Add(Repo("example-plain", "", r => r with { Badges = [], Topics = [], Language = null, Description = null, Homepage = null, License = null, Readme = null, Pinned = false, PushedAt = null }));
        repos.Add(Repo("example-archived", lifecycles[0], r => r with { Archived = true, Pinned = false }));
        repos.Add(Repo("example-fork", lifecycles[0], r => r with { Fork = true, Pinned = false }));
        return new OrgSnapshot
        {
            ReadAt = when,
            Org = new OrgProfile
            {
                Login = login,
                Name = "Example organization",
                Description = "An organization made up to exercise every part of a template.",
                Url = $"https://github.com/{login}",
                Blog = "https://example.org",
                Location = "Québec",
                Email = "info@example.org",
                AvatarUrl = $"https://avatars.githubusercontent.com/u/1?v=4",
                IsVerified = true,
                PublicRepos = repos.Count,
                CreatedAt = when.AddYears(-5),
            },
            Repos = repos,
        };
    }
}
