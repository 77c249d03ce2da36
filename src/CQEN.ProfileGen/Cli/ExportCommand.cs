using System.CommandLine;
using CQEN.ProfileGen.Catalogue;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen export`: the catalogues public organizations are asked to fill (publiccode.yml
/// drafts, code.json, Open Resource Exchange), from one read of the organization or a --snapshot.
/// Everything is made before anything is written: a bad input writes nothing.
/// </summary>
internal sealed class ExportCommand : Command
{
    private readonly Option<string> Format = new Option<string>("--format")
    {
        Description = "publiccode (a publiccode.yml draft per repository), code.json (one organization inventory, gov-codejson 2.0.0) or ore (Canada's Open Resource Exchange, English and French).",
        Required = true,
    }.AcceptOnlyFromAmong([.. CatalogueExport.Formats]);

    private readonly Option<DirectoryInfo?> OutputFolder = new("--output", "-o")
    {
        HelpName = "DIR",
        Description = "Write the files into this folder (made if missing; its parent must exist) instead of standard output.",
    };

    public ExportCommand(CommandContext context)
        : base("export", "Write the organization's catalogue entries: publiccode.yml drafts, code.json or Open Resource Exchange YAML, from the reconciled lifecycle, licence and summaries.")
    {
        Options.Add(Format);
        Options.Add(context.Options.Config);
        Options.Add(context.Options.Org);
        Options.Add(context.Options.Snapshot);
        Options.Add(OutputFolder);
        foreach (var option in context.Options.GitHubAccess)
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(Format)!;
            var settings = context.Resolve(parse);
            var folder = parse.GetValue(OutputFolder) is { } o ? context.Env.ResolvePath(o.ToString()) : null;
            if (folder is not null)
            {
                CheckFolder(folder);
            }
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var result = CatalogueExport.Export(format, snapshot, settings.Config);
            foreach (var skipped in result.Skipped)
            {
                await context.Reporter.WarnAsync($"export: {skipped}; left out").ConfigureAwait(false);
            }
            if (folder is null)
            {
                var text = string.Join("", result.Files.Select(f => result.Files.Count == 1 ? f.Text : $"# {f.Path}\n{f.Text}{(f.Text.EndsWith('\n') ? "" : "\n")}---\n"));
                await context.WriteResultAsync(null, text, ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            Directory.CreateDirectory(folder);
            foreach (var file in result.Files)
            {
                var path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await OutputFile.WriteAsync(path, file.Text, ct).ConfigureAwait(false);
            }
            await context.Reporter.WriteAsync($"export: {result.Files.Count} file{(result.Files.Count == 1 ? "" : "s")} written to {folder}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    // Checked before the organization is read: a wrong folder must cost no request and write nothing.
    private static void CheckFolder(string folder)
    {
        if (File.Exists(folder))
        {
            throw new InputException($"--output: {folder} is a file; give a folder");
        }
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        if (!Directory.Exists(folder) && (parent is null || !Directory.Exists(parent)))
        {
            throw new InputException($"--output: folder does not exist: {parent}");
        }
    }
}
