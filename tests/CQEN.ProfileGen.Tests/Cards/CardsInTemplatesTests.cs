using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Cards;

/// <summary>How templates, the configuration and `render --output` use the cards.</summary>
public sealed class CardsInTemplatesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-cards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (string Markdown, ProfileModel Model) RenderSample(ProfileGenConfig config, TemplateSource? template = null)
    {
        var model = TemplateModelBuilder.Build(CardOrgs.Sample(), config, Now);
        return (ProfileRenderer.Render(template ?? TemplateSource.Default(config.Culture), model), model);
    }

    private static ProfileGenConfig Config(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    [Theory]
    [InlineData("fr-CA", "## Nos dépôts", "Les chiffres de ces images")]
    [InlineData("en", "## Our repositories", "The numbers in these pictures")]
    public void The_default_profiles_show_the_cards_with_data_above_the_repositories_and_their_numbers_in_details(string cultureWord, string section, string details)
    {
        var culture = Choices.Cultures[cultureWord];
        var (markdown, model) = RenderSample(CardOrgs.SampleConfig() with { Culture = culture });

        var top = markdown[..markdown.IndexOf(section, StringComparison.Ordinal)];
        Assert.Contains($"<summary>{details}</summary>", top, StringComparison.Ordinal);
        Assert.Contains(TemplateFunctions.Card(model.Cards, "summary"), top, StringComparison.Ordinal);
        Assert.Contains(TemplateFunctions.Card(model.Cards, "lifecycle"), top, StringComparison.Ordinal);
        // The sample's repositories carry no language and no push date: those cards would say nothing.
        Assert.DoesNotContain("cards/languages-", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("cards/activity-", markdown, StringComparison.Ordinal);
        Assert.Equal(["cards/lifecycle-dark.svg", "cards/lifecycle-light.svg", "cards/summary-dark.svg", "cards/summary-light.svg"],
            model.Cards.FilesUsedBy(markdown).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        foreach (var row in model.Cards.Lifecycle.Rows)
        {
            Assert.Contains($"| {MarkdownText.TableCell(row.Label)} | {TemplateFunctions.FormatNumber(row.Count, culture)} |", top, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_card_function_writes_a_picture_whose_dark_source_follows_the_reader_s_scheme()
    {
        var cards = CardOrgs.BusyModel().Cards;
        var html = TemplateFunctions.Card(cards, "lifecycle");

        Assert.StartsWith("<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"cards/lifecycle-dark.svg\"><img src=\"cards/lifecycle-light.svg\"", html, StringComparison.Ordinal);
        Assert.EndsWith("\"></picture>", html, StringComparison.Ordinal);
        // A hostile lifecycle stays inside the alt attribute: nothing in it can close the attribute or the tag.
        var alt = html[(html.IndexOf("alt=\"", StringComparison.Ordinal) + 5)..^"\"></picture>".Length];
        Assert.DoesNotContain('"', alt);
        Assert.DoesNotContain('<', alt);
        Assert.DoesNotContain('>', alt);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Cards_turned_off_show_nothing_and_make_no_file()
    {
        var config = CardOrgs.SampleConfig() with { Cards = Config("cards:\n  enabled: false\n").Cards };
        var (markdown, model) = RenderSample(config);

        Assert.DoesNotContain("<picture>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Les chiffres de ces images", markdown, StringComparison.Ordinal); // the cards' numbers table
        Assert.DoesNotContain("cards/", markdown, StringComparison.Ordinal);
        Assert.Empty(model.Cards.Files);
        Assert.Equal("", TemplateFunctions.Card(model.Cards, "summary"));
    }

    [Fact]
    public void Cards_path_moves_the_files_and_the_references_together()
    {
        var config = CardOrgs.SampleConfig() with { Cards = Config("cards:\n  path: images/cards\n").Cards };
        var (markdown, model) = RenderSample(config);

        Assert.Contains("srcset=\"images/cards/summary-dark.svg\"", markdown, StringComparison.Ordinal);
        Assert.All(model.Cards.FilesUsedBy(markdown), f => Assert.StartsWith("images/cards/", f.RelativePath, StringComparison.Ordinal));
        Assert.Equal(4, model.Cards.FilesUsedBy(markdown).Count);
    }

    [Theory]
    [InlineData("../cards", "2:9")]
    [InlineData("/etc/cards", "2:9")]
    [InlineData("cards//x", "2:9")]
    [InlineData("cards\\\\x", "2:9")]
    [InlineData("'./cards'", "2:9")]
    public void A_cards_path_that_leaves_the_readme_s_folder_is_refused_where_it_is_written(string path, string where)
    {
        var error = Assert.Throws<InputException>(() => Config($"cards:\n  path: {path}\n"));
        Assert.StartsWith($"profilegen.yml:{where}: 'path' must be a folder inside the README's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_can_place_one_card_and_only_that_card_is_written()
    {
        var file = Path.Combine(_dir, "one.sbn");
        File.WriteAllText(file, "# Us\n\n{{ card \"lifecycle\" }}\n\n{{ cards.lifecycle.alt }}\n");
        var (markdown, model) = RenderSample(CardOrgs.SampleConfig(), TemplateSource.FromFile(file));

        Assert.Equal(["cards/lifecycle-dark.svg", "cards/lifecycle-light.svg"], model.Cards.FilesUsedBy(markdown).Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        Assert.Contains(model.Cards.Lifecycle.Alt, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_card_name_is_an_error_at_its_place_in_the_template()
    {
        var file = Path.Combine(_dir, "bad.sbn");
        File.WriteAllText(file, "line one\n{{ card \"lifecycles\" }}\n");
        var error = Assert.Throws<InputException>(() => RenderSample(CardOrgs.SampleConfig(), TemplateSource.FromFile(file)));
        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("no card named 'lifecycles' (cards: summary, lifecycle, languages, activity, health)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_to_a_folder_writes_the_readme_and_exactly_the_cards_it_refers_to()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var result = await cli.RunAsync("render", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"), "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--output", _dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        var readme = File.ReadAllText(Path.Combine(_dir, "README.md"));
        var written = Directory.GetFiles(Path.Combine(_dir, "cards")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["lifecycle-dark.svg", "lifecycle-light.svg", "summary-dark.svg", "summary-light.svg"], written);
        Assert.All(written, name => Assert.Contains("cards/" + name, readme, StringComparison.Ordinal));
        var expected = CardOrgs.SampleCards();
        Assert.Equal(expected.Lifecycle.DarkSvg, File.ReadAllBytes(Path.Combine(_dir, "cards", "lifecycle-dark.svg")));
    }

    [Fact]
    public async Task Render_to_standard_output_writes_no_card_file()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var result = await cli.RunAsync("render", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"), "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("srcset=\"cards/summary-dark.svg\"", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_file_where_the_cards_folder_goes_stops_the_run_with_nothing_written()
    {
        File.WriteAllText(Path.Combine(_dir, "cards"), "mine");
        var cli = new CliHarness { CurrentDirectory = _dir };
        var result = await cli.RunAsync("render", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"), "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--output", "README.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a file where the cards' folder (cards.path) goes; nothing was written", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(["cards"], Directory.EnumerateFileSystemEntries(_dir).Select(f => Path.GetFileName(f)).ToArray());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "cards")));
    }

    [Fact]
    public void The_cards_shown_in_the_repository_s_readme_are_what_the_tool_renders_from_the_sample()
    {
        var cards = CardOrgs.SampleCards();
        foreach (var file in cards.Files.Where(f => f.RelativePath.StartsWith("cards/summary-", StringComparison.Ordinal) || f.RelativePath.StartsWith("cards/lifecycle-", StringComparison.Ordinal)))
        {
            var committed = Path.Combine(Action.RepositoryCheckout.Root, "samples", file.RelativePath);
            Assert.True(File.Exists(committed) && File.ReadAllBytes(committed).SequenceEqual(file.Bytes),
                $"samples/{file.RelativePath} is not what the tool renders: run `profilegen render --config samples/cqen-qdce.profilegen.yml --snapshot samples/cqen-qdce.snapshot.json --output DIR` and copy DIR/cards into samples/cards");
        }
        var readme = File.ReadAllText(Path.Combine(Action.RepositoryCheckout.Root, "README.md"));
        Assert.Contains("srcset=\"samples/cards/", readme, StringComparison.Ordinal);
    }
}
