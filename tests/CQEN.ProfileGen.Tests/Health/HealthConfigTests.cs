using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Health;

/// <summary>The health: section of profilegen.yml: read into its options, refused with the place when wrong.</summary>
public sealed class HealthConfigTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    [Fact]
    public void Every_health_key_is_read_into_its_setting()
    {
        var config = Parse("health:\n  enabled: false\n  slowing_days: 60\n  stale_days: 120\n  exempt_topics: [stable, spec]\naudit:\n  rules: { stale: off, ci-failing: error }\n");

        Assert.False(config.Health.Enabled);
        Assert.Equal(60, config.Health.SlowingDays);
        Assert.Equal(120, config.Health.StaleDays);
        Assert.Equal(["stable", "spec"], config.Health.ExemptTopics);
        Assert.Equal("off", config.Audit.Rules["stale"]);
        Assert.Equal("error", config.Audit.Rules["ci-failing"]);
    }

    [Fact]
    public void Without_a_health_section_the_view_is_on_with_six_months_and_a_year()
    {
        var health = Parse("org: x\n").Health;

        Assert.True(health.Enabled);
        Assert.Equal(180, health.SlowingDays);
        Assert.Equal(365, health.StaleDays);
        Assert.Empty(health.ExemptTopics);
    }

    [Theory]
    [InlineData("health:\n  stale_days: 100\n", "profilegen.yml:2:15: 'stale_days' (100) must be more than 'slowing_days' (180): a repository slows before it goes stale")]
    [InlineData("health: { stale_days: 30, slowing_days: 30 }", "profilegen.yml:1:41: 'stale_days' (30) must be more than 'slowing_days' (30): a repository slows before it goes stale")]
    [InlineData("health: { stale: 3 }", "profilegen.yml:1:11: unknown key 'stale' (known keys: enabled, slowing_days, stale_days, exempt_topics)")]
    [InlineData("health: { slowing_days: 0 }", "profilegen.yml:1:25: 'slowing_days' must be a whole number from 1 to 2147483647 (got '0')")]
    [InlineData("audit: { rules: { no-releases: off } }", "")]
    public void A_wrong_health_setting_names_its_place(string yaml, string message)
    {
        var error = ErrorOf(yaml);
        if (message.Length == 0)
        {
            Assert.StartsWith("profilegen.yml:1:19: ", error, StringComparison.Ordinal);
            Assert.Contains("no-release", error, StringComparison.Ordinal); // the nearest rule is named
        }
        else
        {
            Assert.Equal(message, error);
        }
    }
}
