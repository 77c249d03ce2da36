using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen;

/// <summary>
/// Every sentence the tool writes for readers of the organization (the pull request, its
/// comments, default group titles), in French and in English: one table, so a wording is
/// changed — or a culture added — in one place.
/// </summary>
internal sealed record Wording
{
    public required string PullRequestTitle { get; init; }
    public required string PullRequestIntro { get; init; }
    public required Func<int, int, string> LinesChanged { get; init; }
    public required string ReposAdded { get; init; }
    public required string ReposRemoved { get; init; }
    public required string ReposChanged { get; init; }
    public required Func<string, string> MoreNames { get; init; }
    public required string ListShortened { get; init; }
    public required Func<string, string> Closing { get; init; }
    public required Func<string, string> ForeignCommits { get; init; }
    public required string AuditTitle { get; init; }
    public required Func<int, int, int, string> AuditCounts { get; init; }
    public required string AuditClean { get; init; }
    public required string AuditTableHeader { get; init; }
    public required Func<int, string> MoreFindings { get; init; }
    public required string AllRepositories { get; init; }
    public required string OtherGroup { get; init; }
    public required Func<string, string> CommitMessage { get; init; }
    public required JobSummaryWords Summary { get; init; }
    public required AuditWords Audit { get; init; }

    /// <summary>A line of the pull request for what GitHub refused (kind: label, reviewer, team, assignee, draft; the name in a code span).</summary>
    public required Func<string, string, string> Refused { get; init; }

    public static Wording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    // Counts as Quebec French writes them (1 234: a space between thousands).
    private static readonly System.Globalization.CultureInfo FrenchNumbers = System.Globalization.CultureInfo.GetCultureInfo("fr-CA");

    // The snapshot records why a README could not be parsed in the reader's words (English, as
    // snapshot files keep them); the French audit says the same in French.
    private static string FrenchUnreadableReason(string reason)
    {
        if (reason == "it is nested too deeply for Markdig")
        {
            return "son imbrication est trop profonde pour Markdig";
        }
        var timeout = System.Text.RegularExpressions.Regex.Match(reason, @"^Markdig did not read it within (?<s>[0-9.]+) s$");
        if (timeout.Success)
        {
            return $"Markdig ne l'a pas lu en {timeout.Groups["s"].Value} s";
        }
        var failed = System.Text.RegularExpressions.Regex.Match(reason, @"^Markdig failed on it \((?<type>\w+)\)$");
        return failed.Success ? $"Markdig a échoué en le lisant ({failed.Groups["type"].Value})" : reason;
    }

    private static readonly Wording French = new()
    {
        PullRequestTitle = "Mise à jour du profil de l'organisation",
        PullRequestIntro = "Cette demande de tirage a été produite par **CQEN.ProfileGen** à partir de ce que l'organisation détient sur GitHub. Elle est mise à jour à chaque exécution; fusionnez-la quand elle vous convient.",
        LinesChanged = (added, removed) => $"**{added}** lignes ajoutées, **{removed}** retirées.",
        ReposAdded = "Dépôts ajoutés",
        ReposRemoved = "Dépôts retirés",
        ReposChanged = "Dépôts modifiés",
        MoreNames = rest => $"- … et {rest} autres (le diff, sous Files changed, les montre tous)",
        ListShortened = "_(liste abrégée pour respecter la limite de taille de GitHub)_",
        Closing = baseName => $"{baseName} contient déjà ce contenu : cette demande de tirage n'est plus nécessaire. _(CQEN.ProfileGen)_",
        ForeignCommits = branch => $"Quelqu'un a poussé des commits sur `{branch}`. CQEN.ProfileGen ne touche plus à cette demande de tirage pour ne pas perdre ce travail; lancez-le avec `--force` pour reprendre la branche.",
        AuditTitle = "Audit de l'organisation : ",
        AuditCounts = (errors, warnings, notices) => $"{errors} erreur{(errors > 1 ? "s" : "")}, {warnings} avertissement{(warnings > 1 ? "s" : "")}, {notices} remarque{(notices > 1 ? "s" : "")}",
        AuditClean = "Rien à corriger dans les dépôts que le profil présente.",
        AuditTableHeader = "| Dépôt | Règle | Constat |",
        MoreFindings = rest => $"… et {rest} autres : `profilegen audit` les liste tous.",
        AllRepositories = "Dépôts",
        OtherGroup = "Autres",
        CommitMessage = path => $"Mise à jour de {path} à partir des données de l'organisation",
        Summary = new()
        {
            Title = "Profil de l'organisation",
            PullRequest = n => $"demande de tirage n° {n}",
            Lines = (added, removed, baseName) => $"+{added} −{removed} lignes par rapport à {baseName}",
            Opened = (pr, lines) => $"**Ouverte** : {pr}, {lines}.",
            Updated = (pr, lines) => $"**Mise à jour** : {pr}, {lines}.",
            Closed = (pr, baseName) => $"**Fermée** : {pr}, {baseName} contient déjà ce contenu.",
            WouldCreate = lines => $"**Essai** : ouvrirait une demande de tirage, {lines}.",
            WouldUpdate = (pr, lines) => $"**Essai** : mettrait à jour {pr}, {lines}.",
            WouldClose = (pr, baseName) => $"**Essai** : fermerait {pr}, {baseName} contient déjà ce contenu.",
            Blocked = pr => $"**Bloquée**{(pr is null ? "" : $" ({pr})")} : rien n'a été modifié.",
            UpToDate = "**Aucun changement** : le profil est à jour.",
            AlreadyProposed = pr => $"**Aucun changement** depuis la dernière exécution : {pr} propose déjà ce contenu.",
            Diff = "Différences",
            Preview = "Aperçu du nouveau README",
            DiffCutRunLog = "_Les différences sont coupées ici pour garder ce résumé sous 1 Mio (limite de GitHub); le journal de l'exécution les contient toutes._",
            DiffCutPullRequest = pr => $"_Les différences sont coupées ici pour garder ce résumé sous 1 Mio (limite de GitHub); elles sont toutes sous Files changed dans {pr}._",
            PreviewCut = "_L'aperçu est coupé ici pour garder ce résumé sous 1 Mio (limite de GitHub)._",
            Cut = "_Ce résumé est coupé ici pour rester sous 1 Mio (limite de GitHub); le journal de l'exécution contient le reste._",
            Failed = message => $"**Échec** : {message}",
            NothingWritten = "Rien n'a été écrit, sauf si le message dit le contraire; le journal de l'exécution donne les détails.",
            Requests = (all, graphQl, rest) => $"{all} requête{(all > 1 ? "s" : "")} à GitHub ({graphQl} GraphQL, {rest} REST)",
            GraphQlPoints = (used, remaining, limit) => $"points GraphQL : {used} utilisés cette heure-ci, {remaining} sur {limit} restants",
            RestRequests = (used, remaining, limit) => $"REST : {used} utilisées cette heure-ci, {remaining} sur {limit} restantes",
            Cost = line => $"Coût : {line}.",
            ReadStopped = (org, read, total, thisRun) => string.Create(FrenchNumbers, $"**Lecture interrompue** : la lecture de « {org} » s'est arrêtée avant la fin du temps de l'exécution; {read:N0} de ses {total:N0} dépôts sont lus et gardés dans le cache de lecture ({thisRun:N0} par cette exécution). La prochaine exécution reprend à partir de là; rien n'a été publié ni écrit."),
            ReadStoppedNotKept = (org, why) => $"**Lecture interrompue** : la lecture de « {org} » s'est arrêtée avant la fin du temps de l'exécution, et le cache de lecture n'a pas pu être écrit ({why}). La prochaine exécution recommence du début : donnez à la tâche un dossier de cache accessible en écriture, ou plus de temps (timeout-minutes). Rien n'a été publié ni écrit.",
        },
        Audit = new()
        {
            DefaultTitle = "Audit de l'organisation",
            TitleSeparator = " :",
            Severity = severity => severity switch { Severity.Error => "erreur", Severity.Warning => "avertissement", _ => "remarque" },
            RepositoriesAudited = (number, n, rest) => $"{number} dépôt{(n > 1 ? "s" : "")} audité{(n > 1 ? "s" : "")} : {rest}",
            NothingToFix = "rien à corriger",
            TableHeader = "| Dépôt | Endroit | Constat |",
            MoreInMarkdown = rest => $"_… et {rest} autres : `profilegen audit` les liste tous._",
            TheLicenceFile = "le fichier de licence",
            IdentifiedFromText = " (identifiée d'après son texte)",
            LicenseBadgeMismatch = (said, file, spdx, how, shortName) => $"Le badge de licence indique {said}, mais {file} est {spdx}{how} : remplacez le badge par '{shortName}', ou le fichier de licence par la licence que nomme le badge.",
            LicenseBadgeWithoutFile = badge => $"Le README affiche un badge de licence ({badge}), mais le dépôt n'a aucun fichier de licence : ajoutez le fichier LICENSE que promet le badge, ou retirez le badge.",
            LicenseMissing = "Le dépôt est public, mais il n'a ni fichier de licence ni badge de licence : ajoutez un fichier LICENSE (et son badge) pour que chacun sache comment réutiliser le code.",
            LicenseUnidentified = (file, repo) => $"Ni GitHub ni profilegen n'ont pu identifier {file} : utilisez le texte officiel de la licence, ou nommez-la dans license_overrides ({repo}: SPDX-ID).",
            LicenseFileUnseen = (file, repo) => $"GitHub ne reconnaît pas {file} comme fichier de licence : nommez-le LICENSE (avec le texte officiel de la licence), ou nommez la licence dans license_overrides ({repo}: SPDX-ID).",
            BadgeLinkNotAPath = (line, link, fix) => $"Le badge de la ligne {line} pointe vers {link}, qui n'est pas un chemin du dépôt : {fix}.",
            BadgeLinkMissing = (line, path, otherRepo, fix) => $"Le badge de la ligne {line} pointe vers {path}, qui n'existe pas {(otherRepo is null ? "dans le dépôt" : $"dans {otherRepo}")} : {fix}.",
            LinkFix = (file, own) => file is null ? "faites-le pointer vers un fichier existant" : own ? $"faites-le plutôt pointer vers le fichier '{file}' de ce dépôt" : $"faites-le plutôt pointer vers '{file}'",
            HeaderEndMissing = (path, begin, line, end) => $"{path} contient {begin} à la ligne {line}, mais pas {end} : ajoutez le marqueur de fin après les badges et le logo de l'en-tête.",
            HeaderBeginMissing = (path, end, line, begin) => $"{path} contient {end} à la ligne {line} sans {begin} avant : ajoutez le marqueur de début sur la première ligne du README.",
            HeaderMarkersSwapped = (path, end, endLine, begin, beginLine) => $"{path} contient {end} à la ligne {endLine}, avant {begin} à la ligne {beginLine} : inversez-les pour que l'en-tête soit entre les deux.",
            LifecycleMissing = (label, values) => $"L'en-tête du README n'a pas de badge de cycle de vie, et aucun sujet de lifecycle_rules ne correspond : ajoutez un badge '{label}'{(values.Count > 0 ? $" avec l'une des valeurs {string.Join(", ", values.Select(v => $"'{v}'"))}" : "")}, ou un sujet qu'une règle de cycle de vie associe.",
            LifecycleLabelUnknown = (written, nearest) => $"L'étiquette {written} du badge de cycle de vie n'est pas dans lifecycle.labels : écrivez '{nearest}', ou associez-la dans lifecycle.aliases.",
            LifecycleValueUnknown = (written, nearest) => $"Le badge de cycle de vie indique {written}, qui n'est pas dans lifecycle.values : écrivez la valeur connue la plus proche, '{nearest}', ou déclarez-la (lifecycle.values ou lifecycle.aliases).",
            LifecycleVariant = (written, canonical, byAlias) => $"Le badge de cycle de vie écrit {written}, lu comme {canonical} ({(byAlias ? "lifecycle.aliases" : "casse, accents ou espaces")}) : écrivez {canonical} dans le badge pour que chaque lecteur voie un seul cycle de vie.",
            DescriptionMissing = readmeSentence => $"Le dépôt n'a pas de description GitHub : ajoutez-en une dans ses paramètres About (en attendant, le profil affiche {(readmeSentence ? "la première phrase du README" : "'—'")}).",
            FeaturedUnknown = (name, filtered, nearest) => $"featured nomme {name}, {(filtered ? "que le profil ne présente pas (filtres ou grouping.hide)" : "qui n'est pas un dépôt de l'organisation")} : {(nearest is null ? "corrigez le nom" : $"écrivez '{nearest}'")}, ou retirez-le de featured.",
            ReadmeUnreadable = (path, reason) => $"{path} n'a pas pu être lu comme du Markdown ({FrenchUnreadableReason(reason)}) : le profil n'affiche ni ses badges ni sa première phrase; réduisez son imbrication.",
        },
        Refused = (kind, name) => kind switch
        {
            "label" => $"GitHub a refusé l'étiquette {name} (la créer demande `issues: write`).",
            "reviewer" => $"GitHub a refusé de demander une révision à {name} (pas collaborateur du dépôt, ou auteur de la demande).",
            "team" => $"GitHub a refusé de demander une révision à l'équipe {name} (le jeton doit pouvoir lire les équipes : *Members: read* ou `read:org`).",
            "assignee" => $"GitHub n'a pas assigné {name} (pas d'accès en écriture au dépôt).",
            _ => "GitHub n'offre pas les brouillons dans ce dépôt (privé, forfait GitHub Free) : demande de tirage ordinaire.",
        } + " _Pas redemandé pour cette demande de tirage._",
    };

    private static readonly Wording English = new()
    {
        PullRequestTitle = "Update the organization profile",
        PullRequestIntro = "This pull request was made by **CQEN.ProfileGen** from what the organization holds on GitHub. It is updated on each run; merge it when it looks right.",
        LinesChanged = (added, removed) => $"**{added}** lines added, **{removed}** removed.",
        ReposAdded = "Repositories added",
        ReposRemoved = "Repositories removed",
        ReposChanged = "Repositories changed",
        MoreNames = rest => $"- … and {rest} more (the diff under Files changed has them all)",
        ListShortened = "_(list shortened to stay within GitHub's size limit)_",
        Closing = baseName => $"{baseName} already has this content, so this pull request is no longer needed. _(CQEN.ProfileGen)_",
        ForeignCommits = branch => $"Someone pushed commits to `{branch}`. CQEN.ProfileGen leaves this pull request alone so their work is not lost; run it with `--force` to take the branch back.",
        AuditTitle = "Organization audit: ",
        AuditCounts = (errors, warnings, notices) => $"{errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {notices} {Plural(notices, "notice")}",
        AuditClean = "Nothing to fix in the repositories the profile lists.",
        AuditTableHeader = "| Repository | Rule | Finding |",
        MoreFindings = rest => $"… and {rest} more: `profilegen audit` lists them all.",
        AllRepositories = "Repositories",
        OtherGroup = "Other",
        CommitMessage = path => $"Update {path} from the organization's data",
        Summary = new()
        {
            Title = "Profile README",
            PullRequest = n => $"pull request #{n}",
            Lines = (added, removed, baseName) => $"+{added} −{removed} lines against {baseName}",
            Opened = (pr, lines) => $"**Opened** {pr}: {lines}.",
            Updated = (pr, lines) => $"**Updated** {pr}: {lines}.",
            Closed = (pr, baseName) => $"**Closed** {pr}: {baseName} already has this content.",
            WouldCreate = lines => $"**Dry run**: would open a pull request, {lines}.",
            WouldUpdate = (pr, lines) => $"**Dry run**: would update {pr}, {lines}.",
            WouldClose = (pr, baseName) => $"**Dry run**: would close {pr}: {baseName} already has this content.",
            Blocked = pr => $"**Blocked**{(pr is null ? "" : $" ({pr})")}: nothing was changed.",
            UpToDate = "**No change**: the profile is up to date.",
            AlreadyProposed = pr => $"**No change** since the last run: {pr} already proposes this.",
            Diff = "Diff",
            Preview = "Preview of the new README",
            DiffCutRunLog = "_The diff is cut here to keep this summary under GitHub's 1 MiB; the whole diff is in the run log._",
            DiffCutPullRequest = pr => $"_The diff is cut here to keep this summary under GitHub's 1 MiB; the whole diff is under Files changed in {pr}._",
            PreviewCut = "_The preview is cut here to keep this summary under GitHub's 1 MiB._",
            Cut = "_This summary is cut here to stay under GitHub's 1 MiB; the run log has the rest._",
            Failed = message => $"**Failed**: {message}",
            NothingWritten = "Nothing was written unless the message says otherwise; the run log has the details.",
            Requests = (all, graphQl, rest) => $"{all} request{(all == 1 ? "" : "s")} to GitHub ({graphQl} GraphQL, {rest} REST)",
            GraphQlPoints = (used, remaining, limit) => $"GraphQL points: {used} used this hour, {remaining} of {limit} left",
            RestRequests = (used, remaining, limit) => $"REST: {used} used this hour, {remaining} of {limit} left",
            Cost = line => $"Cost: {line}.",
            ReadStopped = (org, read, total, thisRun) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"**Read stopped**: the read of '{org}' stopped before the run's time ran out; {read:N0} of its {total:N0} repositories are read and kept in the read cache ({thisRun:N0} of them by this run). The next run goes on from there; nothing was published or written."),
            ReadStoppedNotKept = (org, why) => $"**Read stopped**: the read of '{org}' stopped before the run's time ran out, and the read cache could not be written ({why}). The next run starts over: give the job a writable cache folder, or more time (timeout-minutes). Nothing was published or written.",
        },
        Audit = new()
        {
            DefaultTitle = "Organization audit",
            TitleSeparator = ":",
            Severity = severity => severity.Name(),
            RepositoriesAudited = (number, n, rest) => $"{number} {(n == 1 ? "repository" : "repositories")} audited: {rest}",
            NothingToFix = "nothing to fix",
            TableHeader = "| Repository | Where | Finding |",
            MoreInMarkdown = rest => $"_… and {rest} more: run `profilegen audit` to list them all._",
            TheLicenceFile = "the licence file",
            IdentifiedFromText = " (identified from its text)",
            LicenseBadgeMismatch = (said, file, spdx, how, shortName) => $"The licence badge says {said} but {file} is {spdx}{how}: change the badge to '{shortName}', or the licence file to the licence the badge names.",
            LicenseBadgeWithoutFile = badge => $"The README shows a licence badge ({badge}) but the repository has no licence file: add the LICENSE file the badge promises, or remove the badge.",
            LicenseMissing = "The repository is public but has no licence file and no licence badge: add a LICENSE file (and its badge) so others know how they may reuse the code.",
            LicenseUnidentified = (file, repo) => $"Neither GitHub nor profilegen could identify {file}: use the licence's standard text, or name it in license_overrides ({repo}: SPDX-ID).",
            LicenseFileUnseen = (file, repo) => $"GitHub does not see {file} as a licence file: name it LICENSE (with the licence's standard text), or name the licence in license_overrides ({repo}: SPDX-ID).",
            BadgeLinkNotAPath = (line, link, fix) => $"The badge on line {line} links to {link}, which is not a path in the repository: {fix}.",
            BadgeLinkMissing = (line, path, otherRepo, fix) => $"The badge on line {line} links to {path}, which does not exist {(otherRepo is null ? "in the repository" : $"in {otherRepo}")}: {fix}.",
            LinkFix = (file, own) => file is null ? "link it to an existing file" : own ? $"link it to this repository's own '{file}' instead" : $"link it to '{file}' instead",
            HeaderEndMissing = (path, begin, line, end) => $"{path} has {begin} on line {line} but no {end}: add the closing marker after the header's badges and logo.",
            HeaderBeginMissing = (path, end, line, begin) => $"{path} has {end} on line {line} without {begin} before it: add the opening marker on the README's first line.",
            HeaderMarkersSwapped = (path, end, endLine, begin, beginLine) => $"{path} has {end} on line {endLine} before {begin} on line {beginLine}: swap them so the header sits between the two.",
            LifecycleMissing = (label, values) => $"The README header has no lifecycle badge and no lifecycle_rules topic matches: add a '{label}' badge{(values.Count > 0 ? $" with one of {string.Join(", ", values.Select(v => $"'{v}'"))}" : "")}, or a topic that a lifecycle rule maps.",
            LifecycleLabelUnknown = (written, nearest) => $"The lifecycle badge's label {written} is not in lifecycle.labels: write '{nearest}', or map it in lifecycle.aliases.",
            LifecycleValueUnknown = (written, nearest) => $"The lifecycle badge says {written}, which is not in lifecycle.values: write the nearest known value, '{nearest}', or declare it (lifecycle.values or lifecycle.aliases).",
            LifecycleVariant = (written, canonical, byAlias) => $"The lifecycle badge writes {written}, read as {canonical} ({(byAlias ? "lifecycle.aliases" : "case, accents or spacing")}): write {canonical} in the badge so every reader sees one lifecycle.",
            DescriptionMissing = readmeSentence => $"The repository has no GitHub description: add one in its About settings (the profile shows {(readmeSentence ? "the README's first sentence" : "'—'")} meanwhile).",
            FeaturedUnknown = (name, filtered, nearest) => $"featured names {name}, {(filtered ? "which the profile does not list (filters or grouping.hide)" : "which is not a repository of the organization")}: {(nearest is null ? "correct the name" : $"write '{nearest}'")}, or remove it from featured.",
            ReadmeUnreadable = (path, reason) => $"{path} could not be read as Markdown ({reason}): the profile shows neither its badges nor its first sentence; flatten its nesting.",
        },
        Refused = (kind, name) => kind switch
        {
            "label" => $"GitHub refused the label {name} (creating it needs `issues: write`).",
            "reviewer" => $"GitHub refused to ask {name} for a review (not a collaborator of the repository, or the pull request's author).",
            "team" => $"GitHub refused to ask the team {name} for a review (the token must read teams: *Members: read* or `read:org`).",
            "assignee" => $"GitHub did not assign {name} (no write access to the repository).",
            _ => "GitHub has no draft pull requests in this repository (private, GitHub Free plan): this is a normal pull request.",
        } + " _Not asked again for this pull request._",
    };
}

/// <summary>The job summary's sentences (GitHub Actions), in the profile's language.</summary>
internal sealed record JobSummaryWords
{
    /// <summary>A read that stopped before the run's time ran out: organization, repositories read, of how many, read by this run.</summary>
    public required Func<string, int, int, int, string> ReadStopped { get; init; }

    /// <summary>The same, when the read cache could not be written: organization, why (Markdown already).</summary>
    public required Func<string, string, string> ReadStoppedNotKept { get; init; }

    public required string Title { get; init; }
    public required Func<int?, string> PullRequest { get; init; }
    public required Func<int, int, string, string> Lines { get; init; }
    public required Func<string?, string, string> Opened { get; init; }
    public required Func<string?, string, string> Updated { get; init; }
    public required Func<string?, string, string> Closed { get; init; }
    public required Func<string, string> WouldCreate { get; init; }
    public required Func<string?, string, string> WouldUpdate { get; init; }
    public required Func<string?, string, string> WouldClose { get; init; }
    public required Func<string?, string> Blocked { get; init; }
    public required string UpToDate { get; init; }
    public required Func<string, string> AlreadyProposed { get; init; }
    public required string Diff { get; init; }
    public required string Preview { get; init; }
    public required string DiffCutRunLog { get; init; }
    public required Func<string, string> DiffCutPullRequest { get; init; }
    public required string PreviewCut { get; init; }
    public required string Cut { get; init; }
    public required Func<string, string> Failed { get; init; }
    public required string NothingWritten { get; init; }

    /// <summary>(requests, GraphQL requests, REST requests): what the run asked of GitHub.</summary>
    public required Func<int, int, int, string> Requests { get; init; }

    /// <summary>(used, remaining, limit) of GraphQL's hourly points.</summary>
    public required Func<long, long, long, string> GraphQlPoints { get; init; }

    /// <summary>(used, remaining, limit) of REST's hourly requests.</summary>
    public required Func<long, long, long, string> RestRequests { get; init; }

    /// <summary>The cost line's lead ("Cost: …").</summary>
    public required Func<string, string> Cost { get; init; }
}

/// <summary>The audit's sentences: every finding's message, the report's headings and table headers. Rule ids stay as they are (keys, not sentences).</summary>
internal sealed record AuditWords
{
    public required string DefaultTitle { get; init; }

    /// <summary>What goes between a title and what follows it (":" in English, " :" in French).</summary>
    public required string TitleSeparator { get; init; }

    /// <summary>A severity as readers see it ("error" stays the key in --json and in profilegen.yml).</summary>
    public required Func<Severity, string> Severity { get; init; }

    /// <summary>(number as shown, count, what follows): "12 repositories audited: …".</summary>
    public required Func<string, int, string, string> RepositoriesAudited { get; init; }
    public required string NothingToFix { get; init; }
    public required string TableHeader { get; init; }
    public required Func<int, string> MoreInMarkdown { get; init; }
    public required string TheLicenceFile { get; init; }
    public required string IdentifiedFromText { get; init; }
    public required Func<string, string, string, string, string, string> LicenseBadgeMismatch { get; init; }
    public required Func<string, string> LicenseBadgeWithoutFile { get; init; }
    public required string LicenseMissing { get; init; }
    public required Func<string, string, string> LicenseUnidentified { get; init; }
    public required Func<string, string, string> LicenseFileUnseen { get; init; }
    public required Func<int, string, string, string> BadgeLinkNotAPath { get; init; }

    /// <summary>(line, path quoted, the other repository or null for this one, the fix).</summary>
    public required Func<int, string, string?, string, string> BadgeLinkMissing { get; init; }

    /// <summary>(file to link to or null, whether it is this repository's own file while the badge points elsewhere).</summary>
    public required Func<string?, bool, string> LinkFix { get; init; }
    public required Func<string, string, int, string, string> HeaderEndMissing { get; init; }
    public required Func<string, string, int, string, string> HeaderBeginMissing { get; init; }
    public required Func<string, string, int, string, int, string> HeaderMarkersSwapped { get; init; }
    public required Func<string, IReadOnlyList<string>, string> LifecycleMissing { get; init; }
    public required Func<string, string, string> LifecycleLabelUnknown { get; init; }
    public required Func<string, string, string> LifecycleValueUnknown { get; init; }
    public required Func<string, string, bool, string> LifecycleVariant { get; init; }

    /// <summary>(whether the profile shows the README's first sentence instead).</summary>
    public required Func<bool, string> DescriptionMissing { get; init; }
    public required Func<string, string, string> ReadmeUnreadable { get; init; }

    /// <summary>(name quoted, whether the organization has it but the page does not list it, the nearest listed name).</summary>
    public required Func<string, bool, string?, string> FeaturedUnknown { get; init; }
}
