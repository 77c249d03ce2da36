using System.Text.RegularExpressions;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Rendering;

/// <summary>Which repositories the profile lists: public, active, not forks, not the profile repos — unless configured otherwise.</summary>
internal static class RepoSelection
{
    public static bool Keep(RepoModel repo, RepoFilter filter)
    {
        if (!filter.Visibility.Contains(repo.Visibility, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (repo.Archived && !filter.IncludeArchived || repo.Fork && !filter.IncludeForks)
        {
            return false;
        }
        if (!filter.IncludeProfileRepos && TemplateModelBuilder.ProfileRepoNames.Contains(repo.Name, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (filter.IncludeNames.Count > 0 && !filter.IncludeNames.Any(g => Glob(g, repo.Name)))
        {
            return false;
        }
        if (filter.ExcludeNames.Any(g => Glob(g, repo.Name)))
        {
            return false;
        }
        if (filter.Topics.Count > 0 && !repo.Topics.Any(t => filter.Topics.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }
        return !repo.Topics.Any(t => filter.ExcludeTopics.Contains(t, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Glob with * and ?, whole name, case-insensitive (GitHub names are case-insensitive).</summary>
    public static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
