using System.CommandLine;

namespace CQEN.ProfileGen.Cli;

/// <summary>`profilegen render`: the profile README, from GitHub or from a snapshot file.</summary>
internal sealed class RenderCommand : Command
{
    public RenderCommand(CommandContext context)
        : base("render", "Render the profile README from GitHub (or from --snapshot) to stdout, or to --output (a file, or a folder for README.md) with its cards beside it.")
    {
        foreach (var option in context.Options.Rendering)
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var config = settings.Config;
            var pages = context.Run.Pages(snapshot, config, settings.Template, config.Publish.TargetPath);
            // A checkout whose profile is hand-written with managed regions (publish.regions): the
            // page publish will propose, that file with its regions filled, not the whole-file template.
            var regions = config.Publish.Regions.Count > 0 && parse.GetValue(context.Options.Template) is null
                ? config.Publish.Regions.ToDictionary(r => r.Key, r => Rendering.TemplateSource.FromFile(r.Value), StringComparer.Ordinal)
                : new Dictionary<string, Rendering.TemplateSource>();
            var checkout = settings.ConfigPath is { } configPath ? Path.GetDirectoryName(Path.GetFullPath(configPath))! : context.Env.CurrentDirectory;
            var (markdown, cards) = await context.Reporter.PhaseAsync("Render", () => Task.FromResult(regions.Count > 0
                ? WithRegions(pages[0].Model, config, regions, checkout, ct)
                : Application.ProfileRun.Render(pages[0].Model, config, settings.Template, ct))).ConfigureAwait(false);
            // The other cultures' files (cultures:), at their place relative to the first (docs/configuration.md#two-languages).
            var others = Publishing.ProfileFiles.Others(pages, config, regions, checkout, ct);
            if (settings.OutputPath is not { } output)
            {
                // Standard output carries the README alone (each file after a `==> PATH <==` line when there are several); its cards are named by relative path.
                await context.WriteResultAsync(null, others.Count == 0 ? markdown : string.Concat([$"==> {config.Publish.TargetPath} <==\n", markdown, .. others.Select(o => $"\n==> {o.Path} <==\n{o.Text}")]), ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            // A folder gets README.md inside, but never the root folder: OutputFile refuses it as a folder.
            var readme = Directory.Exists(output) && !IsRoot(output) ? Path.Combine(output, "README.md") : output;
            await WriteCardsAsync(readme, cards, ct).ConfigureAwait(false);
            foreach (var other in others)
            {
                var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(readme))!, other.RelativePath);
                await WriteCardsAsync(path, other.Cards, ct).ConfigureAwait(false);
                await OutputFile.WriteAsync(path, other.Text, ct).ConfigureAwait(false);
            }
            await context.WriteResultAsync(readme, markdown, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// The cards the README refers to, beside it (cards.path is relative to the README), for
    /// review before publishing. Files already there that the run does not make are left alone.
    /// </summary>
    private static async Task WriteCardsAsync(string readme, IReadOnlyList<Rendering.Cards.CardFile> cards, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(readme))!;
        if (cards.Count == 0 || !Directory.Exists(folder))
        {
            return; // a missing folder is reported by the README's own write, with nothing written
        }
        foreach (var directory in cards.Select(c => Path.GetDirectoryName(Path.Combine(folder, c.RelativePath))!).Distinct(StringComparer.Ordinal))
        {
            if (File.Exists(directory))
            {
                throw new InputException($"--output: {directory} is a file where the cards' folder (cards.path) goes; nothing was written");
            }
        }
        foreach (var card in cards)
        {
            var path = Path.Combine(folder, card.RelativePath);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--output: cannot make the cards' folder {Path.GetDirectoryName(path)}: {ex.Message}");
            }
            await OutputFile.WriteAsync(path, card.Bytes, ct).ConfigureAwait(false);
        }
    }

    private static Application.RenderedProfile WithRegions(Rendering.ProfileModel model, Configuration.ProfileGenConfig config, Dictionary<string, Rendering.TemplateSource> regions, string checkout, CancellationToken ct)
    {
        // The checkout is where profilegen.yml is; the hand-written file is at publish.target_path in it.
        var path = Path.Combine(checkout, config.Publish.TargetPath);
        if (!File.Exists(path))
        {
            throw new InputException($"publish.regions: {path} does not exist; render fills the regions of the hand-written file in the checkout (or pass --template to render a whole file)");
        }
        return Application.ProfileRun.Render(model, config, Utf8File.Read(path, path, "profile"), regions, path, ct);
    }

    private static bool IsRoot(string path)
    {
        var full = Path.GetFullPath(path);
        return string.Equals(full, Path.GetPathRoot(full), StringComparison.Ordinal);
    }
}
