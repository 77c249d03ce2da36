using System.Text;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// In GitHub Actions, everything the tool prints that is not one of its own workflow commands
/// (results on stdout, status lines and errors on stderr) passes through this writer, so that
/// repository data (a badge text, a file name, a description) can never become a command the
/// runner executes: `::add-mask::`, `::stop-commands::`, `##[error]`…
/// </summary>
/// <remarks>
/// The runner reads each line of both streams and runs it as a command when, after its leading
/// white space, it starts with `::NAME`, or when it holds `##[NAME` anywhere (the older form).
/// This writer breaks both forms with a zero-width space (invisible in the log, and not white
/// space, so the runner's trim keeps it): `:​:` at a line start and `##​[` anywhere. Why not
/// `::stop-commands::TOKEN` around the data instead: the runner reads stdout and stderr on two
/// pipes and shares one stop state between them, with no order between the pipes, so a stop on
/// one stream neither covers the other nor keeps the tool's own commands on the other working.
/// Neutralising each character as it passes is independent of the other stream and needs no buffer.
/// </remarks>
internal sealed class WorkflowCommandGuard(TextWriter inner) : TextWriter
{
    private const char Breaker = '\u200B';

    // Where the line written so far stands: nothing but white space yet; its first non-white
    // character was a colon just now; how many '#' came last.
    private bool _blankSoFar = true;
    private bool _colonFirst;
    private int _hashes;

    /// <summary>The writer underneath: only for the tool's own commands, built from escaped values.</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The environment with both streams guarded, when the run is in GitHub Actions; else as it is.</summary>
    public static CliEnvironment Protect(CliEnvironment env) =>
        GitHubActions.IsActive(env) && env.Error is not WorkflowCommandGuard
            ? env with { Out = new WorkflowCommandGuard(env.Out) { NewLine = env.Out.NewLine }, Error = new WorkflowCommandGuard(env.Error) { NewLine = env.Error.NewLine } }
            : env;

    /// <summary>The writer for the tool's own workflow commands: the unguarded one underneath.</summary>
    public static TextWriter Commands(TextWriter writer) => writer is WorkflowCommandGuard guard ? guard.Inner : writer;

    /// <summary>A text made safe to print on its own lines (each line starting afresh).</summary>
    public static string Neutralise(string text)
    {
        using var buffer = new StringWriter();
        using var guard = new WorkflowCommandGuard(buffer);
        guard.Write(text);
        return buffer.ToString();
    }

    // Each call is transformed whole and written in one piece: the console flushes on every write.
    private string Transform(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                (_blankSoFar, _colonFirst, _hashes) = (true, false, 0);
                sb.Append(c);
                continue;
            }
            if ((c == ':' && _colonFirst) || (c == '[' && _hashes >= 2))
            {
                sb.Append(Breaker);
            }
            sb.Append(c);
            _colonFirst = _blankSoFar && c == ':';
            _blankSoFar &= char.IsWhiteSpace(c);
            _hashes = c == '#' ? _hashes + 1 : 0;
        }
        return sb.ToString();
    }

    public override void Write(char value) => inner.Write(Transform([value]));

    public override void Write(string? value) => inner.Write(Transform(value));

    public override void Write(char[] buffer, int index, int count) => inner.Write(Transform(buffer.AsSpan(index, count)));

    public override void WriteLine(string? value) => inner.Write(Transform(value + NewLine));

    public override Task WriteAsync(char value) => inner.WriteAsync(Transform([value]));

    public override Task WriteAsync(string? value) => inner.WriteAsync(Transform(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => inner.WriteAsync(Transform(buffer.AsSpan(index, count)));

    public override Task WriteLineAsync(string? value) => inner.WriteAsync(Transform(value + NewLine));

    public override Task WriteLineAsync() => inner.WriteAsync(Transform(NewLine));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
