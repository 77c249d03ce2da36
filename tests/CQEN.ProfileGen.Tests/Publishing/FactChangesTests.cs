using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using static CQEN.ProfileGen.Tests.Publishing.ProfileFactsTests;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>The change list between two fact sets, and how it reads in the pull request and in a terminal.</summary>
public class FactChangesTests
{
    [Fact]
    public void Identical_facts_make_no_change()
    {
        var facts = new ProfileFacts([Repo("a"), Repo("b")]);

        Assert.Empty(FactChanges.Between(facts, facts with { Repositories = [.. facts.Repositories.Reverse()] }));
    }

    [Fact]
    public void Each_change_is_named_by_repository_and_field_with_old_and_new_value()
    {
        var before = new ProfileFacts([Repo("gone"), Repo("moved", lifecycle: "Bêta"), Repo("same"), Repo("shelved"), Repo("rewritten", language: "C#", summary: "Ancien.")]);
        var after = new ProfileFacts([Repo("new", lifecycle: "Phase Découverte"), Repo("moved", lifecycle: "Production"), Repo("same"), Repo("shelved", archived: true), Repo("rewritten", language: "Go", summary: "Nouveau.")]);

        var changes = FactChanges.Between(before, after);

        Assert.Equal(
            [
                "Added new: summary=∅→Un dépôt., lifecycle=∅→Phase Découverte, archived=∅→false, language=∅→C#, license=∅→LiLiQ-P-1.1, visibility=∅→public",
                "Removed gone: ",
                "Changed moved: lifecycle=Bêta→Production",
                "Changed shelved: archived=false→true",
                "Changed rewritten: summary=Ancien.→Nouveau., language=C#→Go",
            ],
            changes.Select(c => $"{c.Kind} {c.Name}: {string.Join(", ", c.Fields.Select(f => $"{f.Field}={f.Old ?? "∅"}→{f.New ?? "∅"}"))}"));
    }

    [Fact]
    public void Archiving_and_lifecycle_moves_come_before_other_changes_and_push_months_last()
    {
        var before = new ProfileFacts([Repo("a", language: "C#"), Repo("b", pushed: "2026-10"), Repo("c", lifecycle: "Bêta"), Repo("d")]);
        var after = new ProfileFacts([Repo("a", language: "Go"), Repo("b", pushed: "2026-11"), Repo("c", lifecycle: "Production"), Repo("d", archived: true)]);

        var changes = FactChanges.Between(before, after);

        Assert.Equal(["c", "d", "a", "b"], changes.Select(c => c.Name));
        Assert.True(changes[3].OnlyPushed);
        Assert.True(changes[1].WasArchived);
        Assert.True(changes[0].LifecycleMoved);
    }

    [Fact]
    public void A_health_signal_that_appears_changes_or_goes_is_a_field_change()
    {
        static RepoFacts WithHealth(string name, params (string Key, string Value)[] signals) =>
            Repo(name) with { Health = new SortedDictionary<string, string>(signals.ToDictionary(s => s.Key, s => s.Value), StringComparer.Ordinal) };
        var before = new ProfileFacts([WithHealth("a", ("ci", "green")), WithHealth("b", ("ci", "red"))]);
        var after = new ProfileFacts([WithHealth("a", ("ci", "red")), WithHealth("b")]);

        var changes = FactChanges.Between(before, after);

        Assert.Equal(new FieldChange("health.ci", "green", "red"), Assert.Single(changes[0].Fields));
        Assert.Equal(new FieldChange("health.ci", "red", null), Assert.Single(changes[1].Fields));
    }

    [Fact]
    public void Names_match_ignoring_case_and_a_new_spelling_is_a_name_change()
    {
        var changes = FactChanges.Between(new ProfileFacts([Repo("Outil")]), new ProfileFacts([Repo("outil")]));

        Assert.Equal(RepoChangeKind.Changed, Assert.Single(changes).Kind);
        Assert.Equal(new FieldChange("name", "Outil", "outil"), changes[0].Fields[0]);
    }

    [Fact]
    public void The_markdown_list_says_field_old_and_new_in_the_profile_s_language()
    {
        var changes = FactChanges.Between(
            new ProfileFacts([Repo("a", lifecycle: "Bêta"), Repo("b"), Repo("c", summary: "Ancien."), Repo("gone")]),
            new ProfileFacts([Repo("a", lifecycle: "Production"), Repo("b", archived: true), Repo("c", summary: "Nouveau.", language: null), Repo("new", lifecycle: "Bêta")]));

        Assert.Equal(
            "- [new](https://github.com/org/new) : ajouté (Bêta, C#, LiLiQ-P-1.1)\n" +
            "- gone : retiré\n" +
            "- [a](https://github.com/org/a) : cycle de vie : Bêta → Production\n" +
            "- [b](https://github.com/org/b) : archivé\n" +
            "- [c](https://github.com/org/c) : description : « Ancien. » → « Nouveau. »; langage : C# → (aucun)\n",
            ChangeListText.Markdown(changes, ProfileCulture.French, 50, 60_000));
        Assert.Equal(
            "- [b](https://github.com/org/b): archived\n",
            ChangeListText.Markdown([changes[3]], ProfileCulture.English, 50, 60_000));
    }

    // Each trend the issue names ("since the last update"), as the facts record it, and the words it must read as.
    public static TheoryData<string, string, string> Trends => new()
    {
        { "added", "ajouté", "added" },
        { "removed", "retiré", "removed" },
        { "archived", "archivé", "archived" },
        { "lifecycle", "cycle de vie : Bêta → Production", "lifecycle: Bêta → Production" },
        { "ci-red", "intégration continue passée au rouge", "CI turned red" },
        { "ci-green", "intégration continue revenue au vert", "CI back to green" },
        { "security-policy", "politique de sécurité ajoutée (hérité du dépôt .github)", "security policy added (inherited from .github)" },
        { "stale", "devenu inactif", "went stale" },
    };

    [Theory]
    [MemberData(nameof(Trends))]
    public void Every_trend_of_the_last_update_reads_as_its_own_sentence_in_french_and_in_english(string trend, string french, string english)
    {
        static RepoFacts Healthy(string ci = "passing", string security = "own", string activity = "active", bool archived = false) =>
            Repo("a", lifecycle: "Bêta", archived: archived) with
            {
                Health = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["ci"] = ci, ["security_policy"] = security, ["activity"] = activity },
            };
        var (before, after) = trend switch
        {
            "added" => (new ProfileFacts([]), new ProfileFacts([Healthy()])),
            "removed" => (new ProfileFacts([Healthy()]), new ProfileFacts([])),
            // Archiving also moves the activity to "archived": the line says "archived" once.
            "archived" => (new ProfileFacts([Healthy()]), new ProfileFacts([Healthy(activity: "archived", archived: true)])),
            "lifecycle" => (new ProfileFacts([Healthy()]), new ProfileFacts([Healthy() with { Lifecycle = "Production" }])),
            "ci-red" => (new ProfileFacts([Healthy()]), new ProfileFacts([Healthy(ci: "failing")])),
            "ci-green" => (new ProfileFacts([Healthy(ci: "failing")]), new ProfileFacts([Healthy()])),
            "security-policy" => (new ProfileFacts([Healthy(security: "missing")]), new ProfileFacts([Healthy(security: "inherited")])),
            "stale" => (new ProfileFacts([Healthy(activity: "slowing")]), new ProfileFacts([Healthy(activity: "stale")])),
            _ => throw new ArgumentException(trend),
        };
        var changes = FactChanges.Between(before, after);

        var name = trend == "removed" ? "a" : "[a](https://github.com/org/a)";
        var fr = ChangeListText.Markdown(changes, ProfileCulture.French, 50, 60_000);
        var en = ChangeListText.Markdown(changes, ProfileCulture.English, 50, 60_000);
        Assert.StartsWith($"- {name} : {french}", fr, StringComparison.Ordinal);
        Assert.StartsWith($"- {name}: {english}", en, StringComparison.Ordinal);
        Assert.Single(fr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, CountOf(en, english.Split(' ')[0]));
        Assert.Equal(["a"], ChangeListText.Plain(changes, ProfileCulture.English).Select(l => l[..1]));
    }

    private static int CountOf(string text, string word) => text.Split(word).Length - 1;

    [Fact]
    public void Repository_text_cannot_add_html_links_or_markers_to_the_list()
    {
        var changes = FactChanges.Between(
            new ProfileFacts([Repo("a", summary: "ok")]),
            new ProfileFacts([Repo("a", summary: "<!-- profilegen:pull-request --> [x](https://evil.example) <img src=x>")]));

        var text = ChangeListText.Markdown(changes, ProfileCulture.English, 50, 60_000);

        Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_list_stops_at_its_cap_and_counts_the_rest()
    {
        var before = new ProfileFacts([.. Enumerable.Range(0, 300).Select(i => Repo($"r{i:000}", lifecycle: "Bêta"))]);
        var after = new ProfileFacts([.. Enumerable.Range(0, 300).Select(i => Repo($"r{i:000}", lifecycle: "Production"))]);

        var text = ChangeListText.Markdown(FactChanges.Between(before, after), ProfileCulture.English, 50, 60_000);
        var small = ChangeListText.Markdown(FactChanges.Between(before, after), ProfileCulture.English, 50, 1_000);

        Assert.Equal(51, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("- … and 250 more (the facts file under Files changed has them all)\n", text, StringComparison.Ordinal);
        Assert.True(small.Length <= 1_000, $"{small.Length} characters");
        Assert.Contains("more (the facts file", small, StringComparison.Ordinal);
    }

    [Fact]
    public void Repositories_pushed_in_a_new_month_share_one_line()
    {
        var before = new ProfileFacts([Repo("a", pushed: "2026-10"), Repo("b", pushed: "2026-10")]);
        var after = new ProfileFacts([Repo("a", pushed: "2026-11"), Repo("b", pushed: "2026-11")]);

        Assert.Equal(
            "- dernière poussée d'un autre mois pour 2 dépôt(s) : [a](https://github.com/org/a), [b](https://github.com/org/b)\n",
            ChangeListText.Markdown(FactChanges.Between(before, after), ProfileCulture.French, 50, 60_000));
    }

    [Fact]
    public void The_terminal_list_drops_control_characters_from_repository_text()
    {
        var changes = FactChanges.Between(new ProfileFacts([Repo("a", summary: "ok")]), new ProfileFacts([Repo("a", summary: "\u001b[31mrouge\u001b[0m")]));

        Assert.Equal(["a: description: “ok” → “ [31mrouge [0m”"], ChangeListText.Plain(changes, ProfileCulture.English));
    }
}
