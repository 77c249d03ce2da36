using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

public class PullRequestBodyHostTests
{
    [Fact]
    public void On_github_enterprise_the_body_lists_the_repositories_added_removed_and_changed_under_the_host_s_own_links()
    {
        const string Org = "https://ghe.example.org/qdce";
        var before = $"- [api]({Org}/api) v1\n- [old]({Org}/old)\n- [web]({Org}/web)\n";
        var after = $"- [api]({Org}/api) v2\n- [new]({Org}/new)\n- [web]({Org}/web)\n";

        var body = PullRequestText.Body(Org, before, after, UnifiedDiff.Between(before, after, "profile/README.md"), ProfileCulture.English);

        Assert.Contains("### Repositories added (1)\n\n- `new`\n", body, StringComparison.Ordinal);
        Assert.Contains("### Repositories removed (1)\n\n- `old`\n", body, StringComparison.Ordinal);
        Assert.Contains("### Repositories changed (1)\n\n- `api`\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_another_organization_or_host_are_not_its_repositories()
    {
        const string Org = "https://ghe.example.org/qdce";
        var after = "- [x](https://github.com/qdce/x)\n- [y](https://ghe.example.org/other/y)\n";

        var body = PullRequestText.Body(Org, null, after, UnifiedDiff.Between(null, after, "profile/README.md"), ProfileCulture.English);

        Assert.DoesNotContain("Repositories added", body, StringComparison.Ordinal);
    }
}
