using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using CQEN.ProfileGen.Tests.Action;

namespace CQEN.ProfileGen.Tests.Packaging;

/// <summary>
/// A release as the release workflow makes it: a clone of the repository tagged v1.2.3, packed.
/// The package is CQEN.ProfileGen 1.2.3 with its metadata, rolls forward to newer runtimes,
/// installs as the dotnet tool `profilegen` and says its version with the commit.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-pack-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Exit, string Output) Run(string file, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(10));
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void A_tagged_clone_packs_a_versioned_tool_with_its_metadata_that_rolls_forward()
    {
        // Without the repository's own tags (a release run has v1.x on HEAD), so v1.2.3 is the version.
        var clone = Path.Combine(_dir, "clone");
        var packages = Path.Combine(_dir, "packages");
        var tools = Path.Combine(_dir, "tools");
        var cloned = Run("git", null, "clone", "--quiet", "--no-hardlinks", "--no-tags", RepositoryCheckout.Root, clone);
        Assert.True(cloned.Exit == 0, cloned.Output);
        var tagged = Run("git", clone, "tag", "v1.2.3");
        Assert.True(tagged.Exit == 0, tagged.Output);
        var commit = Run("git", clone, "rev-parse", "HEAD").Output.Trim();

        var pack = Run("dotnet", null, "pack", Path.Combine(clone, "src", "CQEN.ProfileGen"), "-c", "Release", "-o", packages, "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.Exit == 0, pack.Output);
        var nupkg = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
        Assert.Equal("CQEN.ProfileGen.1.2.3.nupkg", Path.GetFileName(nupkg));

        using (var zip = ZipFile.OpenRead(nupkg))
        {
            using var nuspecStream = zip.GetEntry("CQEN.ProfileGen.nuspec")!.Open();
            var nuspec = XDocument.Load(nuspecStream).Root!;
            var ns = nuspec.Name.Namespace;
            var metadata = nuspec.Element(ns + "metadata")!;
            Assert.Equal("1.2.3", metadata.Element(ns + "version")!.Value);
            var repository = metadata.Element(ns + "repository")!;
            Assert.Equal("git", repository.Attribute("type")!.Value);
            Assert.Equal("https://github.com/CQEN-QDCE/profilegen", repository.Attribute("url")!.Value);
            Assert.Equal(commit, repository.Attribute("commit")!.Value);
            Assert.Equal("https://github.com/CQEN-QDCE/profilegen", metadata.Element(ns + "projectUrl")!.Value);
            var license = metadata.Element(ns + "license")!;
            Assert.Equal(("expression", "LiLiQ-P-1.1"), (license.Attribute("type")!.Value, license.Value));
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.Contains("github", metadata.Element(ns + "tags")!.Value.Split(' '));

            // The package README is the short one written for nuget.org, not the repository's manual.
            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            var text = readme.ReadToEnd();
            Assert.Contains("dotnet tool install -g CQEN.ProfileGen", text);
            Assert.True(text.Length < 4000, $"package README is {text.Length} characters");

            using var runtimeConfig = zip.GetEntry("tools/net10.0/any/profilegen.runtimeconfig.json")!.Open();
            var rollForward = JsonDocument.Parse(runtimeConfig).RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString();
            Assert.Equal("Major", rollForward);

            // Satellite resources only in English and French.
            var cultures = zip.Entries.Where(e => e.FullName.EndsWith(".resources.dll", StringComparison.Ordinal))
                .Select(e => e.FullName.Split('/')[^2]).Distinct().ToArray();
            Assert.All(cultures, c => Assert.Contains(c, new[] { "en", "fr" }));
        }

        var install = Run("dotnet", null, "tool", "install", "CQEN.ProfileGen", "--tool-path", tools, "--add-source", packages, "--version", "1.2.3");
        Assert.True(install.Exit == 0, install.Output);
        var version = Run(Path.Combine(tools, "profilegen"), null, "--version");
        Assert.Equal(0, version.Exit);
        Assert.Equal($"1.2.3+{commit}", version.Output.Trim());
        var help = Run(Path.Combine(tools, "profilegen"), null, "publish", "--help");
        Assert.Contains("--dry-run", help.Output);
    }
}
