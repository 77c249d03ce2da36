using System.Diagnostics;

namespace CQEN.ProfileGen.Tests.Packaging;

/// <summary>`dotnet pack` gives the dotnet tool CQEN.ProfileGen, which installs and runs as `profilegen`.</summary>
public class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-pack-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CQEN.ProfileGen.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("run from a checkout of the repository");
    }

    private static (int Exit, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5));
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void The_packed_tool_installs_and_prints_its_version()
    {
        var packages = Path.Combine(_dir, "packages");
        var tools = Path.Combine(_dir, "tools");
        var pack = Run("dotnet", "pack", Path.Combine(RepositoryRoot(), "src", "CQEN.ProfileGen"), "-c", "Release", "-o", packages, "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.Exit == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "CQEN.ProfileGen.*.nupkg"));

        var install = Run("dotnet", "tool", "install", "CQEN.ProfileGen", "--tool-path", tools, "--add-source", packages);
        Assert.True(install.Exit == 0, install.Output);

        var version = Run(Path.Combine(tools, "profilegen"), "--version");
        Assert.Equal(0, version.Exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());

        var help = Run(Path.Combine(tools, "profilegen"), "publish", "--help");
        Assert.Contains("--dry-run", help.Output);
    }
}
