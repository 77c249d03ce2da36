using CQEN.ProfileGen.Tests.Docs;
using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Tests.Action;

/// <summary>
/// A first read that stops before the job's time runs out fails the tool's step (exit code 4) with
/// what it read in the read cache: the Action must still save the cache then, or every run would
/// start over.
/// </summary>
public sealed class ActionReadCacheTests
{
    private static YamlMappingNode[] Steps()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(DocsPage.Read("action.yml")));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var runs = (YamlMappingNode)root.Children[new YamlScalarNode("runs")];
        return [.. ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];
    }

    private static string? Value(YamlMappingNode step, string key) =>
        step.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [Fact]
    public void The_read_cache_is_saved_after_the_tool_s_step_when_that_step_failed_but_not_when_the_job_was_cancelled()
    {
        var steps = Steps();
        var tool = Array.FindIndex(steps, s => Value(s, "run")?.Contains("launch.sh\" run", StringComparison.Ordinal) == true);
        var save = Array.FindIndex(steps, s => Value(s, "uses")?.StartsWith("actions/cache/save@", StringComparison.Ordinal) == true);

        Assert.InRange(tool, 0, steps.Length - 1);
        Assert.True(save > tool, "the cache is saved after the tool's step");
        var condition = Value(steps[save], "if")!.Replace(" ", "", StringComparison.Ordinal);
        // A step's `if` without a status function means success(): the save would be skipped after exit code 4.
        Assert.Contains("!cancelled()", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("success()", condition, StringComparison.Ordinal);
        Assert.Null(Value(steps[tool], "continue-on-error"));
    }
}
