using System.Globalization;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>Each template function called as Scriban calls it, with the values templates pass.</summary>
public class TemplateFunctionsTests
{
    private static readonly DateTimeOffset RunAt = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static ProfileModel Model(string culture) => new()
    {
        Org = new OrgModel("o", null, null, "https://github.com/o", null, null, null, null, false, 0),
        Repos = [],
        Groups = [],
        PinnedRepos = [],
        Profile = new ProfileText(),
        Language = Choices.Cultures[culture],
        GeneratedAt = RunAt,
    };

    private static object? Call(string name, params object?[] args) => CallIn("fr-CA", name, args);

    private static object? CallIn(string culture, string name, params object?[] args)
    {
        var function = Assert.IsAssignableFrom<IScriptCustomFunction>(TemplateFunctions.Create(Model(culture))[name]);
        var arguments = new ScriptArray();
        foreach (var arg in args)
        {
            arguments.Add(arg);
        }
        return function.Invoke(new TemplateContext(), null, arguments, null);
    }

    private static string Error(string name, params object?[] args) => Assert.Throws<ScriptRuntimeException>(() => Call(name, args)).OriginalMessage;

    private static RepoModel Repo(string name, string? language = null, int stars = 0, DateTimeOffset? pushedAt = null, string visibility = "public") =>
        new() { Name = name, FullName = "o/" + name, Url = "https://github.com/o/" + name, Language = language, Stars = stars, PushedAt = pushedAt, Visibility = visibility };

    private static string Names(object? repos) => string.Join(" ", Assert.IsAssignableFrom<IEnumerable<RepoModel>>(repos).Select(r => r.Name));

    public class Escaping
    {
        [Fact]
        public void Each_escaping_function_applies_its_markdown_rule()
        {
            Assert.Equal("\\*em\\* &lt;b&gt;", Call("md_escape", "*em* <b>"));
            Assert.Equal("a \\| b", Call("md_cell", "a | b"));
            Assert.Equal("https://example.com/a%20b", Call("md_url", "https://example.com/a b"));
            Assert.Equal("[x\\_y](https://example.com/)", Call("md_link", "x_y", "https://example.com/"));
        }

        [Fact]
        public void An_unsafe_url_gives_nothing_to_put_in_a_link() => Assert.Equal("", Call("md_url", "javascript:alert(1)"));

        [Fact]
        public void Missing_text_is_empty_text() => Assert.Equal("|", $"{Call("md_escape", [null])}|{Call("md_cell", [null])}");

        [Fact]
        public void Numbers_are_written_the_same_in_every_culture()
        {
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
                Assert.Equal("1\\.5|42", $"{Call("md_escape", 1.5)}|{Call("md_escape", 42)}");
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        [Fact]
        public void Other_values_are_written_as_their_text() => Assert.Equal("True", Call("md_escape", true));
    }

    public class BadgeFunctions
    {
        [Fact]
        public void A_badge_url_uses_shields_escaping() =>
            Assert.Equal("https://img.shields.io/badge/Cycle_de_vie-Phase_B%C3%AAta-339999", Call("badge_url", "Cycle de vie", "Phase Bêta", "339999"));

        [Fact]
        public void A_badge_without_a_label_shows_only_its_message() =>
            Assert.Equal("https://img.shields.io/badge/42-blue", Call("badge_url", null, 42, "blue"));

        [Fact]
        public void A_badge_with_an_unsafe_colour_is_grey() =>
            Assert.Equal("https://img.shields.io/badge/a-b-lightgrey", Call("badge_url", "a", "b", "red)](javascript:x"));

        [Theory]
        [InlineData("blue", "blue")]
        [InlineData("4c1", "4c1")]
        [InlineData("ABCDEF0123456789abcd", "ABCDEF0123456789abcd")]
        [InlineData("ABCDEF0123456789abcde", "lightgrey")]
        [InlineData("#4c1", "lightgrey")]
        [InlineData("red)", "lightgrey")]
        [InlineData("", "lightgrey")]
        [InlineData(null, "lightgrey")]
        public void Colours_are_names_or_hex_codes_of_at_most_20_characters(string? color, string expected) =>
            Assert.Equal(expected, TemplateFunctions.SafeColor(color));

        [Fact]
        public void A_badge_is_linked_only_to_a_safe_url()
        {
            Assert.Equal("[![L\\_1](https://img.shields.io/badge/a-b-blue)](https://example.com/)", Call("badge", "L_1", "a", "b", "blue", "https://example.com/"));
            Assert.Equal("![x](https://img.shields.io/badge/a-b-blue)", Call("badge", "x", "a", "b", "blue", "javascript:alert(1)"));
            Assert.Equal("![x](https://img.shields.io/badge/a-b-blue)", Call("badge", "x", "a", "b", "blue"));
        }
    }

    public class Dates
    {
        [Fact]
        public void A_date_is_written_long_unless_a_format_is_given() =>
            Assert.Equal("25 novembre 2026|2026-11-25", $"{Call("format_date", RunAt)}|{Call("format_date", RunAt, "iso")}");

        [Fact]
        public void The_model_s_culture_chooses_the_language() => Assert.Equal("November 25, 2026", CallIn("en", "format_date", RunAt));

        [Fact]
        public void Dates_without_a_time_zone_are_utc()
        {
            Assert.Equal("1er mars 2024", Call("format_date", new DateTime(2024, 3, 1, 23, 30, 0, DateTimeKind.Unspecified)));
            Assert.Equal("1er mars 2024", Call("format_date", new DateTime(2024, 3, 1, 23, 30, 0, DateTimeKind.Utc)));
            Assert.Equal("1er mars 2024", Call("format_date", "2024-03-01 23:30"));
        }

        [Fact]
        public void A_text_date_with_an_offset_is_taken_in_utc() =>
            Assert.Equal("29 février 2024", Call("format_date", "2024-03-01T01:00:00+05:00"));

        [Fact]
        public void No_date_is_no_text() => Assert.Equal("", Call("format_date", [null]));

        [Theory]
        [InlineData("hier")]
        [InlineData(42)]
        public void Anything_else_is_a_template_error(object value) => Assert.Equal($"not a date: '{value}'", Error("format_date", value));

        [Fact]
        public void Relative_dates_count_from_the_run_in_the_model_s_culture() =>
            Assert.Equal("il y a 3 jours|3 days ago", $"{Call("relative_date", RunAt.AddDays(-3))}|{CallIn("en", "relative_date", RunAt.AddDays(-3))}");
    }

    public class Grouping
    {
        private static readonly RepoModel[] Repos =
        [
            Repo("a", "Go"), Repo("b"), Repo("c", "C#"), Repo("d", "go"), Repo("e", "Zig"), Repo("f", "awk"),
        ];

        private static string Groups(object? groups) =>
            string.Join(" / ", Assert.IsAssignableFrom<IEnumerable<GroupModel>>(groups).Select(g => $"{g.Key}={g.Title}:{string.Join(",", g.Repos.Select(r => r.Name))}"));

        [Fact]
        public void Groups_alphabetically_in_any_case_with_the_unset_value_last() =>
            Assert.Equal("awk=awk:f / C#=C#:c / Go=Go:a,d / Zig=Zig:e / =:b", Groups(Call("group_repos", Repos, "language")));

        [Fact]
        public void Groups_by_lifecycle_licence_or_visibility()
        {
            RepoModel[] repos =
            [
                Repo("a") with { Lifecycle = new LifecycleModel("Cycle de vie", "Dormant", "red", "badge"), License = new LicenseModel("MIT", "MIT License", "MIT", null, null, "github") },
                Repo("b", visibility: "internal") with { Lifecycle = new LifecycleModel("Cycle de vie", "Bêta", "blue", "badge") },
                Repo("c"),
            ];
            Assert.Equal("Bêta=Bêta:b / Dormant=Dormant:a / =:c", Groups(Call("group_repos", repos, "lifecycle")));
            Assert.Equal("MIT=MIT:a / =:b,c", Groups(Call("group_repos", repos, "license")));
            Assert.Equal("internal=internal:b / public=public:a,c", Groups(Call("group_repos", repos, "visibility")));
        }

        [Fact]
        public void An_unknown_field_is_a_template_error_that_lists_the_known_ones()
        {
            Assert.Equal("group_repos: unknown field 'stars' (use lifecycle, language, license or visibility)", Error("group_repos", Repos, "stars"));
            Assert.Equal("group_repos: unknown field '' (use lifecycle, language, license or visibility)", Error("group_repos", Repos, null));
        }

        [Fact]
        public void A_template_list_of_repositories_is_accepted()
        {
            var list = new ScriptArray { Repos[0], Repos[2] };
            Assert.Equal("C#=C#:c / Go=Go:a", Groups(Call("group_repos", list, "language")));
        }

        [Theory]
        [InlineData("not a list")]
        [InlineData(42)]
        public void Anything_but_a_list_of_repositories_is_a_template_error(object value) =>
            Assert.Equal("expected a list of repositories", Error("group_repos", value, "language"));

        [Fact]
        public void A_list_holding_something_else_is_a_template_error() =>
            Assert.Equal("expected a list of repositories", Error("sort_repos", new ScriptArray { Repos[0], "x" }, "name"));
    }

    public class Sorting
    {
        private static readonly DateTimeOffset Early = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private static readonly RepoModel[] Repos =
        [
            Repo("b", stars: 5, pushedAt: Early), Repo("a", stars: 5, pushedAt: Early.AddDays(2)), Repo("C", stars: 1, pushedAt: Early),
            Repo("c", stars: 9, pushedAt: Early.AddDays(1)), Repo("B", stars: 0),
        ];

        [Fact]
        public void By_name_in_any_case_with_upper_case_first_on_a_tie() => Assert.Equal("a B b C c", Names(Call("sort_repos", Repos, "name")));

        [Fact]
        public void By_last_push_most_recent_first_then_by_name_in_the_one_name_order() => Assert.Equal("a c b C B", Names(Call("sort_repos", Repos, "pushed")));

        [Fact]
        public void By_stars_most_first_then_by_name() => Assert.Equal("c a b C B", Names(Call("sort_repos", Repos, "stars")));

        [Fact]
        public void An_unknown_order_is_a_template_error_that_lists_the_known_ones() =>
            Assert.Equal("sort_repos: unknown order 'forks' (use name, pushed or stars)|sort_repos: unknown order '' (use name, pushed or stars)",
                Error("sort_repos", Repos, "forks") + "|" + Error("sort_repos", Repos, null));
    }

    /// <summary>What a template's author sees when a function refuses its arguments.</summary>
    public sealed class InATemplate : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-functions-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        private string ErrorRendering(string template)
        {
            var path = Path.Combine(_dir, "t.sbn");
            File.WriteAllText(path, template);
            var model = TemplateModelBuilder.Build(
                new ProfileGen.Snapshots.OrgSnapshot { Org = new ProfileGen.Snapshots.OrgProfile { Login = "o", Url = "https://github.com/o" }, Repos = [] },
                new ProfileGenConfig(), RunAt);
            return Assert.Throws<InputException>(() => ProfileRenderer.Render(TemplateSource.FromFile(path), model)).Message.Replace(path, "t.sbn", StringComparison.Ordinal);
        }

        [Fact]
        public void A_refused_argument_is_reported_at_the_call_s_line_and_column() =>
            Assert.Equal("t.sbn:2:4: format_number: expected a number", ErrorRendering("début\n{{ format_number [1] }}\n"));

        [Fact]
        public void A_refused_argument_in_a_pipe_is_reported_at_the_function_s_name() =>
            Assert.Equal("t.sbn:1:10: format_number: expected a number", ErrorRendering("{{ [1] | format_number }}\n"));

        [Theory]
        [InlineData("\"x\"")]
        [InlineData("\"12\"")]
        [InlineData("true")]
        public void Text_or_a_boolean_given_for_a_number_gets_the_function_s_own_words(string argument) =>
            Assert.Equal("t.sbn:1:4: format_number: expected a number", ErrorRendering($"{{{{ format_number {argument} }}}}\n"));
    }
}
