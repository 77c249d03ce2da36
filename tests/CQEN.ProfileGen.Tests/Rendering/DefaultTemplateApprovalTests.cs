using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// The default templates rendered from the bundled CQEN-QDCE snapshot, approved as Markdown
/// files next to this test. A change to a template or to the model shows up as a diff here.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class DefaultTemplateApprovalTests
{
    private static OrgSnapshot Sample() =>
        SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");

    private static ProfileGenConfig CqenConfig() => ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml"));

    private static string Render(ProfileGenConfig config) =>
        ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(Sample(), config, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void French_profile_of_CQEN_QDCE() => Approvals.Verify(new ApprovalTextWriter(Render(CqenConfig()), "md"));

    [Fact]
    public void English_profile_of_CQEN_QDCE() => Approvals.Verify(new ApprovalTextWriter(Render(CqenConfig() with { Culture = ProfileCulture.English, Grouping = new GroupingOptions() }), "md"));

    [Fact]
    public void Without_a_configuration_the_profile_still_reads_well() => Approvals.Verify(new ApprovalTextWriter(Render(new ProfileGenConfig()), "md"));

    [Theory]
    [InlineData("fr-CA", "repos.fr.sbn", "## Nos dépôts")]
    [InlineData("en", "repos.en.sbn", "## Our repositories")]
    public void The_region_template_init_writes_renders_the_same_rows_as_the_default(string culture, string starter, string heading)
    {
        var config = new ProfileGenConfig { Culture = Choices.Cultures[culture], Limits = new SizeLimits { PerGroup = 10 } };
        var model = TemplateModelBuilder.Build(Sample(), config, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var stream = typeof(TemplateSource).Assembly.GetManifestResourceStream("starter/" + starter)!;
        var path = Path.Combine(Path.GetTempPath(), $"profilegen-{Guid.NewGuid():N}-{starter}");
        File.WriteAllText(path, new StreamReader(stream).ReadToEnd());
        try
        {
            var whole = ProfileRenderer.Render(TemplateSource.Default(config.Culture), model);
            var region = ProfileRenderer.Render(TemplateSource.FromFile(path), model);

            Assert.Equal(whole[whole.IndexOf(heading, StringComparison.Ordinal)..], region);
            // Cut descriptions and README first sentences, as the default shows them.
            Assert.Contains("de Keycloak dans le laboratoire d'innovation du centre d'expertise appliquée en… |", region);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_output_does_not_depend_on_the_day_it_runs()
    {
        // The sample's repositories carry no dates: give each real ones, a day apart, so the
        // activity column is filled and a relative date ("3 days ago") would show.
        var first = new DateTimeOffset(2025, 3, 1, 14, 30, 0, TimeSpan.Zero);
        var sample = Sample();
        var dated = sample with
        {
            Repos = [.. sample.Repos.Select((r, i) => r with { CreatedAt = first.AddYears(-2).AddDays(i), UpdatedAt = first.AddDays(i).AddHours(3), PushedAt = first.AddDays(i) })],
        };
        var config = CqenConfig();
        var template = TemplateSource.Default(config.Culture);
        string RenderOn(OrgSnapshot snapshot, DateTimeOffset now) => ProfileRenderer.Render(template, TemplateModelBuilder.Build(snapshot, config, now));

        var monday = RenderOn(dated, new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var yearLater = RenderOn(dated, new DateTimeOffset(2027, 6, 30, 23, 59, 0, TimeSpan.Zero));

        Assert.NotEqual(RenderOn(sample, new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)), monday); // the dates are in the output
        Assert.Equal(monday, yearLater);
    }

    [Fact]
    public void The_cqen_profile_keeps_todays_seed_text()
    {
        var markdown = Render(CqenConfig());
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "dot-github", "profile", "README.md"));
        // Every line of prose and every link of today's profile is still there, verbatim.
        foreach (var line in seed.Split('\n').Skip(6).Where(l => l.Trim().Length > 0))
        {
            Assert.Contains(line, markdown);
        }
        Assert.Contains("<!-- ENTETE -->", markdown);
        Assert.Contains("(https://github.com/CQEN-QDCE/.github/blob/main/LICENSE)", markdown); // the real licence file
    }
}
