using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Catalogue;

/// <summary>
/// A test organization whose repositories carry the catalogue sources public bodies keep:
/// publiccode.yml (valid, contradicting the badge, malformed, wrongly typed), catalog-info.yaml,
/// custom properties, and CQEN, r-lib and repostatus.org badges.
/// </summary>
internal static class CatalogueOrg
{
    public const string Login = "qc-org";

    public static OrgSnapshot Snapshot => new()
    {
        ReadAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        Org = new OrgProfile { Login = Login, Name = "Organisation québécoise", Url = $"https://github.com/{Login}", Email = "code@example.org" },
        Repos =
        [
            // Valid publiccode.yml in both languages, agreeing with its r-lib badge and its licence file.
            Repo("accord", Badge("[![Lifecycle: stable](https://img.shields.io/badge/lifecycle-stable-brightgreen.svg)](https://lifecycle.r-lib.org/articles/stages.html#stable)"), "MIT") with
            {
                Publiccode = """
                    publiccodeYmlVersion: "0"
                    name: Accord
                    url: https://github.com/qc-org/accord
                    developmentStatus: stable
                    softwareType: library
                    platforms: [web]
                    description:
                      fr:
                        shortDescription: Un outil qui met tout le monde d'accord.
                      en:
                        shortDescription: A tool everyone agrees on.
                    legal:
                      license: MIT
                    maintenance:
                      type: internal
                    localisation:
                      localisationReady: true
                      availableLanguages: [fr, en]
                    """,
                CatalogInfo = """
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: { name: equipe }
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: accord
                      description: Backstage's words.
                    spec:
                      type: library
                      lifecycle: production
                      owner: group:equipe
                    """,
            },
            // publiccode says beta; the CQEN badge says discovery; the licence and the file disagree; French only.
            Repo("contredit", Badge("[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20D%C3%A9couverte-339999)](https://www.quebec.ca/)"), "MIT") with
            {
                Publiccode = """
                    publiccodeYmlVersion: "0"
                    name: Contredit
                    url: https://github.com/qc-org/contredit
                    developmentStatus: beta
                    description:
                      fr-CA:
                        shortDescription: Un dépôt dont les sources se contredisent.
                    legal:
                      license: GPL-3.0-only
                    maintenance:
                      type: internal
                    """,
            },
            // A publiccode.yml that is not YAML; the repostatus badge then gives the lifecycle.
            Repo("casse", Badge("[![Project Status: WIP](https://www.repostatus.org/badges/latest/wip.svg)](https://www.repostatus.org/#wip)"), "Apache-2.0") with
            {
                Publiccode = "publiccodeYmlVersion: \"0\"\nname: Cassé\ndescription: [unclosed\n",
            },
            // Custom properties win by default over publiccode, which contradicts them.
            Repo("proprietes", null, "LiLiQ-R-1.1") with
            {
                CustomProperties = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["lifecycle"] = ["Phase Bêta"],
                    ["license"] = ["LiLiQ-R-1.1"],
                    ["summary-fr"] = ["Résumé tiré des propriétés."],
                    ["summary-en"] = ["Summary from the properties."],
                    ["owner"] = ["equipe-a"],
                },
                Publiccode = """
                    publiccodeYmlVersion: "0"
                    developmentStatus: stable
                    legal:
                      license: LiLiQ-R-1.1
                    maintenance:
                      type: internal
                    """,
            },
            // Not maintained, yet not archived.
            Repo("abandonne", null, "MIT") with
            {
                Publiccode = """
                    publiccodeYmlVersion: "0"
                    developmentStatus: stable
                    description:
                      en:
                        shortDescription: Nobody maintains this any more.
                      fr:
                        shortDescription: Personne ne l'entretient plus.
                    legal:
                      license: MIT
                    maintenance:
                      type: none
                    """,
            },
            // Wrong types: a version written as a number, a status written as a list.
            Repo("types", null, "MIT") with
            {
                Publiccode = "publiccodeYmlVersion: 0.4\ndevelopmentStatus:\n  - stable\nlegal:\n  license: MIT\n",
            },
        ],
    };

    private static string Badge(string badge) => $"<!-- ENTETE -->\n{badge}\n<!-- FIN ENTETE -->\n\n# Projet\n\nUn projet de démonstration.\n";

    private static RepoSnapshot Repo(string name, string? readme, string spdx)
    {
        ReadmeHeader? header = null;
        IReadOnlyList<ProfileGen.Badges.ShieldsBadge> badges = [];
        if (readme is not null)
        {
            (header, badges) = ReadmeHeader.Read("README.md", $"https://github.com/{Login}/{name}/blob/main/README.md", readme);
        }
        return new RepoSnapshot
        {
            Name = name,
            FullName = $"{Login}/{name}",
            Url = $"https://github.com/{Login}/{name}",
            DefaultBranch = "main",
            Description = $"GitHub description of {name}.",
            Language = "C#",
            Topics = ["quebec"],
            CreatedAt = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            PushedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            License = new RepoLicense { SpdxId = spdx, Path = "LICENSE", Url = $"https://github.com/{Login}/{name}/blob/main/LICENSE" },
            Readme = header,
            Badges = badges,
        };
    }
}
