using CQEN.ProfileGen.Catalogue;

namespace CQEN.ProfileGen.Tests.Catalogue;

/// <summary>Reading publiccode.yml and catalog-info.yaml: typed values out, and every problem as a place, never an exception.</summary>
public class CatalogueFilesTests
{
    [Fact]
    public void A_valid_publiccode_file_gives_its_status_maintenance_licence_and_descriptions_by_language()
    {
        var (file, problems) = PubliccodeFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Fixtures", "publiccode.standard-example.yml")));
        Assert.Empty(problems);
        Assert.NotNull(file);
        Assert.Equal("0", file.Version);
        Assert.Equal("development", file.DevelopmentStatus);
        Assert.Equal("contract", file.MaintenanceType);
        Assert.Equal("AGPL-3.0-or-later", file.License);
        Assert.StartsWith("This description can have a maximum 150", file.DescriptionIn("en")!.ShortDescription);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_a_syntax_problem_at_its_line_and_column()
    {
        var (file, problems) = PubliccodeFile.Parse("publiccodeYmlVersion: \"0\"\nname: x\ndescription: [unclosed\n");
        Assert.Null(file);
        var problem = Assert.Single(problems);
        Assert.Equal(CatalogueProblemKind.Syntax, problem.Kind);
        Assert.Equal("publiccode.yml", problem.Path);
        Assert.True(problem.Line >= 3, problem.Where);
    }

    [Fact]
    public void An_unclosed_flow_sequence_followed_by_more_lines_is_a_syntax_problem_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException here, not a YamlException.
        var (file, problems) = PubliccodeFile.Parse("name: [unclosed\ndevelopmentStatus: stable\n");
        Assert.Null(file);
        Assert.Equal(CatalogueProblemKind.Syntax, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Wrong_types_are_problems_at_their_places_and_the_rest_is_still_read()
    {
        var (file, problems) = PubliccodeFile.Parse("publiccodeYmlVersion: 0.4\ndevelopmentStatus:\n  - stable\nlegal:\n  license: MIT\n");
        Assert.NotNull(file);
        Assert.Equal("MIT", file.License);
        Assert.Null(file.DevelopmentStatus);
        Assert.Equal(["publiccode.yml:1:23 WrongType publiccodeYmlVersion", "publiccode.yml:3:3 WrongType developmentStatus"],
            problems.Select(p => $"{p.Where} {p.Kind} {p.Field}"));
    }

    [Fact]
    public void A_status_the_standard_does_not_define_is_an_unknown_value_naming_the_allowed_ones()
    {
        var (file, problems) = PubliccodeFile.Parse("publiccodeYmlVersion: \"0\"\ndevelopmentStatus: production\n");
        var problem = Assert.Single(problems);
        Assert.Equal(CatalogueProblemKind.UnknownValue, problem.Kind);
        Assert.Equal("production", problem.Written);
        Assert.Contains("stable", problem.Expected);
        Assert.Equal(2, problem.Line);
        Assert.Null(file!.DevelopmentStatus);
    }

    [Fact]
    public void A_regional_description_serves_its_language()
    {
        var (file, _) = PubliccodeFile.Parse("publiccodeYmlVersion: \"0\"\ndescription:\n  fr-CA:\n    shortDescription: Bonjour.\n");
        Assert.Equal("Bonjour.", file!.DescriptionIn("fr")!.ShortDescription);
        Assert.Null(file.DescriptionIn("en"));
    }

    [Fact]
    public void A_root_that_is_not_a_mapping_is_a_problem_not_a_file()
    {
        var (file, problems) = PubliccodeFile.Parse("- a\n- b\n");
        Assert.Null(file);
        Assert.Equal(CatalogueProblemKind.WrongType, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Catalog_info_gives_the_component_of_a_file_of_several_documents()
    {
        var (file, problems) = CatalogInfoFile.Parse("kind: Group\nmetadata: {name: g}\n---\nkind: Component\nmetadata:\n  description: Desc.\nspec:\n  lifecycle: experimental\n  owner: team-a\n");
        Assert.Empty(problems);
        Assert.Equal("experimental", file!.Lifecycle);
        Assert.Equal(8, file.LifecycleLine);
        Assert.Equal("team-a", file.Owner);
        Assert.Equal("Desc.", file.Description);
    }

    [Fact]
    public void Hostile_yaml_never_throws()
    {
        foreach (var text in new[] { "", "~", "&a [*a]", "a: !!binary x", "{{{{", "\t- x", new string('[', 5000), "a: *unknown" })
        {
            var (_, problems) = PubliccodeFile.Parse(text);
            var (_, more) = CatalogInfoFile.Parse(text);
            Assert.All(problems.Concat(more), p => Assert.True(p.Line >= 1 && p.Column >= 1));
        }
    }
}
