using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The change list's and the first fill's words, in French and in English. Kept apart from
/// <see cref="Wording"/> so the two tables can change without stepping on each other.
/// </summary>
internal sealed record ChangeWording
{
    public required Func<string, string> FieldName { get; init; }
    public required Func<string, string> Visibility { get; init; }
    public required string None { get; init; }
    public required string Added { get; init; }
    public required string Removed { get; init; }
    public required string Archived { get; init; }
    public required string Unarchived { get; init; }
    public required string Listed { get; init; }
    public required string Unlisted { get; init; }
    public required string Colon { get; init; }
    public required (string Open, string Close) Quotes { get; init; }
    public required Func<string, string> SinceProposal { get; init; }
    public required Func<string, string, string> SinceBase { get; init; }
    public required string NothingChanged { get; init; }
    public required Func<string, string> More { get; init; }
    public required Func<string, string> PushedOnly { get; init; }
    public required string FirstFill { get; init; }
    public required string GroupHeader { get; init; }
    public required Func<string, string> ProposedFile { get; init; }
    public required Func<string, string> AllRepositories { get; init; }
    public required string CardsTitle { get; init; }
    public required string CardsIntro { get; init; }
    public required string CardFileHeader { get; init; }
    public required string CardChangeHeader { get; init; }
    public required string CardBytesHeader { get; init; }

    /// <summary>added, changed, removed or unchanged, said of a card file.</summary>
    public required Func<string, string> CardChange { get; init; }

    /// <summary>A dry run's line for one card file: its path, its change, its size in bytes.</summary>
    public required Func<string, string, string, string> CardLine { get; init; }

    public static ChangeWording For(ProfileCulture culture) => culture == ProfileCulture.English ? English : French;

    private static readonly ChangeWording French = new()
    {
        FieldName = field => field switch
        {
            "summary" => "description",
            "lifecycle" => "cycle de vie",
            "language" => "langage",
            "license" => "licence",
            "visibility" => "visibilité",
            "url" => "adresse",
            "pushed" => "dernière poussée",
            "name" => "nom",
            _ when field.StartsWith("health.", StringComparison.Ordinal) => $"santé ({field["health.".Length..]})",
            _ => field,
        },
        Visibility = v => v switch { "private" => "privé", "internal" => "interne", _ => v },
        None = "(aucun)",
        Added = "ajouté",
        Removed = "retiré",
        Archived = "archivé",
        Unarchived = "désarchivé",
        Listed = "maintenant présenté par le profil",
        Unlisted = "n'est plus présenté par le profil",
        Colon = " : ",
        Quotes = ("« ", " »"),
        SinceProposal = n => $"Depuis la proposition précédente ({n})",
        SinceBase = (baseName, n) => $"Depuis {baseName} ({n})",
        NothingChanged = "Aucun dépôt n'a changé.",
        More = rest => $"- … et {rest} autres (le fichier de faits, sous Files changed, les montre tous)",
        PushedOnly = n => $"- dernière poussée d'un autre mois pour {n} dépôt(s) : ",
        FirstFill = "Première version du profil : ce qu'il présente, groupe par groupe.",
        GroupHeader = "| Groupe | Dépôts |\n| --- | ---: |",
        ProposedFile = link => $"Le fichier proposé, tel que GitHub l'affichera : {link}.",
        AllRepositories = n => $"**Total** | **{n}**",
        CardsTitle = "Cartes",
        CardsIntro = "Les cartes sont des fichiers SVG du même commit que le profil (onglet « Files changed » de la demande de tirage) ; voici ce qu'elles disent.",
        CardFileHeader = "Fichier",
        CardChangeHeader = "Changement",
        CardBytesHeader = "Octets",
        CardChange = kind => kind switch { "added" => "ajoutée", "removed" => "supprimée", "changed" => "modifiée", _ => "inchangée" },
        CardLine = (path, change, bytes) => $"carte {path} : {change} ({bytes} octets)",
    };

    private static readonly ChangeWording English = new()
    {
        FieldName = field => field switch
        {
            "summary" => "description",
            "lifecycle" => "lifecycle",
            "language" => "language",
            "license" => "licence",
            "visibility" => "visibility",
            "url" => "address",
            "pushed" => "last push",
            "name" => "name",
            _ when field.StartsWith("health.", StringComparison.Ordinal) => $"health ({field["health.".Length..]})",
            _ => field,
        },
        Visibility = v => v,
        None = "(none)",
        Added = "added",
        Removed = "removed",
        Archived = "archived",
        Unarchived = "unarchived",
        Listed = "now listed by the profile",
        Unlisted = "no longer listed by the profile",
        Colon = ": ",
        Quotes = ("“", "”"),
        SinceProposal = n => $"Since the previous proposal ({n})",
        SinceBase = (baseName, n) => $"Since {baseName} ({n})",
        NothingChanged = "No repository changed.",
        More = rest => $"- … and {rest} more (the facts file under Files changed has them all)",
        PushedOnly = n => $"- last push in another month for {n} repositor{(n == "1" ? "y" : "ies")}: ",
        FirstFill = "First version of the profile: what it lists, group by group.",
        GroupHeader = "| Group | Repositories |\n| --- | ---: |",
        ProposedFile = link => $"The proposed file, as GitHub will show it: {link}.",
        AllRepositories = n => $"**Total** | **{n}**",
        CardsTitle = "Cards",
        CardsIntro = "The cards are SVG files in the same commit as the profile (the pull request's Files changed tab); here is what they say.",
        CardFileHeader = "File",
        CardChangeHeader = "Change",
        CardBytesHeader = "Bytes",
        CardChange = kind => kind switch { "added" => "added", "removed" => "removed", "changed" => "changed", _ => "unchanged" },
        CardLine = (path, change, bytes) => $"card {path}: {change} ({bytes} bytes)",
    };
}
