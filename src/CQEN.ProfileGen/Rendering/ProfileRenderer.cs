using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CQEN.ProfileGen.Rendering;

/// <summary>Template + model → Markdown, inside a sandbox (loop, recursion, output and time limits).</summary>
internal static class ProfileRenderer
{
    /// <summary>Limits generous enough for 10,000+ repositories, tight enough to stop a runaway template.</summary>
    public sealed record Limits(int LoopLimit = 1_000_000, int RecursiveLimit = 64, int OutputLimitChars = 50_000_000, TimeSpan? TimeLimit = null)
    {
        public TimeSpan Time => TimeLimit ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Parses a template, reporting the first syntax error as <c>file:line:col: message</c>.</summary>
    public static Template Parse(TemplateSource source)
    {
        var template = Template.Parse(source.Text, source.DisplayPath);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new InputException($"{Where(first.Span, source.DisplayPath)}: {first.Message}");
        }
        return template;
    }

    /// <param name="ct">The run's deadline: rendering stops with it, as well as at its own time limit.</param>
    /// <summary>
    /// The whole-file budget (limits.max_bytes), checked on the text about to be written: over it
    /// the run stops and writes nothing, as GitHub would show neither its diff nor its page.
    /// </summary>
    public static string WithinBudget(string markdown, int maxBytes, string template)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(markdown);
        return bytes <= maxBytes
            ? markdown
            : throw new InputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{template}: the rendered README is {bytes:N0} bytes, over limits.max_bytes ({maxBytes:N0} bytes); list fewer repositories per group (limits.per_group) or raise limits.max_bytes in profilegen.yml"));
    }

    public static string Render(TemplateSource source, ProfileModel model, Limits? limits = null, CancellationToken ct = default)
    {
        limits ??= new Limits();
        var template = Parse(source);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.Time);
        var context = new TemplateContext
        {
            TemplateLoader = source.Loader,
            LoopLimit = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            OutputLimit = limits.OutputLimitChars,
            // Scriban's default is to cut a text at a limit and append "..." silently; a limit
            // reached is an error here, never a truncated README.
            LimitToString = limits.OutputLimitChars,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            // A misspelled name is an error with file:line:col, not an empty string: variables,
            // and members too (`repo.nmae`, `org.nmae`). A null target stays allowed with `?.`.
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
            CancellationToken = timeout.Token,
            MemberRenamer = StandardMemberRenamer.Default,
        };
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        context.PushGlobal(TemplateFunctions.Create(model));
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or OperationCanceledException && ct.IsCancellationRequested)
        {
            // The run's deadline: the command line reports it (Scriban wraps it in its own exception).
            throw new OperationCanceledException("the run's deadline passed while rendering", ex, ct);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or OperationCanceledException && timeout.IsCancellationRequested)
        {
            throw new InputException($"{source.DisplayPath}: rendering took longer than {limits.Time.TotalSeconds:0} s and was stopped");
        }
        catch (ScriptRuntimeException ex)
        {
            throw new InputException($"{Where(ex.Span, source.DisplayPath)}: {Explain(ex.OriginalMessage)}");
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"{Where(context.CurrentSpan, source.DisplayPath)}: {ex.Message}");
        }
    }

    // Every member name of the template model (snake_case), to suggest the one a typo meant.
    private static readonly Lazy<string[]> ModelMembers = new(() => typeof(ProfileModel).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(ProfileModel).Namespace && !t.IsNested && t.Name.EndsWith("Model", StringComparison.Ordinal))
        .SelectMany(t => t.GetProperties()).Select(p => StandardMemberRenamer.Default(p)).Distinct(StringComparer.Ordinal).ToArray());

    private static string Explain(string message)
    {
        var missing = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot get member with name (?<name>\w+)\.?$");
        return missing.Success
            ? $"the template model has no member '{missing.Groups["name"].Value}'{NearestName.Suggest(missing.Groups["name"].Value, ModelMembers.Value)}; for a value that may be null, write `x?.y`"
            : message;
    }

    private static string Where(Scriban.Parsing.SourceSpan span, string fallbackFile)
    {
        var file = string.IsNullOrEmpty(span.FileName) || span.FileName == "<input>" ? fallbackFile : span.FileName;
        return $"{file}:{span.Start.Line + 1}:{span.Start.Column + 1}";
    }
}
