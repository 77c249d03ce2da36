using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Audit;

/// <summary>Each rule of the audit, with a README as people write them: the case it reports and the case it leaves alone.</summary>
public class OrgAuditTests
{
    private const string Org = "org";

    /// <summary>A repository read from README text, the way both GitHub readers build it.</summary>
    private static RepoSnapshot Repo(string name, string? readme = null, string? spdx = null, string? licensePath = "LICENSE",
        string[]? root = null, string? description = "A description.", string source = "file-text")
    {
        ReadmeHeader? header = null;
        IReadOnlyList<ProfileGen.Badges.ShieldsBadge> badges = [];
        if (readme is not null)
        {
            (header, badges) = ReadmeHeader.Read("README.md", $"https://github.com/{Org}/{name}/blob/main/README.md", readme);
        }
        return new RepoSnapshot
        {
            Name = name,
            FullName = $"{Org}/{name}",
            Url = $"https://github.com/{Org}/{name}",
            DefaultBranch = "main",
            Description = description,
            License = spdx is null ? null : new RepoLicense { SpdxId = spdx, Path = licensePath, Url = $"https://github.com/{Org}/{name}/blob/main/{licensePath}", Source = source },
            Readme = header,
            Badges = badges,
            RootFiles = root ?? new[] { readme is null ? null : "README.md", spdx is null ? null : licensePath }.OfType<string>().ToArray(),
        };
    }

    // The rules' cases are pinned in English (culture: en); OrgAuditFrenchTests shows each in French.
    private static AuditReport Run(ProfileGenConfig? config, params RepoSnapshot[] repos) =>
        OrgAudit.Run(new OrgSnapshot { Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" }, Repos = repos }, (config ?? new ProfileGenConfig()) with { Culture = ProfileCulture.English });

    private static AuditFinding[] Findings(string rule, params RepoSnapshot[] repos) => Findings(rule, null, repos);

    private static AuditFinding[] Findings(string rule, ProfileGenConfig? config, params RepoSnapshot[] repos) =>
        Run(config, repos).Findings.Where(f => f.Rule == rule).ToArray();

    private static string Header(string licenceBadge, string lifecycle = "[![img](https://img.shields.io/badge/Cycle_de_vie-Exp%C3%A9rimentation-339999)](https://www.quebec.ca/)") =>
        $"<!-- ENTETE -->\n{lifecycle}\n{licenceBadge}\n<!-- FIN ENTETE -->\n\n# Projet\n\nUn projet.\n";

    public class WhatIsAudited
    {
        [Fact]
        public void A_publish_audits_the_repositories_its_page_lists_from_that_page_s_model()
        {
            var snapshot = new OrgSnapshot
            {
                Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" },
                Repos = [Repo("listed", "# Listed\n", description: null), Repo("left-out", "# Left out\n", description: null)],
            };
            var config = new ProfileGenConfig { Culture = ProfileCulture.English, Filters = new RepoFilter { ExcludeNames = ["left-out"] } };
            var page = ProfileGen.Rendering.TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch);

            var alone = OrgAudit.Run(snapshot, config);
            var fromPage = OrgAudit.Run(snapshot, config, page);
            var fromSmallerPage = OrgAudit.Run(snapshot, config, page with { Repos = [] });

            Assert.Equal(1, alone.RepositoriesAudited);
            Assert.Equal(alone.Findings, fromPage.Findings);
            Assert.Equal(alone.RepositoriesAudited, fromPage.RepositoriesAudited);
            Assert.Equal(0, fromSmallerPage.RepositoriesAudited);
        }
    }

    public class LicenseBadgeMismatch
    {
        [Fact]
        public void A_badge_naming_another_licence_is_an_error_on_its_line()
        {
            var f = Assert.Single(Findings("license-badge-mismatch", Repo("exp-anig", Header("[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENSE)"), "LiLiQ-R-1.1")));
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Equal("README.md", f.Path);
            Assert.Equal(3, f.Line);
            Assert.Equal("LiLiQ-R", f.Suggestion);
            Assert.Equal("https://github.com/org/exp-anig/blob/main/README.md#L3", f.Url);
            Assert.Equal("The licence badge says 'LiLiQ-P' but LICENSE is LiLiQ-R-1.1 (identified from its text): change the badge to 'LiLiQ-R', or the licence file to the licence the badge names.", f.Message);
        }

        [Theory]
        [InlineData("https://img.shields.io/badge/License-LiLiQ--P-blue", "LiLiQ-P-1.1")]
        [InlineData("https://img.shields.io/badge/Licence-LiLiQ--R%2B-blue", "LiLiQ-Rplus-1.1")]
        [InlineData("https://img.shields.io/badge/License-Apache_2.0-blue.svg", "Apache-2.0")]
        [InlineData("https://img.shields.io/badge/License-Apache%202.0-blue.svg", "Apache-2.0")]
        [InlineData("https://img.shields.io/badge/Licence-Apache--2.0-blue", "Apache-2.0")]
        [InlineData("https://img.shields.io/badge/License-Apache2-blue", "Apache-2.0")]
        [InlineData("https://img.shields.io/badge/licence-EUPL--1.2-blue", "EUPL-1.2")]
        [InlineData("https://img.shields.io/badge/License-MIT-yellow.svg?style=flat", "MIT")]
        public void Shields_io_escaping_forms_of_the_same_licence_are_not_reported(string badgeUrl, string spdx) =>
            Assert.Empty(Findings("license-badge-mismatch", Repo("r", Header($"[![License]({badgeUrl})](LICENSE)"), spdx)));

        [Fact]
        public void An_html_img_header_is_read_too()
        {
            var readme = "<!-- ENTETE -->\n<p><a href=\"LICENSE\"><img src=\"https://img.shields.io/badge/Licence-LiLiQ--P-blue\" alt=\"Licence\"></a></p>\n<!-- FIN ENTETE -->\n";
            var f = Assert.Single(Findings("license-badge-mismatch", Repo("r", readme, "Apache-2.0", source: "github")));
            Assert.Equal(2, f.Line);
            Assert.Contains("'LiLiQ-P' but LICENSE is Apache-2.0:", f.Message);
        }

        [Fact]
        public void A_licence_nobody_identified_is_not_a_mismatch_but_license_overrides_count()
        {
            var repo = Repo("r", Header("[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENSE)"), "NOASSERTION");
            Assert.Empty(Findings("license-badge-mismatch", repo));
            var config = new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["r"] = "MIT" } };
            Assert.Contains("(license_overrides)", Assert.Single(Findings("license-badge-mismatch", config, repo)).Message);
        }
    }

    public class LicenseFiles
    {
        [Fact]
        public void A_badge_without_a_licence_file_is_an_error()
        {
            var f = Assert.Single(Findings("license-badge-without-file", Repo("ssi-studio", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--R-blue)](LICENSE)"))));
            Assert.Equal((Severity.Error, 3), (f.Severity, f.Line));
            Assert.Contains("no licence file", f.Message);
        }

        [Fact]
        public void A_badge_with_its_file_is_fine() =>
            Assert.Empty(Findings("license-badge-without-file", Repo("r", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--R-blue)](LICENSE)"), "LiLiQ-R-1.1")));

        [Fact]
        public void A_public_repository_with_neither_is_a_warning_and_a_private_one_is_not()
        {
            var f = Assert.Single(Findings("license-missing", Repo("bare", "# bare\n")));
            Assert.Equal((Severity.Warning, null), (f.Severity, f.Path));
            var config = new ProfileGenConfig { Filters = new RepoFilter { Visibility = ["public", "private"] } };
            Assert.Empty(Findings("license-missing", config, Repo("bare", "# bare\n") with { Visibility = "private" }));
            Assert.Empty(Findings("license-missing", Repo("licensed", "# x\n", "MIT")));
        }

        [Fact]
        public void A_licence_file_nobody_could_identify_is_a_warning_unless_overridden()
        {
            var repo = Repo("odd", "# odd\n", "NOASSERTION", "COPYING", source: "github");
            var f = Assert.Single(Findings("license-unidentified", repo));
            Assert.Equal((Severity.Warning, "COPYING"), (f.Severity, f.Path));
            Assert.Contains("license_overrides (odd: SPDX-ID)", f.Message);
            Assert.Empty(Findings("license-unidentified", repo with { License = repo.License! with { SpdxId = "MIT" } }));
            Assert.Empty(Findings("license-unidentified", new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["odd"] = "MIT" } }, repo));
        }
    }

    public class UndetectedLicenseFiles
    {
        [Fact]
        public void A_licence_file_github_does_not_detect_is_unidentified_not_missing()
        {
            var repo = Repo("fr", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--R-blue)](LICENSE_FR)"), root: ["README.md", "LICENSE_FR"]);
            var findings = Run(null, repo).Findings;
            Assert.DoesNotContain(findings, f => f.Rule is "license-badge-without-file" or "license-missing" or "badge-link-broken");
            var f = Assert.Single(findings, f => f.Rule == "license-unidentified");
            Assert.Equal(("LICENSE_FR", "LICENSE"), (f.Path, f.Suggestion));
            Assert.StartsWith("GitHub does not see LICENSE_FR as a licence file", f.Message);
        }
    }

    public class BadgeLinks
    {
        [Fact]
        public void A_relative_link_to_a_missing_file_suggests_the_existing_one()
        {
            var repo = Repo("pvc", Header("[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENSE)"), "LiLiQ-P-1.1", "LICENCE");
            var f = Assert.Single(Findings("badge-link-broken", repo));
            Assert.Equal((Severity.Warning, 3, "LICENCE"), (f.Severity, f.Line, f.Suggestion));
            Assert.Equal("The badge on line 3 links to 'LICENSE', which does not exist in the repository: link it to 'LICENCE' instead.", f.Message);
        }

        [Theory]
        [InlineData("LICENSE")]
        [InlineData("./LICENSE")]
        [InlineData("/LICENSE")]
        [InlineData("LICENSE#top")]
        [InlineData("https://github.com/org/r/blob/main/LICENSE")]
        [InlineData("https://forge.gouv.qc.ca/licence/liliq-p/")]
        [InlineData("docs/guide.md")]
        public void A_link_to_an_existing_file_or_elsewhere_is_fine(string link) =>
            Assert.Empty(Findings("badge-link-broken", Repo("r", Header($"[![License](https://img.shields.io/badge/License-MIT-blue)]({link})"), "MIT", root: ["README.md", "LICENSE", "docs/"])));

        [Fact]
        public void A_link_written_as_markdown_inside_the_link_is_broken()
        {
            var repo = Repo("tf", Header("[![Licence](https://img.shields.io/badge/License-LiLiQ--P-blue)]([Licence](/LICENSE))"), "LiLiQ-P-1.1");
            var f = Assert.Single(Findings("badge-link-broken", repo));
            Assert.Equal("LICENSE", f.Suggestion);
            Assert.Contains("'[Licence](/LICENSE)', which is not a path in the repository", f.Message);
        }

        [Fact]
        public void A_link_into_the_profile_repository_is_checked_there_and_the_own_licence_file_suggested()
        {
            var profile = Repo(".github", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/org/.github/blob/main/LICENCE.md)"), "LiLiQ-P-1.1", root: ["LICENSE", "LICENCE_EN.md", "README.md", "profile/"]);
            var own = Repo("demo", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/org/.github/blob/main/LICENCE.md)"), "LiLiQ-P-1.1", "LICENCE.md");
            var none = Repo("bare", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/org/.github/blob/main/LICENCE.md)"));
            var findings = Findings("badge-link-broken", profile, own, none).ToDictionary(f => f.Repo);
            Assert.Equal("LICENSE", findings[".github"].Suggestion);
            Assert.Equal("LICENCE.md", findings["demo"].Suggestion);
            Assert.Contains("does not exist in org/.github: link it to this repository's own 'LICENCE.md' instead", findings["demo"].Message);
            Assert.Equal("https://github.com/org/.github/blob/main/LICENSE", findings["bare"].Suggestion);
        }

        [Fact]
        public void Without_a_root_listing_nothing_is_guessed()
        {
            var repo = Repo("rest", Header("[![License](https://img.shields.io/badge/License-MIT-blue)](LICENCE.md)"), "MIT") with { RootFiles = null };
            Assert.Empty(Findings("badge-link-broken", repo));
        }

        [Fact]
        public void The_licence_badge_of_a_repository_without_a_licence_file_is_reported_once()
        {
            var findings = Run(null, Repo("wiki", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--R-blue)](LICENSE_FR)"))).Findings;
            Assert.Contains(findings, f => f.Rule == "license-badge-without-file");
            Assert.DoesNotContain(findings, f => f.Rule == "badge-link-broken");
        }

        [Fact]
        public void Any_badge_link_is_checked_and_a_close_name_suggested()
        {
            var readme = "[![Docs](https://img.shields.io/badge/docs-guide-green)](CONTRIBUTNG.md)\n";
            var f = Assert.Single(Findings("badge-link-broken", Repo("r", readme, "MIT", root: ["README.md", "LICENSE", "CONTRIBUTING.md"])));
            Assert.Equal(("CONTRIBUTING.md", 1), (f.Suggestion, f.Line));
        }
    }

    public class HeaderMarkers
    {
        [Theory]
        [InlineData("[![x](https://img.shields.io/badge/a-b-c)](x)\n<!-- FIN ENTETE -->\n# T\n", 2, "without '<!-- ENTETE -->' before it")]
        [InlineData("<!-- ENTETE -->\n[![x](https://img.shields.io/badge/a-b-c)](x)\n# T\n", 1, "but no '<!-- FIN ENTETE -->'")]
        [InlineData("<!-- FIN ENTETE -->\nx\n<!-- ENTETE -->\n", 1, "before '<!-- ENTETE -->' on line 3")]
        public void One_marker_without_the_other_or_in_the_wrong_order_is_an_error(string readme, int line, string says)
        {
            var f = Assert.Single(Findings("header-markers", Repo("r", readme, "MIT")));
            Assert.Equal((Severity.Error, line), (f.Severity, f.Line));
            Assert.Contains(says, f.Message);
        }

        [Theory]
        [InlineData("<!-- ENTETE -->\nx\n<!-- FIN ENTETE -->\n")]
        [InlineData("# No markers at all\n")]
        public void Both_markers_in_order_or_none_are_fine(string readme) =>
            Assert.Empty(Findings("header-markers", Repo("r", readme, "MIT")));
    }

    public class Lifecycles
    {
        private static readonly ProfileGenConfig Vocabulary = new()
        {
            Lifecycle = new LifecycleVocabulary
            {
                Labels = ["Cycle de vie"],
                Values = ["Phase Découverte", "Expérimentation", "Phase Bêta"],
                Aliases = new Dictionary<string, string> { ["Lifecycle"] = "Cycle de vie", ["Experimental"] = "Expérimentation" },
            },
        };

        private static RepoSnapshot WithBadge(string badge) => Repo("r", Header("[![License](https://img.shields.io/badge/License-MIT-blue)](LICENSE)", badge), "MIT");

        [Fact]
        public void No_badge_and_no_topic_rule_is_a_warning_but_a_topic_rule_is_enough()
        {
            var bare = Repo("r", "# r\n", "MIT") with { Topics = ["experimentation"] };
            var f = Assert.Single(Findings("lifecycle-missing", Vocabulary, bare));
            Assert.Contains("add a 'Cycle de vie' badge with one of 'Phase Découverte', 'Expérimentation', 'Phase Bêta'", f.Message);
            var rules = Vocabulary with { LifecycleRules = [new LifecycleRule { Topic = "experimentation", Message = "Expérimentation" }] };
            Assert.Empty(Findings("lifecycle-missing", rules, bare));
            Assert.Empty(Findings("lifecycle-missing", Vocabulary, WithBadge("[![img](https://img.shields.io/badge/Cycle_de_vie-Exp%C3%A9rimentation-339999)](x)")));
        }

        [Fact]
        public void A_value_outside_the_vocabulary_suggests_the_nearest_known_value()
        {
            var f = Assert.Single(Findings("lifecycle-unknown", Vocabulary, WithBadge("![Lifecycle:Maturing](https://img.shields.io/badge/Cycle%20de%20vie-Phase%20Beta%202-339999)")));
            Assert.Equal((Severity.Warning, "Phase Bêta"), (f.Severity, f.Suggestion));
            Assert.Contains("says 'Phase Beta 2', which is not in lifecycle.values", f.Message);
        }

        [Fact]
        public void A_label_outside_the_vocabulary_is_reported_when_labels_are_declared()
        {
            var noAliases = Vocabulary with { Lifecycle = Vocabulary.Lifecycle with { Aliases = new Dictionary<string, string>() } };
            var f = Assert.Single(Findings("lifecycle-unknown", noAliases, WithBadge("[![img](https://img.shields.io/badge/Lifecycle-Exp%C3%A9rimentation-339999)](x)")));
            Assert.Equal(("Cycle de vie", 2), (f.Suggestion, f.Line));
            Assert.Contains("label 'Lifecycle' is not in lifecycle.labels: write 'Cycle de vie'", f.Message);
        }

        [Fact]
        public void A_declared_label_is_a_lifecycle_badge_and_its_unaccented_spelling_a_variant()
        {
            var config = Vocabulary with { Lifecycle = Vocabulary.Lifecycle with { Labels = ["Cycle de vie", "État"] } };
            var repo = Repo("r", "[![x](https://img.shields.io/badge/Etat-Phase%20D%C3%A9couverte-339999)](x)\n", "MIT");
            Assert.Empty(Findings("lifecycle-missing", config, repo));
            Assert.Empty(Findings("lifecycle-unknown", config, repo));
            Assert.Contains("'Etat', read as 'État' (case, accents or spacing)", Assert.Single(Findings("lifecycle-variant", config, repo)).Message);
        }

        [Fact]
        public void Without_declared_values_nothing_is_unknown() =>
            Assert.Empty(Findings("lifecycle-unknown", WithBadge("[![img](https://img.shields.io/badge/Lifecycle-Whatever-339999)](x)")));

        [Theory]
        [InlineData("[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20d%C3%A9couverte-339999)](x)", "'Cycle de Vie' / 'Phase découverte', read as 'Cycle de vie' / 'Phase Découverte'")]
        [InlineData("[![img](https://img.shields.io/badge/Lifecycle-Experimental-339999)](x)", "'Lifecycle' / 'Experimental', read as 'Cycle de vie' / 'Expérimentation' (lifecycle.aliases)")]
        public void Folded_spellings_are_reported_as_variants(string badge, string says)
        {
            var f = Assert.Single(Findings("lifecycle-variant", Vocabulary, WithBadge(badge)));
            Assert.Equal(Severity.Notice, f.Severity);
            Assert.Contains(says, f.Message);
        }

        [Fact]
        public void A_lifecycle_badge_without_a_message_from_a_snapshot_file_is_not_checked()
        {
            // A snapshot file is anyone's JSON: this badge has its label and no message.
            var repo = Repo("r", "# r\n", "MIT") with { Badges = [new ProfileGen.Badges.ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Lifecycle", Line = 1 }] };

            var findings = Run(Vocabulary, repo).Findings.Where(f => f.Rule.StartsWith("lifecycle-", StringComparison.Ordinal));

            Assert.Empty(findings);
        }

        [Fact]
        public void The_canonical_spelling_is_not_a_variant() =>
            Assert.Empty(Findings("lifecycle-variant", Vocabulary, WithBadge("[![img](https://img.shields.io/badge/Cycle_de_vie-Exp%C3%A9rimentation-339999)](x)")));
    }

    /// <summary>What each finding carries besides its rule: order, path, suggestion, link, wording.</summary>
    public class Details
    {
        private const string Badge = "https://img.shields.io/badge/a-b-c";

        private static AuditFinding Only(string rule, RepoSnapshot repo, ProfileGenConfig? config = null) => Assert.Single(Findings(rule, config, repo));

        private static AuditFinding BrokenLink(string link, string[] root) =>
            Only("badge-link-broken", Repo("r", $"[![Docs]({Badge})]({link})\n", "MIT", root: root));

        [Fact]
        public void Findings_are_sorted_by_rule_then_repository_in_any_case_then_line_then_message()
        {
            var links = string.Concat(Enumerable.Repeat("texte\n", 8)) + $"[![d]({Badge})](Z.md)\n[![d]({Badge})](A.md)\n";
            var findings = Run(null, Repo("b", "# b\n", "MIT", description: null), Repo("A", "# A\n", "MIT", description: null), Repo("c", links, "MIT")).Findings;

            Assert.Equal(["A", "b"], findings.Where(f => f.Rule == "description-missing").Select(f => f.Repo));
            Assert.Equal([9, 10], findings.Where(f => f.Rule == "badge-link-broken").Select(f => f.Line));
        }

        [Fact]
        public void Findings_on_the_same_line_are_sorted_by_message()
        {
            var config = new ProfileGenConfig { Lifecycle = new LifecycleVocabulary { Labels = ["Cycle de vie"], Values = ["Phase Bêta"] } };
            var repo = Repo("r", "[![x](https://img.shields.io/badge/Lifecycle-Whatever-339999)](x)\n", "MIT");

            // Ordinal order: "badge says…" (the value) before "badge's label…", though the label is checked first.
            Assert.Equal(["value", "label"],
                Findings("lifecycle-unknown", config, repo).Select(f => f.Message.StartsWith("The lifecycle badge says", StringComparison.Ordinal) ? "value" : "label"));
        }

        [Fact]
        public void A_finding_in_the_readme_names_the_readme_s_own_path()
        {
            var repo = Repo("r", Header($"[![License](https://img.shields.io/badge/License-MIT-blue)](LICENSE)"), "Apache-2.0");

            Assert.Equal("docs/README.md", Only("license-badge-mismatch", repo with { Readme = repo.Readme! with { Path = "docs/README.md" } }).Path);
        }

        [Theory]
        [InlineData("CECILL-1.1", "CECILL-1.1")]
        [InlineData("LiLiQ-P", "LiLiQ-P")]
        [InlineData("LiLiQ-Rplus-1.1", "LiLiQ-Rplus")]
        public void A_mismatch_suggests_the_licence_s_short_name(string spdx, string suggestion)
        {
            var config = new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["r"] = spdx } };
            var f = Only("license-badge-mismatch", Repo("r", Header("[![License](https://img.shields.io/badge/License-MIT-blue)](LICENSE)")), config);

            Assert.Equal(suggestion, f.Suggestion);
            Assert.Contains($"but the licence file is {spdx} (license_overrides)", f.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_licence_file_suggests_LICENSE()
        {
            Assert.Equal("LICENSE", Only("license-badge-without-file", Repo("r", Header("[![License](https://img.shields.io/badge/License-MIT-blue)](LICENSE)"))).Suggestion);
            Assert.Equal("LICENSE", Only("license-missing", Repo("r", "# r\n")).Suggestion);
        }

        [Fact]
        public void A_licence_with_an_empty_id_or_no_path_is_unidentified()
        {
            Assert.Single(Findings("license-unidentified", Repo("r", "# r\n", "")));
            Assert.Contains("could identify the licence file:", Only("license-unidentified", Repo("r", "# r\n", "NOASSERTION", licensePath: null)).Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(new[] { "README.md", "LICENSE_FR", "COPYING" }, "COPYING")]
        [InlineData(new[] { "README.md", "LICENSE_FR", "LICENCE_EN" }, "LICENCE_EN")]
        public void Of_several_undetected_licence_files_the_most_usual_name_is_reported(string[] root, string expected) =>
            Assert.Equal(expected, Only("license-unidentified", Repo("r", "# r\n", root: root)).Path);

        [Theory]
        [InlineData("trunk", "https://github.com/org/r/blob/trunk/LICENSE_FR")]
        [InlineData(null, "https://github.com/org/r/blob/main/LICENSE_FR")]
        public void An_undetected_licence_file_links_to_its_default_branch(string? branch, string url) =>
            Assert.Equal(url, Only("license-unidentified", Repo("r", "# r\n", root: ["README.md", "LICENSE_FR"]) with { DefaultBranch = branch }).Url);

        [Theory]
        [InlineData("LICENSE", new[] { "README.md", "docs/" }, null)]
        [InlineData("LICENSE.md", new[] { "README.md", "LICENSE_FR", "LICENCE_EN" }, "LICENCE_EN")]
        [InlineData("GUIDE.md", new[] { "README.md", "GUIDE.mdy", "GUIDE.mdx", "GUIDE.mdxx" }, "GUIDE.mdx")]
        [InlineData("GUIDE.md", new[] { "README.md", "GUIDE.mdxx" }, "GUIDE.mdxx")]
        [InlineData("GUIDE.md", new[] { "README.md", "GUIDE.mdxxx" }, null)]
        public void A_broken_link_suggests_a_licence_file_for_a_licence_and_else_the_closest_name(string link, string[] root, string? suggestion) =>
            Assert.Equal(suggestion, BrokenLink(link, root).Suggestion);

        [Fact]
        public void Without_declared_values_a_missing_lifecycle_suggests_the_declared_label_alone()
        {
            var config = new ProfileGenConfig { Lifecycle = new LifecycleVocabulary { Labels = ["État"] } };
            var f = Only("lifecycle-missing", Repo("r", "# r\n", "MIT"), config);

            Assert.Equal("État", f.Suggestion);
            Assert.Contains("add a 'État' badge, or a topic", f.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_variant_suggests_the_canonical_spellings()
        {
            var config = new ProfileGenConfig { Lifecycle = new LifecycleVocabulary { Labels = ["Cycle de vie"], Values = ["Phase Découverte"] } };
            var repo = Repo("r", "[![x](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20d%C3%A9couverte-339999)](x)\n", "MIT");

            Assert.Equal("Cycle de vie / Phase Découverte", Only("lifecycle-variant", repo, config).Suggestion);
        }

        [Fact]
        public void An_empty_readme_summary_is_no_summary()
        {
            var repo = Repo("r", "# r\n", "MIT", description: null);

            Assert.Contains("the profile shows '—' meanwhile", Only("description-missing", repo with { Readme = repo.Readme! with { Summary = "" } }).Message, StringComparison.Ordinal);
        }
    }

    public class Descriptions
    {
        [Fact]
        public void No_description_is_a_notice_that_says_what_the_profile_shows_meanwhile()
        {
            var f = Assert.Single(Findings("description-missing", Repo("r", "# r\n\nWhat r does.\n", "MIT", description: null)));
            Assert.Equal(Severity.Notice, f.Severity);
            Assert.Contains("the README's first sentence meanwhile", f.Message);
            Assert.Empty(Findings("description-missing", Repo("r", "# r\n", "MIT")));
        }
    }

    public class Settings
    {
        [Fact]
        public void Rules_can_be_turned_off_or_change_severity()
        {
            var repo = Repo("r", "# r\n", description: null);
            var config = new ProfileGenConfig { Audit = new AuditOptions { Rules = new Dictionary<string, string> { ["description-missing"] = "off", ["license-missing"] = "error" } } };
            var findings = Run(config, repo).Findings;
            Assert.DoesNotContain(findings, f => f.Rule == "description-missing");
            Assert.Equal(Severity.Error, Assert.Single(findings, f => f.Rule == "license-missing").Severity);
        }

        [Fact]
        public void Only_the_repositories_the_profile_lists_and_the_profile_repository_are_audited()
        {
            var report = Run(null, Repo("kept", "# k\n", description: null), Repo("archived", "# a\n", description: null) with { Archived = true }, Repo(".github", "# g\n", description: null));
            Assert.Equal(2, report.RepositoriesAudited);
            Assert.Equal(["kept", ".github"], report.Findings.Where(f => f.Rule == "description-missing").Select(f => f.Repo).OrderDescending());
        }

        [Theory]
        [InlineData("error", false, true)]
        [InlineData("warning", true, true)]
        [InlineData("never", false, false)]
        public void Fail_on_sets_the_threshold(string failOn, bool withWarningsOnly, bool withAnError)
        {
            var warningsOnly = Run(null, Repo("r", "# r\n"));
            var withError = Run(null, Repo("r", "[![x](https://img.shields.io/badge/a-b-c)](x)\n<!-- FIN ENTETE -->\n", "MIT"));
            Assert.Equal(withWarningsOnly, warningsOnly.Fails(Severities.Parse(failOn)));
            Assert.Equal(withAnError, withError.Fails(Severities.Parse(failOn)));
        }
    }

    public class UntrustedText
    {
        [Fact]
        public void Badge_text_is_quoted_on_one_line_in_every_form()
        {
            var hostile = "[![License](https://img.shields.io/badge/License-%3C!--%20FIN%20ENTETE%20--%3E%0A%7C%20%5Bx%5D(javascript:alert(1))-blue)](LICENSE)";
            var report = Run(null, Repo("r", Header(hostile), "MIT"));
            var f = Assert.Single(report.Findings, f => f.Rule == "license-badge-mismatch");
            Assert.DoesNotContain('\n', f.Message);
            var markdown = report.ToMarkdown();
            Assert.DoesNotContain("<!--", markdown);
            Assert.Contains(@"\[x\](javascript:alert(1))", markdown); // escaped: text, not a link
            Assert.All(Markdown.Parse(markdown).Descendants<LinkInline>(), l => Assert.StartsWith("https://github.com/org/r/blob/main/README.md#L", l.Url));
            Assert.DoesNotContain("\n| [x]", markdown);
            var annotation = ProfileGen.Cli.GitHubActions.FindingAnnotation(f);
            Assert.StartsWith("::error title=license-badge-mismatch::r/README.md:3: ", annotation);
            Assert.DoesNotContain('\n', annotation);
        }
    }

    public class InFrench
    {
        private static readonly ProfileGenConfig French = new()
        {
            Culture = ProfileCulture.French,
            Featured = ["mismatch", "mismatc", "inconnu-total", "archive"],
            Lifecycle = new LifecycleVocabulary
            {
                Labels = ["Cycle de vie"],
                Values = ["Phase Découverte", "Expérimentation", "Phase Bêta"],
                Aliases = new Dictionary<string, string> { ["Experimental"] = "Expérimentation" },
            },
        };

        private const string Licence = "[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENSE)";

        // One repository (at least) for every rule and every way each rule words its finding.
        private static readonly RepoSnapshot[] EveryCase =
        [
            Repo("mismatch", Header(Licence), "LiLiQ-R-1.1"),
            Repo("mismatch-unnamed", Header(Licence), "LiLiQ-R-1.1", licensePath: null),
            Repo("badge-only", Header(Licence)),
            Repo("bare", "# bare\n"),
            Repo("unidentified", "# u\n", "NOASSERTION"),
            Repo("unidentified-unnamed", "# u\n", "NOASSERTION", licensePath: null),
            Repo("licence-fr", "# l\n", root: ["README.md", "LICENSE_FR"]),
            Repo("wrong-link", Header(Licence), "LiLiQ-P-1.1", "LICENCE"),
            Repo("pasted-link", Header("[![Licence](https://img.shields.io/badge/License-LiLiQ--P-blue)]([Licence](/LICENSE))"), "LiLiQ-P-1.1"),
            Repo("no-such-file", Header("[![Docs](https://img.shields.io/badge/docs-guide-green)](GUIDE.md)"), "MIT", root: ["README.md", "LICENSE"]),
            Repo("other-repo", Header("[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/org/.github/blob/main/LICENCE.md)"), "LiLiQ-P-1.1", "LICENCE.md"),
            Repo(".github", "# profil\n", "LiLiQ-P-1.1", root: ["LICENSE", "README.md"]),
            Repo("no-end", "<!-- ENTETE -->\n[![x](https://img.shields.io/badge/a-b-c)](x)\n# T\n", "MIT"),
            Repo("no-begin", "[![x](https://img.shields.io/badge/a-b-c)](x)\n<!-- FIN ENTETE -->\n# T\n", "MIT"),
            Repo("swapped", "<!-- FIN ENTETE -->\nx\n<!-- ENTETE -->\n", "MIT"),
            Repo("label", Header(Licence, "[![img](https://img.shields.io/badge/Lifecycle-Exp%C3%A9rimentation-339999)](x)"), "LiLiQ-P-1.1"),
            Repo("value", Header(Licence, "[![img](https://img.shields.io/badge/Cycle%20de%20vie-Maturing-339999)](x)"), "LiLiQ-P-1.1"),
            Repo("variant", Header(Licence, "[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Experimental-339999)](x)"), "LiLiQ-P-1.1"),
            Repo("no-description", Header(Licence), "LiLiQ-P-1.1", description: null),
            Repo("archive", "# a\n", "MIT") with { Archived = true },
            Repo("no-description-no-sentence", "<!-- ENTETE -->\n" + Licence + "\n<!-- FIN ENTETE -->\n", "LiLiQ-P-1.1", description: null),
            Repo("catalogue", Header(Licence), "LiLiQ-P-1.1") with { Publiccode = "publiccodeYmlVersion: \"0\"\ndevelopmentStatus: stable\ndescription:\n  fr:\n    shortDescription: Un résumé.\nlegal:\n  license: MIT\nmaintenance:\n  type: none\n" },
            Repo("catalogue-broken", "# c\n", "MIT") with { Publiccode = "a: [\n", CatalogInfo = "kind: Component\nspec:\n  lifecycle: [x]\n" },
        ];

        private static AuditFinding[] Findings()
        {
            var repos = EveryCase.Append(Repo("nested", "# n\n", "MIT") is var n ? n with { Readme = n.Readme! with { Unreadable = "it is nested too deeply for Markdig" } } : null!)
                .Concat(Health.HealthAuditTests.EveryHealthCase(Repo("sans-sante", "# s\n", "MIT")));
            return OrgAudit.Run(new OrgSnapshot { Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" }, Repos = [.. repos], ReadAt = Health.HealthAuditTests.ReadAt }, French).Findings.ToArray();
        }

        [Fact]
        public void Every_rule_s_finding_is_a_french_sentence()
        {
            var findings = Findings();

            Assert.Equal(AuditRule.All.Select(r => r.Id).Order(StringComparer.Ordinal), findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal));
            // Each way a rule words its finding, once: lifecycle-missing alone is said the same for many repositories.
            Assert.True(findings.Select(f => f.Message).Distinct().Count() >= 20, string.Join("\n", findings.Select(f => f.Message).Distinct()));
            Assert.All(findings, f => Assert.True(EnglishSentences.In(f.Message).Length == 0, $"{f.Rule}: {f.Message}\n{string.Join("\n", EnglishSentences.In(f.Message))}"));
        }

        [Fact]
        public void The_repository_s_text_is_quoted_as_it_is_and_the_keys_stay_as_they_are()
        {
            var findings = Findings();

            Assert.Equal("Le badge de licence indique 'LiLiQ-P', mais LICENSE est LiLiQ-R-1.1 (identifiée d'après son texte) : remplacez le badge par 'LiLiQ-R', ou le fichier de licence par la licence que nomme le badge.",
                findings.Single(f => f.Repo == "mismatch" && f.Rule == "license-badge-mismatch").Message);
            Assert.Contains("le fichier de licence est LiLiQ-R-1.1", findings.Single(f => f.Repo == "mismatch-unnamed" && f.Rule == "license-badge-mismatch").Message, StringComparison.Ordinal);
            Assert.Contains("'Maturing', qui n'est pas dans lifecycle.values", findings.Single(f => f.Repo == "value" && f.Rule == "lifecycle-unknown").Message, StringComparison.Ordinal);
            Assert.Contains("(son imbrication est trop profonde pour Markdig)", findings.Single(f => f.Rule == "readme-unreadable").Message, StringComparison.Ordinal);
            // Ids, severities, places and suggestions are the same in every language.
            var english = OrgAudit.Run(new OrgSnapshot { Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" }, Repos = EveryCase }, French with { Culture = ProfileCulture.English }).Findings;
            Assert.Equal(english.Select(f => (f.Repo, f.Rule, f.Severity, f.Path, f.Line, f.Suggestion, f.Url)), Findings().Where(f => f.Repo is not ("nested" or "sans-sante")).Select(f => (f.Repo, f.Rule, f.Severity, f.Path, f.Line, f.Suggestion, f.Url)));
            Assert.All(english, f => Assert.NotEmpty(EnglishSentences.In(f.Message)));
        }
    }
}
