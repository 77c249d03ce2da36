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
        {
            return null;
        }

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
            {
                throw new InvalidOperationException("git diff --no-index failed");
            }

            var start = output.StartsWith("--- ", StringComparison.Ordinal) ? 0 : output.IndexOf("\n--- ", StringComparison.Ordinal) + 1;
            if (start <= 0 && !output.StartsWith("--- ", StringComparison.Ordinal))
            {
                return "";
            }

            return output[start..]
                .Replace("--- a/old\n", $"--- a/{path}\n", StringComparison.Ordinal)
                .Replace("+++ b/new\n", $"+++ b/{path}\n", StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Applies many diffs of <paramref name="path"/> with one `git apply`: each to its own copy of
    /// the file (the diff's two header lines are re-aimed at that copy, nothing else changes);
    /// returns each copy's text after. git applies all or none, and its error names the copy.
    /// </summary>
    public static string[] ApplyAll(IReadOnlyList<(string Before, string Diff)> changes, string path)
    {
        var folder = Directory.CreateTempSubdirectory("profilegen-gitapply-");
        try
        {
            var header = $"--- a/{path}\n+++ b/{path}\n";
            var patches = new List<string>();
            for (var i = 0; i < changes.Count; i++)
            {
                var (before, diff) = changes[i];
                if (!diff.StartsWith(header, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"change {i}: the diff does not start with the header of {path}:\n{diff}");
                }

                var copy = $"change-{i:D3}/{path}";
                var file = Path.Combine(folder.FullName, copy);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, Encoding.UTF8.GetBytes(before));
                var patch = $"change-{i:D3}.diff";
                File.WriteAllBytes(Path.Combine(folder.FullName, patch), Encoding.UTF8.GetBytes($"--- a/{copy}\n+++ b/{copy}\n" + diff[header.Length..]));
                patches.Add(patch);
            }
            if (!TryRun(folder.FullName, ["apply", "--whitespace=nowarn", .. patches], out _, acceptDifferences: false, out var error))
            {
                // git names the first copy it could not patch: show that change.
                var refused = System.Text.RegularExpressions.Regex.Match(error, @"change-(\d+)/");
                var detail = refused.Success && int.Parse(refused.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n < changes.Count
                    ? $"\n--- before ---\n{changes[n].Before}\n--- diff ---\n{changes[n].Diff}"
                    : "";
                throw new InvalidOperationException("git apply refused a diff: " + error + detail);
            }
            return [.. Enumerable.Range(0, changes.Count).Select(i => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder.FullName, $"change-{i:D3}", path))))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool TryRun(string workingDirectory, string[] arguments, out string output, bool acceptDifferences = true) =>
        TryRun(workingDirectory, arguments, out output, acceptDifferences, out _);

    private static bool TryRun(string workingDirectory, string[] arguments, out string output, bool acceptDifferences, out string error)
    {
        output = "";
        error = "";
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["HOME"] = workingDirectory;
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(workingDirectory)) ?? "/";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            error = process.StandardError.ReadToEnd();
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
