using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// The catalogue's inputs read from GitHub (#27): <c>publiccode.yml</c> (or <c>.yaml</c>) and
/// <c>catalog-info.yaml</c> only where a repository's root shows them, in the batched file pass
/// (GraphQL) or after the root's listing (REST), kept in the read cache; and the organization's
/// custom properties, read only when profilegen.yml names them, with a token that may read them.
/// </summary>
public sealed class CatalogueReadTests() : EndToEndTest(repos: 12, token: "ghs_catalogueRead000000000000000000000001")
{
    private const string Publiccode = "publiccodeYmlVersion: \"0.4\"\nname: projet\ndevelopmentStatus: stable\nlegal:\n  license: LiLiQ-P-1.1\n";
    private const string CatalogInfo = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: projet\nspec:\n  lifecycle: production\n  owner: equipe\n";
    private const string Malformed = "name: [unclosed\ndevelopmentStatus: stable\n";

    private const string ClassicToken = "ghp_catalogueClassic00000000000000000001";

    protected override void Arrange(GitHubState state)
    {
        state.Repo(Org, "projet-00001").Commit("main", new Dictionary<string, string> { ["publiccode.yml"] = Publiccode }, "Add publiccode");
        state.Repo(Org, "projet-00002").Commit("main", new Dictionary<string, string> { ["catalog-info.yaml"] = CatalogInfo }, "Add catalog-info");
        state.Repo(Org, "projet-00003").Commit("main", new Dictionary<string, string> { ["publiccode.yaml"] = Malformed }, "Add a malformed publiccode");
        state.AddClassicToken(ClassicToken, "maintainer", "repo", "read:org");
        var org = state.Orgs[Org];
        org.CustomPropertySchema["lifecycle"] = "single_select";
        org.CustomPropertySchema["owner"] = "multi_select";
        org.CustomPropertySchema["data-class"] = "string";
        state.Repo(Org, "projet-00001").CustomProperties["lifecycle"] = ["Production"];
        state.Repo(Org, "projet-00001").CustomProperties["owner"] = ["equipe-a", "equipe-b"];
        state.Repo(Org, "projet-00001").CustomProperties["data-class"] = ["secret"];
    }

    private static JsonObject RepoIn(string snapshot, string name) =>
        JsonNode.Parse(snapshot)!["repos"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private IEnumerable<JsonObject> FileBatchVariables => GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
        .Select(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject());

    private void WriteConfig(string yaml) => File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), yaml);

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Catalogue_files_are_read_as_texts_where_the_root_shows_them_and_a_malformed_one_stays_a_text(string reader)
    {
        var result = await Run("snapshot", "--reader", reader);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Publiccode, (string?)RepoIn(result.Out, "projet-00001")["publiccode"]);
        Assert.Equal(CatalogInfo, (string?)RepoIn(result.Out, "projet-00002")["catalog_info"]);
        Assert.Equal(Malformed, (string?)RepoIn(result.Out, "projet-00003")["publiccode"]);
        Assert.Null(RepoIn(result.Out, "projet-00004")["publiccode"]);
        Assert.Null(RepoIn(result.Out, "projet-00004")["catalog_info"]);
    }

    [Fact]
    public async Task The_graphql_reader_asks_for_catalogue_files_only_of_repositories_whose_root_shows_one_in_the_same_file_batch()
    {
        var result = await Run("snapshot", "--reader", "graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        var asked = FileBatchVariables.SelectMany(v => v.Where(p => p.Key.StartsWith('p') || p.Key.StartsWith('c')).Select(p => (string)p.Value!)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["HEAD:catalog-info.yaml", "HEAD:publiccode.yaml", "HEAD:publiccode.yml"], asked);
        Assert.Equal(WholeReadRequests(), GitHub.Log.All.Count); // no request more than without them
    }

    [Fact]
    public async Task A_malformed_publiccode_read_from_github_is_an_audit_finding_not_a_failed_run()
    {
        var result = await Run("audit", "--reader", "graphql", "--json");

        Assert.True(result.ExitCode is 0 or 1 && !result.Error.Contains("error", StringComparison.Ordinal), result.Error);
        Assert.Contains("catalogue-file-malformed", result.Out, StringComparison.Ordinal);
        Assert.Contains("projet-00003", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_files_are_kept_in_the_read_cache_and_read_again_only_after_a_push()
    {
        var cache = Path.Combine(Dir, "cache");
        Assert.Equal(0, (await Run("snapshot", "--reader", "graphql", "--cache-dir", cache)).ExitCode);
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00002").Commit("main", new Dictionary<string, string> { ["catalog-info.yaml"] = CatalogInfo.Replace("production", "deprecated", StringComparison.Ordinal) }, "Deprecate");
        }
        GitHub.Log.Clear();

        var rerun = await Run("snapshot", "--reader", "graphql", "--cache-dir", cache);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Publiccode, (string?)RepoIn(rerun.Out, "projet-00001")["publiccode"]);
        Assert.Contains("lifecycle: deprecated", (string?)RepoIn(rerun.Out, "projet-00002")["catalog_info"], StringComparison.Ordinal);
        Assert.Equal(["projet-00002"], FileBatchVariables.SelectMany(v => v.Where(p => p.Key.StartsWith('n')).Select(p => (string)p.Value!)).Distinct());
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Custom_properties_named_in_the_configuration_are_read_with_a_token_that_may_read_them(string reader)
    {
        WriteConfig("catalogue:\n  precedence: [custom-property, publiccode, readme-badge]\n");
        Cli.Variables["GITHUB_TOKEN"] = ClassicToken;

        var result = await Run("snapshot", "--reader", reader);

        Assert.True(result.ExitCode == 0, result.Error);
        var properties = RepoIn(result.Out, "projet-00001")["custom_properties"]!.AsObject();
        Assert.Equal("Production", (string?)properties["lifecycle"]![0]);
        Assert.Equal(["equipe-a", "equipe-b"], properties["owner"]!.AsArray().Select(v => (string)v!));
        Assert.False(properties.ContainsKey("data-class")); // a property the configuration does not name is not kept
        Assert.Empty(RepoIn(result.Out, "projet-00004")["custom_properties"]!.AsObject()); // read, none set
    }

    [Fact]
    public async Task Custom_properties_a_token_may_not_read_give_a_notice_and_the_run_goes_on_without_them()
    {
        WriteConfig("catalogue:\n  properties:\n    lifecycle: lifecycle\n");

        var result = await Run("snapshot", "--reader", "graphql"); // the workflow's GITHUB_TOKEN

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(GitHub.Log.All, r => r.Path.EndsWith("/properties/schema", StringComparison.Ordinal));
        Assert.Contains("custom properties of 'org' were not read (403", result.Error, StringComparison.Ordinal);
        Assert.Null(RepoIn(result.Out, "projet-00001")["custom_properties"]);
    }

    [Fact]
    public async Task Custom_properties_are_not_asked_for_when_the_configuration_does_not_name_them()
    {
        Cli.Variables["GITHUB_TOKEN"] = ClassicToken;

        var result = await Run("snapshot", "--reader", "graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(GitHub.Log.All, r => r.Path.Contains("/properties/", StringComparison.Ordinal));
        Assert.Null(RepoIn(result.Out, "projet-00001")["custom_properties"]);
    }

    [Fact]
    public async Task Custom_property_values_of_an_organization_that_defines_none_of_the_names_cost_one_request()
    {
        WriteConfig("catalogue:\n  properties:\n    lifecycle: phase\n    license: licence\n    owner: equipe\n    summary_fr: resume\n    summary_en: summary\n");
        Cli.Variables["GITHUB_TOKEN"] = ClassicToken;

        var result = await Run("snapshot", "--reader", "graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(GitHub.Log.All, r => r.Path.Contains("/properties/", StringComparison.Ordinal));
        Assert.Empty(RepoIn(result.Out, "projet-00001")["custom_properties"]!.AsObject());
    }
}
