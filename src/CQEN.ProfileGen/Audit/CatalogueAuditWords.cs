using CQEN.ProfileGen.Catalogue;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Audit;

/// <summary>The catalogue rules' sentences, in the profile's language (kept apart from <see cref="AuditWords"/> so the catalogue's texts live together).</summary>
internal sealed record CatalogueAuditWords
{
    /// <summary>A source, as a sentence names it ("the README badge").</summary>
    public required Func<string, string> Source { get; init; }

    /// <summary>(source, its word, the winning source, its word).</summary>
    public required Func<string, string, string, string, string> LifecycleConflict { get; init; }

    /// <summary>(source, its licence, the other source, its licence).</summary>
    public required Func<string, string, string, string, string> LicenseConflict { get; init; }
    public required string MaintenanceNone { get; init; }

    /// <summary>(language written, language missing, source, the key to add).</summary>
    public required Func<string, string, string, string, string> SummaryOneLanguage { get; init; }
    public required Func<string, string> Language { get; init; }

    /// <summary>(problem): one sentence for a malformed catalogue file.</summary>
    public required Func<CatalogueProblem, string> FileMalformed { get; init; }

    public static CatalogueAuditWords For(ProfileCulture culture) => culture == ProfileCulture.French ? French : English;

    private static readonly CatalogueAuditWords French = new()
    {
        Source = source => source switch
        {
            CatalogueOptions.CustomProperty => "la propriété personnalisée",
            CatalogueOptions.Publiccode => "publiccode.yml",
            CatalogueOptions.CatalogInfo => "catalog-info.yaml",
            CatalogueOptions.ReadmeBadge => "le badge du README",
            CatalogueOptions.TopicRule => "la règle de sujet (lifecycle_rules)",
            CatalogueReconciler.LicenseFile => "le fichier de licence",
            CatalogueReconciler.LicenseOverrides => "license_overrides",
            _ => source,
        },
        LifecycleConflict = (source, word, winner, winnerWord) => $"{Capital(source)} indique {word}, mais {winner} (qui l'emporte selon catalogue.precedence) indique {winnerWord} : accordez-les, ou retirez celui qui se trompe.",
        LicenseConflict = (source, licence, other, otherLicence) => $"{Capital(source)} nomme la licence {licence}, mais {other} indique {otherLicence} : corrigez celui qui se trompe (le fichier de licence fait foi).",
        MaintenanceNone = "publiccode.yml indique maintenance.type: none, mais le dépôt n'est pas archivé : archivez-le, ou indiquez qui l'entretient (internal, contract ou community).",
        SummaryOneLanguage = (written, missing, source, key) => $"Le résumé n'existe qu'en {written} ({source}) : ajoutez {key} pour que chaque profil le présente dans sa langue (en attendant, le profil en {missing} affiche un texte de repli).",
        Language = language => language == "fr" ? "français" : "anglais",
        FileMalformed = p => p.Kind switch
        {
            CatalogueProblemKind.Syntax => $"{p.Path} n'est pas du YAML valide (ligne {p.Line}, colonne {p.Column}) : corrigez-le pour que les catalogues puissent le lire; profilegen l'a ignoré.",
            CatalogueProblemKind.WrongType when p.Field is null => $"{p.Path} ne contient pas de dictionnaire YAML (clé: valeur) à sa racine : profilegen l'a ignoré.",
            CatalogueProblemKind.WrongType => $"{p.Path} : {p.Field} doit être {FrenchKind(p.Expected)} (ligne {p.Line}, colonne {p.Column}); profilegen a ignoré cette valeur.",
            CatalogueProblemKind.UnknownValue => $"{p.Path} : {p.Field} vaut {OrgAudit.Quote(p.Written ?? "")}, que la norme ne définit pas : écrivez l'une des valeurs {p.Expected}.",
            _ => $"{p.Path} n'a pas de {p.Field}, que la norme exige : ajoutez-le.",
        },
    };

    private static readonly CatalogueAuditWords English = new()
    {
        Source = source => source switch
        {
            CatalogueOptions.CustomProperty => "the custom property",
            CatalogueOptions.Publiccode => "publiccode.yml",
            CatalogueOptions.CatalogInfo => "catalog-info.yaml",
            CatalogueOptions.ReadmeBadge => "the README badge",
            CatalogueOptions.TopicRule => "the topic rule (lifecycle_rules)",
            CatalogueReconciler.LicenseFile => "the licence file",
            CatalogueReconciler.LicenseOverrides => "license_overrides",
            _ => source,
        },
        LifecycleConflict = (source, word, winner, winnerWord) => $"{Capital(source)} says {word} but {winner} (which wins by catalogue.precedence) says {winnerWord}: make them agree, or remove the one that is wrong.",
        LicenseConflict = (source, licence, other, otherLicence) => $"{Capital(source)} names the licence {licence} but {other} says {otherLicence}: correct the one that is wrong (the licence file is what binds).",
        MaintenanceNone = "publiccode.yml says maintenance.type: none but the repository is not archived: archive it, or name who maintains it (internal, contract or community).",
        SummaryOneLanguage = (written, missing, source, key) => $"The summary exists in {written} only ({source}): add {key} so each profile shows it in its language (the {missing} profile shows a fallback meanwhile).",
        Language = language => language == "fr" ? "French" : "English",
        FileMalformed = p => p.Kind switch
        {
            CatalogueProblemKind.Syntax => $"{p.Path} is not valid YAML (line {p.Line}, column {p.Column}: {OrgAudit.Clean(p.Written ?? "")}): fix it so catalogues can read it; profilegen ignored it.",
            CatalogueProblemKind.WrongType when p.Field is null => $"{p.Path} holds no YAML mapping (key: value) at its root: profilegen ignored the file.",
            CatalogueProblemKind.WrongType => $"{p.Path}: {p.Field} must be {EnglishKind(p.Expected)} (line {p.Line}, column {p.Column}); profilegen ignored this value.",
            CatalogueProblemKind.UnknownValue => $"{p.Path}: {p.Field} is {OrgAudit.Quote(p.Written ?? "")}, which the standard does not define: write one of {p.Expected}.",
            _ => $"{p.Path} has no {p.Field}, which the standard requires: add it.",
        },
    };

    private static string FrenchKind(string? expected) => expected switch
    {
        "text" => "un texte (entre guillemets pour un numéro de version)",
        "list" => "une liste",
        _ => "un dictionnaire (clé: valeur)",
    };

    private static string EnglishKind(string? expected) => expected switch
    {
        "text" => "a text (in quotes for a version number)",
        "list" => "a list",
        _ => "a mapping (key: value)",
    };

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
