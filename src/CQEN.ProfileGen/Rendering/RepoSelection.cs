using System.Text.RegularExpressions;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Rendering;

/// <summary>Which repositories the profile lists: public, active, not forks, not the profile repos — unless configured otherwise.</summary>
internal static class RepoSelection
{
    public static bool Keep(RepoModel repo, RepoFilter filter)
    {
        // Asked of every repository, twice a model (the page, the cards): loops, no closure or
        // iterator per repository (at 50,000 repositories those were 10 MB a pass).
        if (!StringList.Contains(filter.Visibility, repo.Visibility, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (repo.Archived && !filter.IncludeArchived || repo.Fork && !filter.IncludeForks)
        {
            return false;
        }
        if (!filter.IncludeProfileRepos && StringList.Contains(TemplateModelBuilder.ProfileRepoNames, repo.Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (filter.IncludeNames.Count > 0 && !AnyGlob(filter.IncludeNames, repo.Name))
        {
            return false;
        }
        if (AnyGlob(filter.ExcludeNames, repo.Name))
        {
            return false;
        }
        if (filter.Topics.Count > 0 && !AnyShared(repo.Topics, filter.Topics))
        {
            return false;
        }
        return !AnyShared(repo.Topics, filter.ExcludeTopics);
    }

    private static bool AnyGlob(IReadOnlyList<string> patterns, string name)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (Glob(patterns[i], name))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyShared(IReadOnlyList<string> topics, IReadOnlyList<string> wanted)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (StringList.Contains(wanted, topics[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Glob with * and ?, whole name, case-insensitive (GitHub names are case-insensitive).</summary>
    public static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
