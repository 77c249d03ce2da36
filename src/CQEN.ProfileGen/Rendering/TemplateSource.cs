using System.Reflection;
using CQEN.ProfileGen.Configuration;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// A template's text, the name errors give it, and where its includes may come from: only
/// the template's own folder (or the embedded default set), never elsewhere on disk.
/// </summary>
internal sealed class TemplateSource
{
    private const string ResourcePrefix = "templates/";

    private TemplateSource(string text, string displayPath, ITemplateLoader loader)
    {
        Text = text;
        DisplayPath = displayPath;
        Loader = loader;
    }

    public string Text { get; }
    public string DisplayPath { get; }
    public ITemplateLoader Loader { get; }

    /// <summary>Whether this is the embedded default of a culture (then each culture of the run has its own).</summary>
    public bool IsDefault { get; private init; }

    /// <summary>The default template for a culture: profile.fr.sbn or profile.en.sbn, embedded in the tool.</summary>
    public static TemplateSource Default(ProfileCulture culture)
    {
        var source = Embedded(culture == ProfileCulture.English ? "profile.en.sbn" : "profile.fr.sbn");
        return new TemplateSource(source.Text, source.DisplayPath, source.Loader) { IsDefault = true };
    }

    /// <summary>
    /// The template for another culture of the run: the culture's own default; for a file, its
    /// sibling with the culture's language before the extension (profile.sbn → profile.en.sbn)
    /// when there is one, else the same file (which can read <c>culture</c>).
    /// </summary>
    public TemplateSource For(ProfileCulture culture)
    {
        if (IsDefault)
        {
            return Default(culture);
        }
        if (SourceFile is null)
        {
            return this;
        }
        var sibling = Path.ChangeExtension(SourceFile, culture.Language() + Path.GetExtension(SourceFile));
        return File.Exists(sibling) ? FromFile(sibling) : this;
    }

    public static TemplateSource Embedded(string name)
    {
        var text = EmbeddedTemplates.Read(name) ?? throw new InputException($"no embedded template named '{name}'");
        return new TemplateSource(text, "templates/" + name, new EmbeddedTemplates());
    }

    public static TemplateSource FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        var text = Utf8File.Read(full, path, "template");
        return new TemplateSource(text, path, new FolderTemplateLoader(Path.GetDirectoryName(full)!)) { SourceFile = path };
    }

    // The file a template came from, for its other cultures' siblings (profile.sbn → profile.en.sbn).
    private string? SourceFile { get; init; }

    /// <summary>The names of the embedded templates (for `init` and the README).</summary>
    public static IReadOnlyList<string> EmbeddedNames() => EmbeddedTemplates.Names();

    private sealed class EmbeddedTemplates : ITemplateLoader
    {
        public static string? Read(string name)
        {
            using var stream = typeof(TemplateSource).Assembly.GetManifestResourceStream(ResourcePrefix + name);
            if (stream is null)
            {
                return null;
            }
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        public static IReadOnlyList<string> Names() =>
            typeof(TemplateSource).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal).ToArray();

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            Read(templatePath) ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"no embedded template named '{templatePath}'");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    private sealed class FolderTemplateLoader(string root) : ITemplateLoader
    {
        // The folder's own real path: a template folder reached through a link is fine, a link out of it is not.
        private readonly string _root = FilePath.Real(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (Path.IsPathRooted(templateName))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}' is outside the template folder");
            }
            // Every component is resolved, links followed (a linked folder such as `procself -> /proc/self`
            // is a way out as much as `../`), and the real path must still be inside the folder.
            var real = FilePath.Real(Path.GetFullPath(Path.Combine(_root, templateName)));
            if (!real.StartsWith(_root, StringComparison.Ordinal))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}' is outside the template folder");
            }
            return real;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            try
            {
                return Utf8File.Read(templatePath, Path.GetFileName(templatePath), "include");
            }
            catch (InputException ex)
            {
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{Path.GetFileName(templatePath)}': {ex.Message}");
            }
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
