namespace CQEN.ProfileGen.Publishing;

/// <summary>One field of one repository that changed: its name (<see cref="RepoFacts.Fields"/>), before and after.</summary>
internal sealed record FieldChange(string Field, string? Old, string? New);

internal enum RepoChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>What changed for one repository between two fact sets.</summary>
internal sealed record RepoChange(string Name, string Url, RepoChangeKind Kind, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>Only the month of its last push moved: a line a reviewer can skim past.</summary>
    public bool OnlyPushed => Kind == RepoChangeKind.Changed && Fields.All(f => f.Field == "pushed");

    public bool WasArchived => Fields.Any(f => f is { Field: "archived", New: "true" });

    public bool LifecycleMoved => Fields.Any(f => f.Field == "lifecycle");

    public bool ListingChanged => Fields.Any(f => f.Field == "listed");
}

/// <summary>
/// The change list between two fact sets, per repository: added, removed, or each field that
/// changed (old → new). Pure. Repositories are matched by name, ignoring case as GitHub does;
/// a renamed repository is one removed and one added.
/// </summary>
internal static class FactChanges
{
    /// <summary>Added first, then removed, then changed (archived and lifecycle moves before the rest), each by name.</summary>
    public static IReadOnlyList<RepoChange> Between(ProfileFacts before, ProfileFacts after)
    {
        var old = before.Repositories.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var now = after.Repositories.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var changes = new List<RepoChange>();
        foreach (var r in now.Values.Where(r => !old.ContainsKey(r.Name)))
        {
            changes.Add(new RepoChange(r.Name, r.Url, RepoChangeKind.Added, r.Fields().Where(f => f.Value is not null && f.Field is not ("url" or "pushed" or "listed")).Select(f => new FieldChange(f.Field, null, f.Value)).ToArray()));
        }
        foreach (var r in old.Values.Where(r => !now.ContainsKey(r.Name)))
        {
            changes.Add(new RepoChange(r.Name, r.Url, RepoChangeKind.Removed, []));
        }
        foreach (var r in now.Values.Where(r => old.ContainsKey(r.Name)))
        {
            var previous = old[r.Name].Fields().ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
            var current = r.Fields().ToArray();
            var fields = current.Where(f => !previous.TryGetValue(f.Field, out var was) || was != f.Value)
                .Select(f => new FieldChange(f.Field, previous.GetValueOrDefault(f.Field), f.Value))
                .Concat(previous.Where(p => current.All(f => f.Field != p.Key)).Select(p => new FieldChange(p.Key, p.Value, null))) // a health signal no longer read
                .ToArray();
            if (old[r.Name].Name != r.Name)
            {
                fields = [new FieldChange("name", old[r.Name].Name, r.Name), .. fields];
            }
            if (fields.Length > 0)
            {
                changes.Add(new RepoChange(r.Name, r.Url, RepoChangeKind.Changed, fields));
            }
        }
        return changes
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Kind == RepoChangeKind.Changed && (c.WasArchived || c.LifecycleMoved || c.ListingChanged) ? 0 : c.OnlyPushed ? 2 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
