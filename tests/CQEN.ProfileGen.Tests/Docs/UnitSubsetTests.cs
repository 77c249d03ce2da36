using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CQEN.ProfileGen.Tests.Action;
using CQEN.ProfileGen.Tests.Cards;
using CQEN.ProfileGen.Tests.Publishing;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>
/// The fast subset documented in docs/contributing.md (tests/unit.runsettings) holds only pure
/// unit tests: no test in it starts the stand-in GitHub server, git or a browser.
/// </summary>
public sealed partial class UnitSubsetTests
{
    private static readonly Type[] ProcessAttributes = [typeof(GitFactAttribute), typeof(GitTheoryAttribute), typeof(BrowserFactAttribute), typeof(BrowserTheoryAttribute)];

    [Fact]
    public void No_test_in_the_fast_subset_starts_the_stand_in_server_git_or_a_browser()
    {
        var (excluded, excludesProcess) = Filter();
        Assert.True(excludesProcess, "tests/unit.runsettings must leave out Category=Process");

        var wrong = InSubset(excluded).Where(m => StartsSomething(m)).Select(m => $"{m.DeclaringType!.FullName}.{m.Name}").ToList();

        Assert.True(wrong.Count == 0, "in the fast subset, yet starting a server or a process (mark it [Trait(\"Category\", \"Process\")] or move it):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_fast_subset_keeps_the_unit_tests_of_the_core()
    {
        var (excluded, _) = Filter();
        var classes = InSubset(excluded).Select(m => m.DeclaringType!.Namespace).Distinct().ToList();

        foreach (var folder in new[] { "Badges", "Licenses", "Rendering", "Publishing", "Snapshots", "Configuration", "Audit", "Docs" })
        {
            Assert.Contains($"CQEN.ProfileGen.Tests.{folder}", classes);
        }
    }

    [Fact]
    public void A_test_starting_a_browser_outside_the_left_out_folders_would_be_caught()
    {
        var (excluded, _) = Filter();
        var browser = typeof(CardsInABrowserTests).GetMethods().First(m => m.GetCustomAttributes<BrowserFactAttribute>().Any());

        Assert.True(StartsSomething(browser));
        Assert.DoesNotContain(excluded, e => browser.DeclaringType!.FullName!.Contains(e, StringComparison.Ordinal));
        Assert.DoesNotContain(browser, InSubset(excluded)); // only its trait keeps it out
    }

    private static IEnumerable<MethodInfo> InSubset(IReadOnlyList<string> excluded) =>
        typeof(UnitSubsetTests).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !excluded.Any(e => t.FullName!.Replace('+', '.').Contains(e, StringComparison.Ordinal)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Where(x => !IsProcess(x.Method) && !IsProcess(x.Type))
            .Select(x => x.Method);

    // xUnit v2's TraitAttribute keeps its name and value only as constructor arguments.
    private static bool IsProcess(MemberInfo member) =>
        member.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: "Category" }, { Value: "Process" }]);

    private static bool StartsSomething(MethodInfo method)
    {
        if (method.GetCustomAttributes(inherit: true).Any(a => ProcessAttributes.Contains(a.GetType())))
        {
            return true;
        }
        for (var type = method.DeclaringType; type is not null; type = type.BaseType)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            if (type.GetFields(all).Any(f => f.FieldType == typeof(StandInGitHubServer)) || type.GetProperties(all).Any(p => p.PropertyType == typeof(StandInGitHubServer)))
            {
                return true;
            }
        }
        return false;
    }

    private static (List<string> Excluded, bool ExcludesProcess) Filter()
    {
        var settings = XDocument.Load(Path.Combine(RepositoryCheckout.Root, "tests", "unit.runsettings"));
        var filter = settings.Descendants("TestCaseFilter").Single().Value;
        var parts = filter.Split('&', StringSplitOptions.TrimEntries);
        return ([.. parts.Select(p => NamespaceExcluded().Match(p)).Where(m => m.Success).Select(m => m.Groups[1].Value)], parts.Contains("Category!=Process"));
    }

    [GeneratedRegex(@"^FullyQualifiedName!~(.+)$")]
    private static partial Regex NamespaceExcluded();
}
