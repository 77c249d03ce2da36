using System.Text;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Audit;

/// <summary>
/// Findings about an organization's own metadata, from its snapshot alone (pure: no I/O, no
/// clock). It audits the repositories the profile lists (the same filters) and the profile
/// repository itself, whose header is the organization's face.
/// </summary>
internal static class OrgAudit
{
    public static AuditReport Run(OrgSnapshot snapshot, ProfileGenConfig config) =>
        Run(snapshot, config, TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch));

    /// <summary>The audit of the repositories <paramref name="page"/> lists: a run that has built its page's model already (publish) does not build another.</summary>
    public static AuditReport Run(OrgSnapshot snapshot, ProfileGenConfig config, ProfileModel page)
    {
        var listed = page.Repos.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var profileRepo = config.Publish.TargetRepo;
        var audited = snapshot.Repos
            .Where(r => listed.Contains(r.Name) || string.Equals(r.Name, profileRepo, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        // Badge links into other repositories of the organization are looked up by name, once.
        var byName = new Dictionary<string, RepoSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var repo in snapshot.Repos)
        {
            byName.TryAdd(repo.Name, repo);
        }
        var findings = new List<AuditFinding>();
        foreach (var repo in audited)
        {
            findings.AddRange(Check(new RepoContext(repo, snapshot, config, byName)));
        }
        findings.AddRange(Featured(snapshot, config, listed));
        var defaults = Health.CommunityInheritance.Defaults(snapshot);
        findings.AddRange(audited.SelectMany(r => HealthAudit.Check(r, snapshot, config, defaults)));
        var catalogues = audited.Select(r => Catalogue.CatalogueReconciler.Reconcile(r, config)).ToArray();
        findings.AddRange(audited.Zip(catalogues).SelectMany(x => CatalogueAudit.Check(x.First, x.Second, config)));
        var configured = findings
            .Select(f => !config.Audit.Rules.TryGetValue(f.Rule, out var setting) ? f : Severities.Parse(setting) is { } severity ? f with { Severity = severity } : null)
            .OfType<AuditFinding>(); // "off": the rule reports nothing
        var order = AuditRule.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var sorted = configured
            .OrderBy(f => order[f.Rule])
            .ThenBy(f => f.Repo, StringComparer.OrdinalIgnoreCase) // GitHub names differ in more than case
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
        return new AuditReport(sorted, audited.Length)
        {
            Culture = config.Culture,
            Repositories = RepositoryExports.Of(snapshot, config, listed),
            Catalogue = catalogues.Any(c => c.HasCatalogueSources) ? catalogues : null,
        };
    }

    // Every finding about one repository, with the rules' default severities.
    private static IEnumerable<AuditFinding> Check(RepoContext context) =>
        Licence(context).Concat(Links(context)).Concat(Markers(context)).Concat(Lifecycle(context)).Concat(Description(context)).Concat(Unreadable(context));

    private sealed record RepoContext(RepoSnapshot Repo, OrgSnapshot Snapshot, ProfileGenConfig Config, IReadOnlyDictionary<string, RepoSnapshot> ByName)
    {
        public string ReadmePath => Repo.Readme?.Path ?? "README.md";

        public string? LineUrl(int? line) =>
            Repo.Readme?.Url is { } url ? line is { } l ? $"{url}#L{l}" : url : null;

        /// <summary>The licence as the profile shows it: the configured override, else what was identified.</summary>
        public string? SpdxId => Config.LicenseOverrides.TryGetValue(Repo.Name, out var overridden) ? overridden
            : Repo.License?.SpdxId is { Length: > 0 } id && id != "NOASSERTION" ? id : null;

        public ShieldsBadge? LicenseBadge => LifecycleBadge.FindLicense(Repo.Badges);

        /// <summary>The findings' sentences, in the profile's culture.</summary>
        public AuditWords Words => Wording.For(Config.Culture).Audit;

        public AuditFinding Finding(AuditRule rule, string message, string? path = null, int? line = null, string? suggestion = null, string? url = null) =>
            rule.On(Repo.Name, message, path, line, suggestion, url);
    }

    private static IEnumerable<AuditFinding> Licence(RepoContext c)
    {
        var repo = c.Repo;
        var badge = c.LicenseBadge;
        var overridden = c.Config.LicenseOverrides.ContainsKey(repo.Name);
        // GitHub reports no licence for a file it does not recognise by name ("LICENSE_FR"): the root listing still shows it.
        var undetected = repo.License is null
            ? repo.RootFiles?.Where(LicenseCatalog.IsLicenseFileName).OrderBy(LicenseCatalog.Preference).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            : null;
        var hasFile = repo.License is not null || undetected is not null;
        if (badge is { Message: { Length: > 0 } said } && c.SpdxId is { } spdx && !LicenseCatalog.SameLicense(said, spdx))
        {
            var file = repo.License?.Path is { } licencePath ? Clean(licencePath) : c.Words.TheLicenceFile;
            var how = overridden ? " (license_overrides)" : repo.License?.Source == "file-text" ? c.Words.IdentifiedFromText : "";
            yield return c.Finding(AuditRule.LicenseBadgeMismatch,
                c.Words.LicenseBadgeMismatch(Quote(said), file, Clean(spdx), how, ShortName(spdx)),
                c.ReadmePath, badge.Line, ShortName(spdx), c.LineUrl(badge.Line));
        }
        if (badge is not null && !hasFile)
        {
            yield return c.Finding(AuditRule.LicenseBadgeWithoutFile,
                c.Words.LicenseBadgeWithoutFile(Quote(badge.Message ?? badge.Alt)),
                c.ReadmePath, badge.Line, "LICENSE", c.LineUrl(badge.Line));
        }
        if (badge is null && !hasFile && !overridden && repo.Visibility == "public")
        {
            yield return c.Finding(AuditRule.LicenseMissing,
                c.Words.LicenseMissing,
                suggestion: "LICENSE");
        }
        if (repo.License is { } license && (license.SpdxId is "NOASSERTION" or "") && !overridden)
        {
            var path = license.Path is { } licencePath ? Clean(licencePath) : c.Words.TheLicenceFile;
            yield return c.Finding(AuditRule.LicenseUnidentified,
                c.Words.LicenseUnidentified(path, repo.Name),
                license.Path, url: license.Url);
        }
        if (undetected is not null && !overridden)
        {
            yield return c.Finding(AuditRule.LicenseUnidentified,
                c.Words.LicenseFileUnseen(Clean(undetected), repo.Name),
                undetected, suggestion: "LICENSE", url: $"{repo.Url}/blob/{repo.DefaultBranch ?? "main"}/{undetected}");
        }
    }

    private static IEnumerable<AuditFinding> Links(RepoContext c)
    {
        var repo = c.Repo;
        var licenseBadge = c.LicenseBadge;
        foreach (var badge in repo.Badges)
        {
            var link = badge.LinkUrl;
            if (string.IsNullOrEmpty(link))
            {
                continue;
            }
            var isLicense = ReferenceEquals(badge, licenseBadge);
            var ownFile = repo.License?.Path is { } own ? own : repo.RootFiles?.FirstOrDefault(LicenseCatalog.IsLicenseFileName);
            var trimmed = link.Trim();
            // "[Licence](/LICENSE)" written as a link destination: no file can have that name.
            if (trimmed.IndexOfAny(['[', ']', '(', ')', ' ']) >= 0)
            {
                if (isLicense && ownFile is null)
                {
                    continue; // reported once, as license-badge-without-file
                }
                var suggestion = isLicense ? ownFile : null;
                yield return c.Finding(AuditRule.BadgeLinkBroken,
                    c.Words.BadgeLinkNotAPath(badge.Line, Quote(link), c.Words.LinkFix(suggestion is null ? null : Clean(suggestion), false)),
                    c.ReadmePath, badge.Line, suggestion, c.LineUrl(badge.Line));
                continue;
            }
            var found = Target(trimmed, c, repo);
            if (found is null)
            {
                continue;
            }
            var target = found.Value;
            var root = target.Repo.RootFiles;
            if (root is null)
            {
                continue;
            }
            if (Exists(target.Path, root))
            {
                continue;
            }
            var sameRepo = ReferenceEquals(target.Repo, repo);
            if (sameRepo && isLicense && ownFile is null)
            {
                continue; // reported once, as license-badge-without-file
            }
            string? fix;
            var ownFix = false;
            if (isLicense && ownFile is not null)
            {
                fix = ownFile; // a licence badge should show the repository's own licence file
                ownFix = !sameRepo;
            }
            else
            {
                var existing = Nearest(target.Path, root, isLicense || LicenseCatalog.IsLicenseFileName(target.Path));
                fix = existing is null ? null : sameRepo ? existing : $"{target.Repo.Url}/blob/{target.Repo.DefaultBranch ?? "main"}/{existing}";
            }
            yield return c.Finding(AuditRule.BadgeLinkBroken,
                c.Words.BadgeLinkMissing(badge.Line, Quote(target.Path), sameRepo ? null : target.Repo.FullName, c.Words.LinkFix(fix is null ? null : Clean(fix), ownFix)),
                c.ReadmePath, badge.Line, fix, c.LineUrl(badge.Line));
        }
    }

    // A relative link (in this repository) or a github.com link into a repository of the organization.
    private static (RepoSnapshot Repo, string Path)? Target(string link, RepoContext c, RepoSnapshot repo)
    {
        // An e-mail address is no file, even one Uri cannot parse ("mailto:a@b@c"). A "#section"
        // needs no check: it cuts to an empty path below.
        if (link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && !link.StartsWith('/'))
        {
            if (uri.Scheme is not ("http" or "https") || !uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            // /{org}/{repo}/blob|tree/{ref}/{path}: the ref is ignored (root names rarely differ between branches).
            var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 5 || !parts[0].Equals(c.Snapshot.Org.Login, StringComparison.OrdinalIgnoreCase) || parts[2] is not ("blob" or "tree"))
            {
                return null;
            }
            return c.ByName.TryGetValue(parts[1], out var other) ? (other, Decode(string.Join('/', parts[4..]))) : null;
        }
        var path = link;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }
        path = Decode(path);
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }
        path = path.TrimStart('/');
        return path.Length == 0 || path.StartsWith("../", StringComparison.Ordinal) ? null : (repo, path);
    }

    // An invalid escape ("%zz") stays as it is: UnescapeDataString does not throw.
    private static string Decode(string path) => Uri.UnescapeDataString(path);

    // Only the first segment can be checked: the root listing is all a snapshot has.
    private static bool Exists(string path, IReadOnlyList<string> root)
    {
        // "docs/guide.md" needs the folder "docs/"; "docs" may be the folder or a file.
        var first = path.Split('/')[0];
        return root.Contains(first + "/", StringComparer.Ordinal) || !path.Contains('/') && root.Contains(first, StringComparer.Ordinal);
    }

    // The file meant: same name in another case, else a licence file for a licence link, else a close name.
    private static string? Nearest(string path, IReadOnlyList<string> root, bool licence)
    {
        var name = path.Split('/')[0];
        if (root.FirstOrDefault(f => f.TrimEnd('/').Equals(name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
        {
            return sameName;
        }
        if (licence && root.Where(LicenseCatalog.IsLicenseFileName).OrderBy(LicenseCatalog.Preference).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault() is { } licenseFile)
        {
            return licenseFile;
        }
        return root.Select(f => (File: f, Distance: NearestName.Distance(f.TrimEnd('/').ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(x => x.Distance <= 2).OrderBy(x => x.Distance).ThenBy(x => x.File, StringComparer.Ordinal).Select(x => x.File).FirstOrDefault();
    }

    private static IEnumerable<AuditFinding> Markers(RepoContext c)
    {
        var readme = c.Repo.Readme;
        if (readme is null)
        {
            yield break;
        }
        // The markers as the extractor reads them, quoted for the message.
        const string begin = $"'{ReadmeHeaderExtractor.Begin}'";
        const string end = $"'{ReadmeHeaderExtractor.End}'";
        switch (readme.EnteteBeginLine, readme.EnteteEndLine)
        {
            case ({ } b, null):
                yield return c.Finding(AuditRule.HeaderMarkers,
                    c.Words.HeaderEndMissing(Clean(readme.Path), begin, b, end),
                    readme.Path, b, ReadmeHeaderExtractor.End, c.LineUrl(b));
                break;
            case (null, { } e):
                yield return c.Finding(AuditRule.HeaderMarkers,
                    c.Words.HeaderBeginMissing(Clean(readme.Path), end, e, begin),
                    readme.Path, e, ReadmeHeaderExtractor.Begin, c.LineUrl(e));
                break;
            case ({ } b, { } e) when e < b:
                yield return c.Finding(AuditRule.HeaderMarkers,
                    c.Words.HeaderMarkersSwapped(Clean(readme.Path), end, e, begin, b),
                    readme.Path, e, null, c.LineUrl(e));
                break;
        }
    }

    private static IEnumerable<AuditFinding> Lifecycle(RepoContext c)
    {
        var vocabulary = c.Config.Lifecycle;
        var badge = TemplateModelBuilder.LifecycleBadgeOf(c.Repo, vocabulary);
        if (badge is null)
        {
            if (!c.Config.LifecycleRules.Any(rule => c.Repo.Topics.Contains(rule.Topic, StringComparer.OrdinalIgnoreCase)))
            {
                var label = vocabulary.Labels.FirstOrDefault() ?? LifecycleVocabulary.BuiltInLabels[0];
                yield return c.Finding(AuditRule.LifecycleMissing,
                    c.Words.LifecycleMissing(label, vocabulary.Values),
                    c.Repo.Readme?.Path, suggestion: label);
            }
            yield break;
        }
        var writtenLabel = badge.Label!; // LifecycleBadgeOf only returns a badge whose label names a lifecycle
        var writtenValue = badge.Message;
        if (writtenValue is null)
        {
            yield break; // a badge from a snapshot file may have a label and no message: nothing to check
        }
        var labelFold = vocabulary.Label(writtenLabel);
        var valueFold = vocabulary.Value(writtenValue);
        if (labelFold.Kind == FoldKind.Unknown)
        {
            yield return c.Finding(AuditRule.LifecycleUnknown,
                c.Words.LifecycleLabelUnknown(Quote(writtenLabel), labelFold.Nearest ?? ""),
                c.ReadmePath, badge.Line, labelFold.Nearest, c.LineUrl(badge.Line));
        }
        if (valueFold.Kind == FoldKind.Unknown)
        {
            yield return c.Finding(AuditRule.LifecycleUnknown,
                c.Words.LifecycleValueUnknown(Quote(writtenValue), valueFold.Nearest ?? ""),
                c.ReadmePath, badge.Line, valueFold.Nearest, c.LineUrl(badge.Line));
        }
        var folded = new[] { labelFold, valueFold }.Where(f => f.Kind is FoldKind.Alias or FoldKind.Spelling).ToArray();
        if (folded.Length > 0)
        {
            var written = string.Join(" / ", folded.Select(f => Quote(f.Written)));
            var canonical = string.Join(" / ", folded.Select(f => $"'{f.Canonical}'"));
            yield return c.Finding(AuditRule.LifecycleVariant,
                c.Words.LifecycleVariant(written, canonical, folded.Any(f => f.Kind == FoldKind.Alias)),
                c.ReadmePath, badge.Line, string.Join(" / ", folded.Select(f => f.Canonical)), c.LineUrl(badge.Line));
        }
    }

    private static IEnumerable<AuditFinding> Description(RepoContext c)
    {
        if (!string.IsNullOrWhiteSpace(c.Repo.Description))
        {
            yield break;
        }
        yield return c.Finding(AuditRule.DescriptionMissing, c.Words.DescriptionMissing(c.Repo.Readme?.Summary is { Length: > 0 }));
    }

    private static IEnumerable<AuditFinding> Unreadable(RepoContext c)
    {
        if (c.Repo.Readme is { Unreadable: { } reason } readme)
        {
            yield return c.Finding(AuditRule.ReadmeUnreadable,
                c.Words.ReadmeUnreadable(Clean(readme.Path), reason),
                readme.Path, url: readme.Url);
        }
    }

    // featured: names a repository the page does not list: a typo, a filtered-out or hidden one.
    private static IEnumerable<AuditFinding> Featured(OrgSnapshot snapshot, ProfileGenConfig config, HashSet<string> listed)
    {
        var words = Wording.For(config.Culture).Audit;
        var names = listed.ToArray();
        foreach (var written in config.Featured.Distinct(StringComparer.Ordinal))
        {
            var name = written.Trim();
            if (names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var exists = snapshot.Repos.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var nearest = exists is null
                ? names.Select(n => (Name: n, Distance: NearestName.Distance(n.ToUpperInvariant(), name.ToUpperInvariant())))
                    .Where(x => x.Distance <= 2).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name).FirstOrDefault()
                : null;
            yield return new AuditFinding
            {
                Repo = Clean(name),
                Rule = AuditRule.FeaturedUnknown.Id,
                Severity = AuditRule.FeaturedUnknown.DefaultSeverity,
                Message = words.FeaturedUnknown(Quote(name), exists is not null, nearest),
                Suggestion = nearest,
            };
        }
    }

    private static string ShortName(string spdxId) =>
        spdxId.StartsWith("LiLiQ-", StringComparison.Ordinal) && spdxId.EndsWith("-1.1", StringComparison.Ordinal) ? spdxId[..^4] : spdxId;

    /// <summary>Repository text, quoted: one line, no control or invisible formatting characters, at most 80 characters.</summary>
    internal static string Quote(string text) => $"'{Clean(text)}'";

    internal static string Clean(string text)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue; // bidi overrides could make the message read as something else
            }
            // Cut only when there is more to show: a text of exactly 80 characters is whole.
            if (sb.Length >= 80)
            {
                sb.Append('…');
                break;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
