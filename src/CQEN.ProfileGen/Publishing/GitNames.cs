namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Branch names and file paths as git and GitHub accept them, checked before any request so a
/// dry run never shows a plan that the real run would have refused.
/// </summary>
internal static class GitNames
{
    /// <summary><paramref name="value"/> when <paramref name="problem"/> finds nothing, else the one-line error naming <paramref name="option"/>.</summary>
    public static string Checked(string value, Func<string, string?> problem, string option) =>
        problem(value) is { } why ? throw new InputException($"{option}: '{value.ReplaceLineEndings(" ")}' {why}") : value;

    /// <summary>Why <paramref name="branch"/> is not a valid branch name (`git check-ref-format --branch` rules), or null when it is.</summary>
    public static string? BranchProblem(string branch)
    {
        if (branch.Length == 0)
        {
            return "is empty";
        }
        if (branch == "@" || branch.Contains("@{", StringComparison.Ordinal))
        {
            return "cannot be '@' or contain '@{'";
        }
        if (branch.StartsWith('/') || branch.EndsWith('/') || branch.Contains("//", StringComparison.Ordinal))
        {
            return "cannot start or end with '/' or contain '//'";
        }
        if (branch.Contains("..", StringComparison.Ordinal))
        {
            return "cannot contain '..'";
        }
        if (branch.EndsWith('.'))
        {
            return "cannot end with '.'";
        }
        if (branch.StartsWith('-'))
        {
            return "cannot start with '-'";
        }
        if (branch.FirstOrDefault(ch => char.IsControl(ch) || ch is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\') is var bad and not '\0')
        {
            return $"cannot contain {Describe(bad)}";
        }
        foreach (var part in branch.Split('/'))
        {
            if (part.StartsWith('.') || part.EndsWith(".lock", StringComparison.Ordinal))
            {
                return $"has a part '{part}' that starts with '.' or ends with '.lock'";
            }
        }
        return null;
    }

    /// <summary>Why <paramref name="path"/> is not a file path inside a repository, or null when it is.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0)
        {
            return "is empty";
        }
        if (path.StartsWith('/') || path.EndsWith('/'))
        {
            return "is a path inside the repository: no leading or trailing '/'";
        }
        if (path.FirstOrDefault(ch => char.IsControl(ch) || ch == '\\') is var bad and not '\0')
        {
            return $"cannot contain {Describe(bad)}";
        }
        foreach (var part in path.Split('/'))
        {
            if (part is "" or "." or "..")
            {
                return "cannot have empty, '.' or '..' parts";
            }
            if (part.Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                return "cannot be inside .git";
            }
        }
        return null;
    }

    private static string Describe(char ch) => char.IsControl(ch) || ch == ' ' ? $"U+{(int)ch:X4}" : $"'{ch}'";
}
