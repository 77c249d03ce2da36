using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// The words of the pull request, in both languages: the comments, the title and commit
/// message, which repositories the description lists and how, and where it stops.
/// </summary>
public class PullRequestTextTests
{
    // One line added, one removed: the description only reads the counts.
    private static readonly UnifiedDiff Diff = UnifiedDiff.Between("a\n", "b\n", "profile/README.md");

    private static string Links(params string[] names) =>
        string.Concat(names.Select(n => $"- [{n}](https://github.com/org/{n}) texte\n"));

    public class Comments
    {
        [Fact]
        public void The_closing_comment_says_the_base_already_has_the_content_in_the_run_s_language()
        {
            Assert.Equal("main already has this content, so this pull request is no longer needed. _(CQEN.ProfileGen)_", PullRequestText.Closing(ProfileCulture.English, "main"));
            Assert.Equal("main contient déjà ce contenu : cette demande de tirage n'est plus nécessaire. _(CQEN.ProfileGen)_", PullRequestText.Closing(ProfileCulture.French, "main"));
        }

        [Fact]
        public void The_foreign_commits_notice_starts_with_its_marker_on_a_line_of_its_own()
        {
            Assert.Equal("<!-- profilegen:foreign-commits -->\nSomeone pushed commits to `pg`. CQEN.ProfileGen leaves this pull request alone so their work is not lost; run it with `--force` to take the branch back.",
                PullRequestText.Foreign(ProfileCulture.English, "pg"));
            Assert.Equal("<!-- profilegen:foreign-commits -->\nQuelqu'un a poussé des commits sur `pg`. CQEN.ProfileGen ne touche plus à cette demande de tirage pour ne pas perdre ce travail; lancez-le avec `--force` pour reprendre la branche.",
                PullRequestText.Foreign(ProfileCulture.French, "pg"));
            Assert.True(PullRequestText.IsForeignNotice(PullRequestText.Foreign(ProfileCulture.French, "pg")));
        }

        [Fact]
        public void The_default_title_is_in_the_run_s_language()
        {
            Assert.Equal("Update the organization profile", PullRequestText.DefaultTitle(ProfileCulture.English));
            Assert.Equal("Mise à jour du profil de l'organisation", PullRequestText.DefaultTitle(ProfileCulture.French));
        }

        [Fact]
        public void The_commit_message_names_the_file_and_ends_with_the_trailer()
        {
            Assert.Equal("Update profile/README.md from the organization's data\n\nGenerated-by: profilegen\n", PullRequestText.CommitMessage("profile/README.md"));
        }
    }

    public class RepositoryLists
    {
        [Fact]
        public void Each_list_is_in_name_order_whatever_the_order_in_the_file()
        {
            var before = Links("zulu", "yankee", "Mike", "lima") + "- [kilo](https://github.com/org/kilo) ancien\n- [Alpha](https://github.com/org/Alpha) ancien\n";
            var after = Links("delta", "charlie", "Mike", "lima") + "- [kilo](https://github.com/org/kilo) nouveau\n- [Alpha](https://github.com/org/Alpha) nouveau\n";

            var body = PullRequestText.Body("org", before, after, Diff, ProfileCulture.English);

            Assert.Contains("### Repositories added (2)\n\n- `charlie`\n- `delta`\n\n", body, StringComparison.Ordinal);
            Assert.Contains("### Repositories removed (2)\n\n- `yankee`\n- `zulu`\n\n", body, StringComparison.Ordinal);
            Assert.Contains("### Repositories changed (2)\n\n- `Alpha`\n- `kilo`\n", body, StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_list_has_no_heading()
        {
            var body = PullRequestText.Body("org", Links("alpha"), Links("alpha", "beta"), Diff, ProfileCulture.French);

            Assert.Contains("### Dépôts ajoutés (1)", body, StringComparison.Ordinal);
            Assert.DoesNotContain("retirés", body, StringComparison.Ordinal);
            Assert.DoesNotContain("modifiés", body, StringComparison.Ordinal);
        }

        [Fact]
        public void Links_are_recognised_whatever_the_case_of_the_organization()
        {
            var body = PullRequestText.Body("org", null, "- [alpha](https://GitHub.com/ORG/alpha)\n", Diff, ProfileCulture.English);

            Assert.Contains("### Repositories added (1)\n\n- `alpha`", body, StringComparison.Ordinal);
        }

        [Fact]
        public void The_profile_repository_s_own_links_are_not_a_repository_of_the_list()
        {
            var body = PullRequestText.Body("org", null, Links(".github", "alpha") + "[logo](https://github.com/org/.GitHub/blob/main/logo.png)\n", Diff, ProfileCulture.English);

            Assert.Contains("### Repositories added (1)\n\n- `alpha`\n", body, StringComparison.Ordinal);
        }

        [Fact]
        public void A_repository_is_changed_when_any_of_its_lines_changes()
        {
            var before = Links("alpha") + "Voir aussi [alpha](https://github.com/org/alpha) ici.\n";
            var after = Links("alpha") + "Voir aussi [alpha](https://github.com/org/alpha) là.\n";

            var body = PullRequestText.Body("org", before, after, Diff, ProfileCulture.English);

            Assert.Contains("### Repositories changed (1)\n\n- `alpha`", body, StringComparison.Ordinal);
        }

        [Fact]
        public void The_audit_section_follows_the_lists_after_a_blank_line()
        {
            var body = PullRequestText.Body("org", null, Links("alpha"), Diff, ProfileCulture.English, new AuditReport([], 1));

            Assert.Contains("- `alpha`\n\n<details><summary>", body, StringComparison.Ordinal);
        }
    }

    public class SizeLimit
    {
        private const string FrenchNotice = "\n_(liste abrégée pour respecter la limite de taille de GitHub)_\n";
        private const string EnglishNotice = "\n_(list shortened to stay within GitHub's size limit)_\n";

        // Under the 50 names a list shows: the body's length limit is reached through a long name
        // (a link a hand-written README may hold), not through the count.
        private static readonly string[] Many = [.. Enumerable.Range(0, PullRequestText.MaxNamesPerList - 1).Select(i => $"repo-{i:00000}")];

        // The many repositories, then one whose name is as long as asked, all added.
        private static string BodyWithLastName(int length, string culture) =>
            PullRequestText.Body("org", null, Links([.. Many, new string('z', length)]), Diff, Choices.Cultures[culture]);

        [Fact]
        public void The_list_is_shortened_only_when_it_would_not_fit_with_the_notice()
        {
            var shortBody = BodyWithLastName(1, "fr-CA");
            Assert.DoesNotContain(FrenchNotice, shortBody, StringComparison.Ordinal);
            // The longest last name that still leaves room for the notice, and one character more.
            var fits = 1 + PullRequestText.MaxBodyLength - FrenchNotice.Length - shortBody.Length;

            var whole = BodyWithLastName(fits, "fr-CA");
            var shortened = BodyWithLastName(fits + 1, "fr-CA");

            Assert.Equal(PullRequestText.MaxBodyLength - FrenchNotice.Length, whole.Length);
            Assert.EndsWith($"- `{new string('z', fits)}`\n", whole, StringComparison.Ordinal);
            Assert.EndsWith($"- `repo-{PullRequestText.MaxNamesPerList - 2:00000}`\n" + FrenchNotice, shortened, StringComparison.Ordinal);
        }

        [Fact]
        public void Past_the_names_a_list_shows_it_says_how_many_more_there_are()
        {
            var names = Enumerable.Range(0, PullRequestText.MaxNamesPerList + 3).Select(i => $"repo-{i:00}").ToArray();

            var body = PullRequestText.Body("org", null, Links(names), Diff, ProfileCulture.English);

            Assert.Contains($"- `repo-{PullRequestText.MaxNamesPerList - 1:00}`\n- … and 3 more (the diff under Files changed has them all)\n", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"`repo-{PullRequestText.MaxNamesPerList:00}`", body, StringComparison.Ordinal);
        }

        [Fact]
        public void The_notice_is_in_the_run_s_language()
        {
            Assert.EndsWith(EnglishNotice, BodyWithLastName(PullRequestText.MaxBodyLength, "en"), StringComparison.Ordinal);
        }
    }

    public class AuditCounts
    {
        private static AuditReport Report(int errors, int warnings, int notices) => new(
        [
            .. Enumerable.Range(0, errors).Select(i => Finding($"e{i}", AuditRule.Error)),
            .. Enumerable.Range(0, warnings).Select(i => Finding($"w{i}", AuditRule.Warning)),
            .. Enumerable.Range(0, notices).Select(i => Finding($"n{i}", AuditRule.Notice)),
        ], 20);

        private static AuditFinding Finding(string repo, Severity severity) =>
            new() { Repo = repo, Rule = "description-missing", Severity = severity, Message = "Fix it." };

        [Theory]
        [InlineData(2, 1, 1, "en", "Organization audit: 2 errors, 1 warning, 1 notice")]
        [InlineData(0, 0, 0, "en", "Organization audit: 0 errors, 0 warnings, 0 notices")]
        [InlineData(2, 2, 1, "fr-CA", "Audit de l'organisation : 2 erreurs, 2 avertissements, 1 remarque")]
        [InlineData(0, 0, 0, "fr-CA", "Audit de l'organisation : 0 erreur, 0 avertissement, 0 remarque")]
        public void The_summary_counts_with_each_language_s_plural(int errors, int warnings, int notices, string culture, string summary)
        {
            Assert.StartsWith($"<details><summary>{summary}</summary>\n\n", PullRequestText.AuditSection(Report(errors, warnings, notices), Choices.Cultures[culture]), StringComparison.Ordinal);
        }

        [Fact]
        public void Nothing_to_fix_is_said_in_English_too_and_the_section_closes()
        {
            Assert.Equal("<details><summary>Organization audit: 0 errors, 0 warnings, 0 notices</summary>\n\nNothing to fix in the repositories the profile lists.\n\n</details>\n",
                PullRequestText.AuditSection(Report(0, 0, 0), ProfileCulture.English));
        }

        [Fact]
        public void The_English_table_and_the_count_of_findings_left_out()
        {
            var section = PullRequestText.AuditSection(Report(0, 0, 3), ProfileCulture.English, maxFindings: 2);

            Assert.Contains("\n\n| Repository | Rule | Finding |\n| --- | --- | --- |\n| n0 |", section, StringComparison.Ordinal);
            Assert.EndsWith("\n… and 1 more: `profilegen audit` lists them all.\n\n</details>\n", section, StringComparison.Ordinal);
        }

        [Fact]
        public void When_every_finding_is_shown_none_is_said_to_be_left_out()
        {
            var section = PullRequestText.AuditSection(Report(0, 0, 2), ProfileCulture.English, maxFindings: 2);

            Assert.EndsWith("| n1 | description-missing | Fix it. |\n\n</details>\n", section, StringComparison.Ordinal);
        }
    }
}
