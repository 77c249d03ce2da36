using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>The `lifecycle` and `audit` sections of profilegen.yml.</summary>
public class AuditConfigTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    [Fact]
    public void Both_sections_are_read()
    {
        var config = Parse("""
            lifecycle:
              labels: [Cycle de vie]
              values: [Phase Découverte, Expérimentation]
              aliases: { Lifecycle: Cycle de vie, Experimental: Expérimentation }
            audit:
              rules:
                description-missing: off
                lifecycle-variant: warning
            """);
        Assert.Equal(["Cycle de vie"], config.Lifecycle.Labels);
        Assert.Equal(["Phase Découverte", "Expérimentation"], config.Lifecycle.Values);
        Assert.Equal("Expérimentation", config.Lifecycle.Aliases["Experimental"]);
        Assert.Equal("off", config.Audit.Rules["description-missing"]);
        Assert.Equal("warning", config.Audit.Rules["lifecycle-variant"]);
    }

    [Theory]
    [InlineData("audit:\n  rules:\n    licence-missing: off\n", "profilegen.yml:3:5: unknown audit rule 'licence-missing' (rules: license-badge-mismatch,")]
    [InlineData("audit:\n  rules:\n    license-missing: fatal\n", "profilegen.yml:3:22: 'license-missing' must be one of off, error, warning, notice (got 'fatal')")]
    [InlineData("audit:\n  rule: {}\n", "profilegen.yml:2:3: unknown key 'rule' (known keys: rules)")]
    [InlineData("lifecycle:\n  value: [x]\n", "profilegen.yml:2:3: unknown key 'value' (known keys: labels, values, aliases)")]
    [InlineData("lifecycle:\n  values: Beta\n", "profilegen.yml:2:11: 'values' must be a list")]
    [InlineData("lifecycle:\n  values: [Bêta]\n  aliases:\n    Beta: Beta\n", "profilegen.yml:4:11: the alias 'Beta' leads to 'Beta', which is not in lifecycle.labels or lifecycle.values")]
    public void Mistakes_are_reported_with_file_line_and_column(string yaml, string expected) =>
        Assert.StartsWith(expected, ErrorOf(yaml));

    [Fact]
    public void The_vocabulary_folds_case_accents_and_aliases_and_suggests_the_nearest_value()
    {
        var v = new LifecycleVocabulary { Values = ["Phase Découverte", "Phase Bêta"], Aliases = new Dictionary<string, string> { ["découverte"] = "Phase Découverte" } };
        Assert.Equal(new Folded("Phase Découverte", "Phase Découverte", FoldKind.Exact), v.Value("Phase Découverte"));
        Assert.Equal(new Folded("phase decouverte", "Phase Découverte", FoldKind.Spelling), v.Value("phase decouverte"));
        Assert.Equal(new Folded("Découverte", "Phase Découverte", FoldKind.Alias), v.Value("Découverte"));
        Assert.Equal(new Folded("Phase Beta2", "Phase Beta2", FoldKind.Unknown, "Phase Bêta"), v.Value("Phase Beta2"));
        Assert.Equal(FoldKind.Undeclared, new LifecycleVocabulary().Value("Anything").Kind);
    }
}
