using System.Diagnostics;
using System.Text;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// Runs the real `git diff --no-index` on two texts, with the user's and system's git
/// configuration shut out, and returns what it prints from the `---` line on with the file
/// names replaced by <paramref name="path"/>. Null when git is not installed.
/// </summary>
internal static class GitDiffRunner
{
    private static readonly Lazy<bool> Installed = new(() => TryRun(Path.GetTempPath(), ["--version"], out _));

    public static bool IsInstalled => Installed.Value;

    public static string? Diff(string? before, string? after, string path)
    {
        if (!IsInstalled)
            return null;

        var folder = Directory.CreateTempSubdirectory("profilegen-gitdiff-");
        try
        {
            string oldArgument = "/dev/null", newArgument = "/dev/null";
            if (before is not null)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, "old"), Encoding.UTF8.GetBytes(before));
                oldArgument = "old";
            }
            if (after is not null)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, "new"), Encoding.UTF8.GetBytes(after));
                newArgument = "new";
            }

            string[] arguments =
            [
                "-c", "core.quotepath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicprefix=false",
                "-c", "diff.algorithm=myers", "-c", "diff.indentHeuristic=true", "-c", "diff.suppressBlankEmpty=false",
                "-c", "core.autocrlf=false", "-c", "color.ui=false",
                "diff", "--no-index", "--no-color", "--no-ext-diff", "--no-textconv", "--", oldArgument, newArgument,
            ];
            if (!TryRun(folder.FullName, arguments, out var output))
                throw new InvalidOperationException("git diff --no-index failed");

            int start = output.StartsWith("--- ", StringComparison.Ordinal) ? 0 : output.IndexOf("\n--- ", StringComparison.Ordinal) + 1;
            if (start <= 0 && !output.StartsWith("--- ", StringComparison.Ordinal))
                return "";
            return output[start..]
                .Replace("--- a/old\n", $"--- a/{path}\n", StringComparison.Ordinal)
                .Replace("+++ b/new\n", $"+++ b/{path}\n", StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Applies a diff with `git apply` to a file holding <paramref name="before"/>; returns the file's text after.</summary>
    public static string Apply(string before, string diff, string path)
    {
        var folder = Directory.CreateTempSubdirectory("profilegen-gitapply-");
        try
        {
            var file = Path.Combine(folder.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(before));
            File.WriteAllBytes(Path.Combine(folder.FullName, "change.diff"), Encoding.UTF8.GetBytes(diff));
            if (!TryRun(folder.FullName, ["apply", "--whitespace=nowarn", "change.diff"], out _, acceptDifferences: false))
                throw new InvalidOperationException("git apply refused the diff");
            return Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool TryRun(string workingDirectory, string[] arguments, out string output, bool acceptDifferences = true)
    {
        output = "";
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["HOME"] = workingDirectory;
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(workingDirectory)) ?? "/";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            output = stdout.Result;
            // git diff exits 1 when the files differ.
            return process.ExitCode == 0 || (acceptDifferences && process.ExitCode == 1);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
