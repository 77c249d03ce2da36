using System.Text;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Application;

/// <summary>
/// `init`'s work: sets up an organization's `.github` checkout with a configuration, a copy of
/// the default template (to edit) and the scheduled workflow. A hand-written
/// `profile/README.md` is kept: init gives the tool a managed region in it (at its end, or the
/// `repos` region already there), so the first pull request only adds. Never overwrites without
/// force, and writes all of its files or none.
/// </summary>
internal static class ProfileInit
{
    internal const string RegionName = "repos";

    /// <summary>The setting without which the starter workflow's first run cannot open its pull request (REAL-GITHUB R1).</summary>
    internal const string ActionsSettingFirst = "before the first scheduled run, turn on \"Allow GitHub Actions to create and approve pull requests\" (Settings → Actions → General → Workflow permissions) in the organization and in the repository";
    private const string RegionTemplate = "repos.sbn";

    // The health view's partial the default profile includes (health.fr.sbn or health.en.sbn).
    private static string HealthPartial(ProfileCulture culture) => culture == ProfileCulture.English ? "health.en.sbn" : "health.fr.sbn";
    internal static readonly string ProfileReadme = Path.Combine("profile", "README.md");
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the starter files into <see cref="InitOrder.Root"/>; returns what it wrote and what it kept.</summary>
    public static async Task<InitResult> RunAsync(InitOrder order, CancellationToken ct)
    {
        var (org, culture, root) = (order.Org, order.Culture, order.Root);
        var snapshot = order.SnapshotPath is null ? null : await new Snapshots.SnapshotFile(order.SnapshotPath, "--org").ReadAsync(org, ct).ConfigureAwait(false);
        var lifecycles = snapshot is null ? [] : Lifecycles(snapshot);
        var handWritten = ReadHandWrittenProfile(root);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["profilegen.yml"] = Configuration(org, culture, handWritten is not null, lifecycles),
            ["profile.sbn"] = TemplateSource.Default(culture).Text,
            ["header.sbn"] = TemplateSource.Embedded("header.sbn").Text,
            ["cards.sbn"] = TemplateSource.Embedded("cards.sbn").Text,
            [HealthPartial(culture)] = TemplateSource.Embedded(HealthPartial(culture)).Text,
            [Path.Combine(".github", "workflows", "profile-readme.yml")] = WithTimeout(Starter("profile-readme.yml"), snapshot?.Repos.Count),
        };
        if (handWritten is not null)
        {
            files[RegionTemplate] = Starter(culture == ProfileCulture.English ? "repos.en.sbn" : "repos.fr.sbn");
        }
        var existing = files.Keys.Where(f => File.Exists(Path.Combine(root, f))).ToArray();
        if (existing.Length > 0 && !order.Force)
        {
            throw new InputException($"init: {string.Join(", ", existing)} already exist{(existing.Length == 1 ? "s" : "")} in {root}; nothing was written (use --force to overwrite)");
        }
        // The hand-written profile is not init's to overwrite: it only gains the region's markers.
        if (handWritten is { WithRegion: { } withRegion } && withRegion != handWritten.Text)
        {
            files[ProfileReadme] = withRegion;
        }
        WriteAll(root, files);
        return new InitResult([.. files.Keys], handWritten is null ? null : handWritten.WithRegion == handWritten.Text);
    }

    /// <summary>A profile written by hand, and its text once it has the region the tool fills.</summary>
    private sealed record HandWrittenProfile(string Text, string WithRegion);

    private static HandWrittenProfile? ReadHandWrittenProfile(string root)
    {
        var path = Path.Combine(root, ProfileReadme);
        if (!File.Exists(path))
        {
            return null;
        }
        path = InsideCheckout(root, ProfileReadme);
        string text;
        try
        {
            text = Utf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            throw new InputException($"init: {ProfileReadme} is not UTF-8 text; convert it, or add '<!-- profilegen:begin {RegionName} -->' and '<!-- profilegen:end {RegionName} -->' by hand; nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"init: cannot read {ProfileReadme}: {e.Message}; nothing was written");
        }

        IReadOnlyList<ManagedRegion> regions;
        try
        {
            regions = ManagedRegions.Find(text, ProfileReadme);
        }
        catch (ManagedRegionException e)
        {
            throw new InputException($"init: {e.Message}; fix the markers, then run init again; nothing was written");
        }
        if (regions.Any(r => r.Name == RegionName))
        {
            return new HandWrittenProfile(text, text);
        }
        // The file's own line ending; a blank line between the hand-written text and the region.
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = text.Length == 0 ? "" : text.EndsWith('\n') ? newline : newline + newline;
        var withRegion = $"{text}{separator}<!-- profilegen:begin {RegionName} -->{newline}<!-- profilegen:end {RegionName} -->{newline}";
        // Markers appended after a fence that is never closed would be code: GitHub would show
        // them, and publish would find no region.
        if (!ManagedRegions.Find(withRegion, ProfileReadme).Any(r => r.Name == RegionName))
        {
            var fence = Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.FencedCodeBlock>(Markdig.Markdown.Parse(text)).LastOrDefault();
            throw new InputException($"init: {ProfileReadme}:{(fence?.Line ?? 0) + 1}: this code fence is never closed, so the region's markers would land inside it; close it, then run init again; nothing was written");
        }
        return new HandWrittenProfile(text, withRegion);
    }

    /// <summary>
    /// grouping.order, collapse and hide as commented examples, written with the lifecycle values
    /// the organization's READMEs use when init knows them (in the order the page shows them),
    /// else with the usual words.
    /// </summary>
    // The lifecycle values the organization's READMEs use, as the profile would group them.
    private static string[] Lifecycles(Snapshots.OrgSnapshot snapshot) =>
        [.. TemplateModelBuilder.Build(snapshot, new ProfileGenConfig(), DateTimeOffset.UnixEpoch).Groups.Where(g => g.Key.Length > 0).Select(g => g.Title)];

    internal static string GroupingExamples(IReadOnlyList<string> lifecycles)
    {
        var vocabulary = new LifecycleVocabulary();
        var known = lifecycles.Count > 0 ? lifecycles.OrderBy(vocabulary.Rank).ThenBy(v => v, StringComparer.Ordinal).ToArray() : ["Phase Découverte", "Expérimentation", "Phase Bêta", "Production", "Dormant", "Abandonné"];
        var retired = known.Where(v => LifecycleVocabulary.StageOf(v) is { } s && LifecycleVocabulary.IsRetired(s)).ToArray();
        var active = known.Except(retired).ToArray();
        static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]";
        return $"  # order: {List(active)}   # these groups first, in this order\n" +
            $"  # collapse: {List(retired.Length > 0 ? retired : ["Dormant"])}   # folded under one <details> at the end ([] folds none)\n" +
            $"  # hide: {List(retired.Length > 0 ? retired[^1..] : ["Abandonné"])}   # left off the page\n";
    }

    private static string Configuration(string org, ProfileCulture culture, bool regions, IReadOnlyList<string>? lifecycles = null)
    {
        lifecycles ??= [];
        // The login is validated (letters, digits, hyphens), so double quotes need no escaping;
        // they keep logins such as `true`, `null` or `0123` strings in YAML.
        var text = Starter("profilegen.yml")
            .Replace("{{ org }}", $"\"{org}\"", StringComparison.Ordinal)
            .Replace("{{ culture }}", culture.Word(), StringComparison.Ordinal)
            .Replace("{{ grouping examples }}\n", GroupingExamples(lifecycles), StringComparison.Ordinal);
        if (regions)
        {
            text = text.TrimEnd('\n') + "\n" +
                "  # profile/README.md is written by hand: the tool only fills this region of it\n" +
                "  # (the <!-- ENTETE --> header, if any, stays hand-written; `entete: header.sbn`\n" +
                "  # here would let the tool write it from profile.badges and profile.logo).\n" +
                "  regions:\n" +
                $"    {RegionName}: {RegionTemplate}\n";
        }
        return text;
    }

    /// <summary>
    /// Writes every file or none: checks every target first, stages each file beside its target,
    /// then renames them into place, each existing file first renamed aside; on a failure, puts
    /// back what it had set aside, removes what it staged and the folders it made.
    /// </summary>
    /// <param name="move">How a file is renamed (<see cref="File.Move(string, string, bool)"/>);
    /// tests pass one that refuses a rename, which nothing else can make fail reliably.</param>
    internal static void WriteAll(string root, IReadOnlyDictionary<string, string> files, Action<string, string>? move = null)
    {
        move ??= (from, to) => File.Move(from, to, overwrite: true);
        foreach (var name in files.Keys)
        {
            var folder = root;
            foreach (var part in Path.GetDirectoryName(name)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                folder = Path.Combine(folder, part);
                if (File.Exists(folder))
                {
                    throw new InputException($"init: {Path.GetRelativePath(root, folder)} is a file where init needs a folder (for {name}); nothing was written");
                }
            }
            if (System.IO.Directory.Exists(Path.Combine(root, name)))
            {
                throw new InputException($"init: {name} is a folder where init writes a file; nothing was written");
            }
            var real = InsideCheckout(root, name);
            if (File.Exists(real) && IsReadOnly(real))
            {
                throw new InputException($"init: {name} is read-only; it was left as it is, and nothing was written");
            }
        }

        var createdFolders = new List<string>();
        var staged = new List<(string Temporary, string Target)>();
        // Files renamed aside (their inode, mode and links untouched) and files already in place.
        var setAside = new List<(string Backup, string Target)>();
        var placed = new List<string>();
        try
        {
            foreach (var (name, text) in files)
            {
                // Through a link inside the checkout to the file it names (as --output does): the
                // link stays a link.
                var target = InsideCheckout(root, name);
                var folder = Path.GetDirectoryName(target)!;
                CreateFolders(folder, createdFolders);
                var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.profilegen-init");
                staged.Add((temporary, target));
                File.WriteAllBytes(temporary, Utf8.GetBytes(text));
                if (File.Exists(target) && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
                }
            }
            foreach (var (temporary, target) in staged)
            {
                if (File.Exists(target))
                {
                    var backup = temporary + ".previous";
                    move(target, backup);
                    setAside.Add((backup, target));
                }
                move(temporary, target);
                placed.Add(target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The files set aside go back over what replaced them; the new ones go.
            var restored = true;
            foreach (var (backup, target) in setAside)
            {
                restored &= TryDelete(() => move(backup, target));
            }
            foreach (var target in placed.Where(t => !setAside.Any(a => a.Target == t)))
            {
                restored &= TryDelete(() => File.Delete(target));
            }
            foreach (var (temporary, _) in staged)
            {
                TryDelete(() => File.Delete(temporary));
            }
            foreach (var folder in Enumerable.Reverse(createdFolders))
            {
                TryDelete(() => System.IO.Directory.Delete(folder));
            }
            throw new InputException(restored
                ? $"init: cannot write in {root}: {e.Message.ReplaceLineEndings(" ")}; nothing was written"
                : $"init: cannot write in {root}: {e.Message.ReplaceLineEndings(" ")}; some files could not be put back: check the checkout with git status");
        }
        foreach (var (backup, _) in setAside)
        {
            TryDelete(() => File.Delete(backup));
        }
    }

    /// <summary>
    /// Where a file of the checkout really is, links followed; refused when a link (`.github`,
    /// `profile/`, the file itself) leads out of the checkout.
    /// </summary>
    private static string InsideCheckout(string root, string name)
    {
        string realRoot, real;
        try
        {
            realRoot = FilePath.Real(Path.GetFullPath(root));
            real = FilePath.Real(Path.GetFullPath(Path.Combine(root, name)));
        }
        catch (IOException e)
        {
            throw new InputException($"init: cannot resolve {name}: {e.Message}; nothing was written");
        }
        if (!real.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InputException($"init: {name} leads out of the checkout through a link (to {real}); nothing was written");
        }
        return real;
    }

    // Checked by its mode, as --output does: a file its owner made read-only was made so on purpose.
    private static bool IsReadOnly(string path) => OperatingSystem.IsWindows()
        ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;

    private static void CreateFolders(string folder, List<string> created)
    {
        if (System.IO.Directory.Exists(folder))
        {
            return;
        }
        CreateFolders(Path.GetDirectoryName(folder)!, created);
        System.IO.Directory.CreateDirectory(folder);
        created.Add(folder);
    }

    private static bool TryDelete(Action delete)
    {
        try
        {
            delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error that stopped init is the one to report.
            return false;
        }
    }

    /// <summary>
    /// The starter workflow's timeout-minutes for an organization of <paramref name="repositories"/>
    /// (known from --snapshot): a first run, which reads every repository's files, takes about
    /// 18 s of GitHub's time per 100 repositories (a list page and a file batch, bench/README.md),
    /// with half again as margin, in steps of 5 minutes, never under the starter's 15.
    /// </summary>
    internal static int StarterTimeoutMinutes(int repositories) =>
        Math.Max(15, (int)Math.Ceiling(repositories / 100.0 * 18 * 1.5 / 60 / 5) * 5);

    // The starter workflow with its timeout-minutes for the organization's size, when init knows it.
    private static string WithTimeout(string workflow, int? repositories) =>
        repositories is not { } count ? workflow
            : workflow.Replace("timeout-minutes: 15", $"timeout-minutes: {StarterTimeoutMinutes(count)}", StringComparison.Ordinal);

    private static string Starter(string name)
    {
        using var stream = typeof(ProfileInit).Assembly.GetManifestResourceStream("starter/" + name)
            ?? throw new InvalidOperationException($"the tool was built without its starter file '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>What `init` was asked: the organization, the profile's language, the checkout, a snapshot to learn lifecycles from, and whether to overwrite.</summary>
internal sealed record InitOrder(string Org, ProfileCulture Culture, string Root, string? SnapshotPath, bool Force);

/// <summary>
/// The files init wrote (in order; <see cref="ProfileInit.ProfileReadme"/> among them when it gained the region), and the
/// hand-written profile it kept: null when there was none, true when it already had the region.
/// </summary>
internal sealed record InitResult(IReadOnlyList<string> Written, bool? RegionAlreadyThere);
