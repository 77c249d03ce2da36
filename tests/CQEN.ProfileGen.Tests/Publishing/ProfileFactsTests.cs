using System.Text;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// The facts file the tool records beside the profile: the same organization gives the same
/// bytes, a file it wrote reads back as it was, and anything else is refused in one line.
/// </summary>
public class ProfileFactsTests
{
    internal static RepoFacts Repo(string name, string? lifecycle = "Production", string? language = "C#", bool archived = false, string? summary = "Un dépôt.", string? pushed = "2026-11") => new()
    {
        Name = name,
        Url = $"https://github.com/org/{name}",
        Summary = summary,
        Language = language,
        License = "LiLiQ-P-1.1",
        Lifecycle = lifecycle,
        Archived = archived,
        Pushed = pushed,
    };

    private static OrgSnapshot Snapshot(params RepoSnapshot[] repos) =>
        new() { Org = new OrgProfile { Login = "org", Url = "https://github.com/org" }, Repos = repos };

    private static RepoSnapshot Snap(string name, DateTimeOffset pushed) => new()
    {
        Name = name,
        FullName = "org/" + name,
        Url = "https://github.com/org/" + name,
        Description = "Le dépôt " + name,
        Language = "Go",
        PushedAt = pushed,
    };

    [Fact]
    public void The_same_organization_read_at_another_time_gives_the_same_bytes()
    {
        var snapshot = Snapshot(Snap("b", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero)), Snap("a", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)));
        var reversed = snapshot with { Repos = [.. snapshot.Repos.Reverse()] };
        var monday = TemplateModelBuilder.Build(snapshot, new ProfileGenConfig(), new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        var nextMonday = TemplateModelBuilder.Build(reversed, new ProfileGenConfig(), new DateTimeOffset(2026, 12, 14, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(ProfileFacts.Of(snapshot, new ProfileGenConfig(), monday).ToBytes(), ProfileFacts.Of(reversed, new ProfileGenConfig(), nextMonday).ToBytes());
    }

    [Fact]
    public void A_push_later_in_the_same_month_changes_nothing_a_push_in_a_new_month_changes_the_file()
    {
        var now = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        byte[] Facts(DateTimeOffset pushed) => ProfileFacts.Of(Snapshot(Snap("a", pushed)), new ProfileGenConfig(), TemplateModelBuilder.Build(Snapshot(Snap("a", pushed)), new ProfileGenConfig(), now)).ToBytes();

        Assert.Equal(Facts(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)), Facts(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));
        Assert.NotEqual(Facts(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)), Facts(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_archived_repository_the_filters_leave_out_is_recorded_as_not_listed_and_the_profile_repository_not_at_all()
    {
        var snapshot = Snapshot(Snap("a", DateTimeOffset.UnixEpoch), Snap("old", DateTimeOffset.UnixEpoch) with { Archived = true }, Snap(".github", DateTimeOffset.UnixEpoch));
        var config = new ProfileGenConfig();

        var facts = ProfileFacts.Of(snapshot, config, TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch));

        Assert.Equal([("a", true, false), ("old", false, true)], facts.Repositories.Select(r => (r.Name, r.Listed, r.Archived)));
    }

    [Fact]
    public void The_file_holds_what_the_profile_shows_sorted_by_name_with_lf_line_ends()
    {
        var facts = new ProfileFacts([Repo("zeta", archived: true), Repo("Alpha", lifecycle: null, language: null)]);

        var text = Encoding.UTF8.GetString(facts.ToBytes());

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"Alpha\"", StringComparison.Ordinal) < text.IndexOf("\"zeta\"", StringComparison.Ordinal));
        Assert.Contains("\"summary\": \"Un dépôt.\"", text, StringComparison.Ordinal); // accents readable in a diff
        Assert.Contains("\"lifecycle\": null", text, StringComparison.Ordinal);
        Assert.Contains("\"archived\": true", text, StringComparison.Ordinal);
        Assert.Contains("\"pushed\": \"2026-11\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("health", text, StringComparison.Ordinal); // room for it, written only when read
    }

    [Fact]
    public void A_file_the_tool_wrote_reads_back_as_it_was_health_signals_included()
    {
        var facts = new ProfileFacts([Repo("a") with { Health = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["ci"] = "green", ["security_policy"] = "inherited" } }, Repo("b", summary: "<script>\"&'\u2028")]);

        var back = ProfileFacts.Parse(facts.ToBytes(), "facts.json");

        Assert.Equal(facts.ToBytes(), back.ToBytes());
        Assert.Equal("inherited", back.Repositories[0].Health["security_policy"]);
        Assert.Equal("<script>\"&'\u2028", back.Repositories[1].Summary);
    }

    [Fact]
    public void A_hand_edited_value_is_refused_in_one_line_that_says_how_to_recover()
    {
        var text = Encoding.UTF8.GetString(new ProfileFacts([Repo("a", lifecycle: "Bêta")]).ToBytes());
        var edited = Encoding.UTF8.GetBytes(text.Replace("\"Bêta\"", "\"Production\"", StringComparison.Ordinal));

        var ex = Assert.Throws<InputException>(() => ProfileFacts.Parse(edited, "org/.github:profile/.profilegen/facts.json on main"));

        Assert.StartsWith("org/.github:profile/.profilegen/facts.json on main: changed since profilegen wrote it", ex.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_reformatted_file_with_the_same_content_is_still_the_tool_s()
    {
        var facts = new ProfileFacts([Repo("a")]);
        var reformatted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(facts.ToBytes()).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "\t", StringComparison.Ordinal));

        Assert.Equal(facts.ToBytes(), ProfileFacts.Parse(reformatted, "facts.json").ToBytes());
    }

    [Theory]
    [InlineData("{ \"schema\": 1, \"repositories\": [", "facts.json:1:")]
    [InlineData("[1, 2]", "facts.json: not a profilegen facts file")]
    [InlineData("{ \"schema\": 1, \"checksum\": \"x\", \"repositories\": [ { \"name\": \"a\" } ] }", "facts.json: not a profilegen facts file")]
    [InlineData("{ \"schema\": 2, \"checksum\": \"x\", \"repositories\": [] }", "facts.json: written by a newer profilegen (schema 2")]
    [InlineData("{ \"schema\": 1, \"checksum\": \"sha256:00\", \"repositories\": [] }", "facts.json: changed since profilegen wrote it")]
    public void A_malformed_file_is_refused_in_one_line_naming_it(string content, string start)
    {
        var ex = Assert.Throws<InputException>(() => ProfileFacts.Parse(Encoding.UTF8.GetBytes(content), "facts.json"));

        Assert.StartsWith(start, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
