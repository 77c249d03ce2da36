namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>Deterministic organizations for tests and benchmarks, shaped like CQEN-QDCE's.</summary>
public static class StandInData
{
    private static readonly string[] Lifecycles = ["Cycle%20de%20Vie-Phase%20D%C3%A9couverte-339999", "Cycle_de_vie-Exp%C3%A9rimentation-339999", "Lifecycle-Experimental-339999", "Cycle%20de%20Vie-Phase%20B%C3%AAta-339999"];

    public const string LiLiQPText = "Licence Libre du Québec – Permissive (LiLiQ-P)\n\nVersion 1.1\n\n1. Préambule\nCette licence s'applique à tout logiciel distribué dont le titulaire du droit d'auteur précise qu'il est sujet aux termes de la Licence Libre du Québec – Permissive (LiLiQ-P) (ci-après appelée la « licence »).\n";
    public const string LiLiQRText = "Licence Libre du Québec – Réciprocité (LiLiQ-R)\n\nVersion 1.1\n\n1. Préambule\nCette licence s'applique à tout logiciel distribué dont le titulaire du droit d'auteur précise qu'il est sujet aux termes de la Licence Libre du Québec – Réciprocité (LiLiQ-R) (ci-après appelée la « licence »).\n";
    public const string MitText = "MIT License\n\nCopyright (c) 2024\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software...\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n";

    /// <summary>
    /// N repositories: most with an ENTETE header (lifecycle and licence badges), LiLiQ licences
    /// GitHub reports as NOASSERTION, MIT it recognises, some with no README or licence, a few
    /// archived or forks, plus the org's `.github` repository holding profile/README.md.
    /// </summary>
    /// <summary>The README names GitHub recognises, other than README.md.</summary>
    public static readonly string[] OtherReadmeNames = ["readme.md", "README", "Readme.md", "README.markdown", "README.rst", "README.txt", "readme.txt"];

    /// <summary>The licence file names GitHub recognises.</summary>
    public static readonly string[] LicenseNames = ["LICENSE", "LICENCE", "LICENSE.md", "LICENSE.txt", "LICENCE.md", "LICENCE.txt", "COPYING", "COPYING.md", "license.md", "LICENSE.rst", "LICENSE-MIT", "UNLICENSE"];

    /// <summary>
    /// As <see cref="GenerateOrg"/>, with README and licence files under every name GitHub
    /// recognises, in turn (the organization a real reader meets).
    /// </summary>
    public static FakeOrg GenerateOrgWithMixedFileNames(GitHubState state, string login, int count)
    {
        var org = GenerateOrg(state, login, count);
        for (var i = 0; i < count; i++)
        {
            var repo = state.Repo(login, $"projet-{i:00000}");
            var head = repo.Git.Resolve("main")!;
            var tree = new SortedDictionary<string, string>(repo.Git.Trees[repo.Git.Commits[head].Tree], StringComparer.Ordinal);
            Rename(tree, "README.md", i % 3 == 0 ? null : OtherReadmeNames[i % OtherReadmeNames.Length]);
            Rename(tree, tree.ContainsKey("LICENSE") ? "LICENSE" : "LICENSE.md", LicenseNames[i % LicenseNames.Length]);
            repo.Git.Refs["refs/heads/main"] = repo.Git.AddCommit(repo.Git.AddTree(tree), [head], "Rename files", "octocat");
        }
        return org;

        static void Rename(SortedDictionary<string, string> tree, string from, string? to)
        {
            if (to is not null && tree.Remove(from, out var blob))
            {
                tree[to] = blob;
            }
        }
    }

    public static FakeOrg GenerateOrg(GitHubState state, string login, int count, int seed = 7)
    {
        var random = new Random(seed);
        var org = state.AddOrg(login, $"Organisation {login}", "Une organisation de test");
        state.AddRepo(login, ".github", r =>
        {
            r.License = ("other", "Other", "NOASSERTION");
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "# .github\n",
                ["LICENSE"] = LiLiQPText,
                ["profile/README.md"] = "# Ancien profil\n",
            });
        });
        for (var i = 0; i < count; i++)
        {
            var kind = i % 5;
            state.AddRepo(login, $"projet-{i:00000}", r =>
            {
                r.Description = i % 7 == 0 ? null : $"Projet numéro {i}";
                r.Language = (i % 4) switch { 0 => "C#", 1 => "TypeScript", 2 => null, _ => "Python" };
                r.Topics = i % 3 == 0 ? ["quebec", "experimentation"] : [];
                r.Stars = random.Next(50);
                r.Archived = i % 23 == 0;
                r.Fork = i % 29 == 0;
                r.PushedAt = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(20_000));
                var files = new Dictionary<string, string>();
                if (kind != 4)
                {
                    files["README.md"] = $"<!-- ENTETE -->\n[![img](https://img.shields.io/badge/{Lifecycles[i % Lifecycles.Length]})](https://www.quebec.ca/)\n[![License](https://img.shields.io/badge/Licence-LiLiQ--{(kind == 1 ? "R" : "P")}-blue)](LICENSE)\n<!-- FIN ENTETE -->\n\n# projet-{i:00000}\n";
                }
                switch (kind)
                {
                    case 0 or 1:
                        files["LICENSE"] = kind == 0 ? LiLiQPText : LiLiQRText;
                        r.License = ("other", "Other", "NOASSERTION");
                        break;
                    case 2:
                        files["LICENSE.md"] = MitText;
                        r.License = ("mit", "MIT License", "MIT");
                        break;
                }
                if (files.Count == 0)
                {
                    files[".gitignore"] = "bin/\n";
                }
                r.Commit("main", files, "Initial commit");
            });
        }
        return org;
    }
}
