using System.Text;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

public class ManagedRegionsTests
{
    private const string File = "profile/README.md";

    // The first lines of CQEN-QDCE/.github profile/README.md (commit dc0dedaf, LiLiQ-P-1.1,
    // Centre québécois d'excellence numérique), byte for byte: LF endings, no final newline.
    private const string CqenProfileHead =
        "<!-- ENTETE -->\n" +
        "[![img](https://img.shields.io/badge/Cycle_de_vie-Expérimentation-339999)](https://www.quebec.ca/gouv/politiques-orientations/vitrine-numeriqc/accompagnement-des-organismes-publics/demarche-conception-services-numeriques)\n" +
        "[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/CQEN-QDCE/.github/blob/main/LICENCE.md)\n" +
        "---\n" +
        "[![MCN](https://github.com/CQEN-QDCE/.github/blob/main/images/mcn.png)](https://www.quebec.ca/gouvernement/ministere/cybersecurite-numerique)\n" +
        "<!-- FIN ENTETE -->\n" +
        "\n" +
        "Le Centre québécois d’excellence numérique (CQEN) est une unité du ministère de la Cybersécurité et du Numérique (MCN).\n" +
        "\t- Des nouvelles façons de faire (par ex : numérique de bout en bout ou dites-le une seule fois).\n" +
        "- [DevaaS](https://codeready-openshift-workspaces.apps.exp.openshift.cqen.ca/dashboard/)";

    private static Dictionary<string, string> Contents(params (string Name, string Content)[] contents) =>
        contents.ToDictionary(c => c.Name, c => c.Content);

    public class Splice
    {
        [Fact]
        public void Replaces_the_lines_between_markers_on_their_own_lines()
        {
            var existing = "Intro écrite à la main.\n<!-- profilegen:begin repos -->\nancien\n<!-- profilegen:end repos -->\nFin.\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("repos", "- a\n- b\n")), File);

            Assert.Equal("Intro écrite à la main.\n<!-- profilegen:begin repos -->\n- a\n- b\n<!-- profilegen:end repos -->\nFin.\n", spliced);
        }

        [Fact]
        public void Reads_the_legacy_ENTETE_pair_as_the_region_entete()
        {
            var spliced = ManagedRegions.Splice(CqenProfileHead, Contents(("entete", "[![img](https://img.shields.io/badge/Cycle_de_vie-Production-green)](#)")), File);

            Assert.Equal(
                "<!-- ENTETE -->\n[![img](https://img.shields.io/badge/Cycle_de_vie-Production-green)](#)\n<!-- FIN ENTETE -->\n" +
                CqenProfileHead[(CqenProfileHead.IndexOf("<!-- FIN ENTETE -->\n", StringComparison.Ordinal) + "<!-- FIN ENTETE -->\n".Length)..],
                spliced);
        }

        [Fact]
        public void Replaces_exactly_the_text_between_markers_that_share_a_line_with_it()
        {
            var existing = "Nous avons <!-- profilegen:begin count -->12<!-- profilegen:end count --> dépôts.\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("count", "53")), File);

            Assert.Equal("Nous avons <!-- profilegen:begin count -->53<!-- profilegen:end count --> dépôts.\n", spliced);
        }

        [Fact]
        public void Writes_content_with_the_CRLF_of_a_CRLF_file()
        {
            var existing = "Titre\r\n<!-- profilegen:begin repos -->\r\nancien\r\n<!-- profilegen:end repos -->\r\nFin\r\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("repos", "- a\n- b")), File);

            Assert.Equal("Titre\r\n<!-- profilegen:begin repos -->\r\n- a\r\n- b\r\n<!-- profilegen:end repos -->\r\nFin\r\n", spliced);
        }

        [Fact]
        public void Takes_the_newline_of_the_begin_marker_line_in_a_file_with_mixed_endings()
        {
            var existing = "LF\n<!-- profilegen:begin a -->\r\n<!-- profilegen:end a -->\nLF\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "un\ndeux")), File);

            Assert.Equal("LF\n<!-- profilegen:begin a -->\r\nun\r\ndeux\r\n<!-- profilegen:end a -->\nLF\n", spliced);
        }

        [Fact]
        public void Keeps_a_byte_order_mark_and_a_missing_final_newline()
        {
            var existing = "\uFEFF<!-- profilegen:begin a -->\nx\n<!-- profilegen:end a -->";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "y")), File);

            Assert.Equal("\uFEFF<!-- profilegen:begin a -->\ny\n<!-- profilegen:end a -->", spliced);
        }

        [Fact]
        public void Keeps_the_indentation_before_an_end_marker_and_spaces_after_a_begin_marker()
        {
            var existing = "- liste\n  <!-- profilegen:begin a -->  \n  x\n  <!-- profilegen:end a -->\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "  y")), File);

            Assert.Equal("- liste\n  <!-- profilegen:begin a -->  \n  y\n  <!-- profilegen:end a -->\n", spliced);
        }

        [Fact]
        public void Empties_a_region_leaving_its_markers_on_consecutive_lines()
        {
            var spliced = ManagedRegions.Splice("<!-- profilegen:begin a -->\nx\ny\n<!-- profilegen:end a -->\n", Contents(("a", "")), File);

            Assert.Equal("<!-- profilegen:begin a -->\n<!-- profilegen:end a -->\n", spliced);
        }

        [Fact]
        public void Leaves_regions_it_is_not_given_content_for_as_they_are()
        {
            var existing = "<!-- profilegen:begin a -->\nA\n<!-- profilegen:end a -->\n<!-- profilegen:begin b -->\nB\n<!-- profilegen:end b -->\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("b", "nouveau")), File);

            Assert.Equal("<!-- profilegen:begin a -->\nA\n<!-- profilegen:end a -->\n<!-- profilegen:begin b -->\nnouveau\n<!-- profilegen:end b -->\n", spliced);
        }

        [Fact]
        public void Accepts_markers_written_with_other_spacing()
        {
            var spliced = ManagedRegions.Splice("<!--profilegen:begin a\t-->\nx\n<!--   profilegen:end   a-->\n", Contents(("a", "y")), File);

            Assert.Equal("<!--profilegen:begin a\t-->\ny\n<!--   profilegen:end   a-->\n", spliced);
        }

        [Theory]
        [InlineData("# Titre\n", "profile/README.md:1:1: region 'repos' not found: add '<!-- profilegen:begin repos -->' and '<!-- profilegen:end repos -->' where the generated text belongs")]
        [InlineData("<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n\n <!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n",
            "profile/README.md:4:2: region 'repos' appears twice (first at 1:1)")]
        [InlineData("a\n<!-- profilegen:begin repos -->\nb\n", "profile/README.md:2:1: region 'repos' has no end marker")]
        [InlineData("a\nb <!-- profilegen:end repos -->\n", "profile/README.md:2:3: end of region 'repos' without its begin marker before it")]
        [InlineData("<!-- profilegen:end repos -->\n<!-- profilegen:begin repos -->\n", "profile/README.md:1:1: end of region 'repos' without its begin marker before it")]
        [InlineData("<!-- profilegen:begin repos -->\n<!-- profilegen:begin inner -->\n<!-- profilegen:end inner -->\n<!-- profilegen:end repos -->\n",
            "profile/README.md:2:1: region 'inner' begins inside region 'repos' (begun at 1:1); regions cannot nest")]
        [InlineData("<!-- profilegen:begin repos -->\n<!-- profilegen:end other -->\n",
            "profile/README.md:2:1: end of region 'other' while region 'repos' (begun at 1:1) is open")]
        [InlineData("<!-- profilegen:begin -->\n", "profile/README.md:1:1: malformed marker '<!-- profilegen:begin -->': write '<!-- profilegen:begin NAME -->' or '<!-- profilegen:end NAME -->' (NAME: letters, digits, '.', '_', '-')")]
        [InlineData("x <!-- profilegen:end repos\n", "profile/README.md:1:3: malformed marker '<!-- profilegen:end repos': write '<!-- profilegen:begin NAME -->' or '<!-- profilegen:end NAME -->' (NAME: letters, digits, '.', '_', '-')")]
        [InlineData("<!-- ENTETE -->\n<!-- FIN ENTETE -->\n<!-- FIN ENTETE -->\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n",
            "profile/README.md:3:1: end of region 'entete' without its begin marker before it")]
        [InlineData("\uFEFFx<!-- profilegen:begin repos -->", "profile/README.md:1:2: region 'repos' has no end marker")]
        public void Refuses_markers_it_cannot_trust_with_a_one_line_message(string existing, string message)
        {
            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Splice(existing, Contents(("repos", "x")), File));

            Assert.Equal(message, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }

        [Theory]
        [InlineData("<!-- profilegen:end repos -->", 1)]
        [InlineData("texte <!-- FIN ENTETE -->", 7)]
        [InlineData("<!--profilegen:begin x", 1)]
        public void Refuses_content_that_holds_marker_text(string content, int column)
        {
            var existing = "# Titre\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n";

            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Splice(existing, Contents(("repos", "ligne\n" + content)), File));

            Assert.StartsWith("profile/README.md:2:1: the content for region 'repos' holds marker text '", error.Message, StringComparison.Ordinal);
            Assert.EndsWith($"(its line 2, column {column}); generated text cannot contain markers", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\n53")]
        [InlineData("53\n  ")]
        public void Refuses_content_whose_line_breaks_would_move_a_marker_that_shares_its_line(string content)
        {
            var existing = "Nous avons <!-- profilegen:begin count -->12<!-- profilegen:end count --> dépôts.\n";

            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Splice(existing, Contents(("count", content)), File));

            Assert.Equal("profile/README.md:1:12: the content for region 'count' starts or ends with a line break beside a marker that shares its line; put the markers on lines of their own", error.Message);
        }

        [Fact]
        public void Keeps_text_outside_the_regions_byte_for_byte_and_is_idempotent_on_hundreds_of_random_documents()
        {
            var random = new Random(615);
            for (var i = 0; i < 500; i++)
            {
                var (document, contents) = RandomDocument(random);

                var once = ManagedRegions.Splice(document, contents, File);
                var twice = ManagedRegions.Splice(once, contents, File);

                var context = $"case {i}:\n{Visible(document)}\n--- spliced ---\n{Visible(once)}";
                Assert.True(once == twice, context + "\n--- twice ---\n" + Visible(twice));
                var inserted = KeptOutsideAndInserted(document, once, context);
                foreach (var (name, text) in inserted.Where(r => contents.ContainsKey(r.Name)))
                {
                    Assert.True(Normalized(text).TrimEnd('\n') == Normalized(contents[name]).TrimEnd('\n'), context + $"\nregion {name}: {Visible(text)}");
                }
            }
        }

        /// <summary>
        /// Checks that <paramref name="spliced"/> is the original's text outside its regions, every
        /// byte in order, with one inserted text where each region's inside was; returns those texts.
        /// </summary>
        private static List<(string Name, string Text)> KeptOutsideAndInserted(string original, string spliced, string context)
        {
            var before = ManagedRegions.Find(original, File);
            var after = ManagedRegions.Find(spliced, File);
            Assert.True(before.Select(r => r.Name).SequenceEqual(after.Select(r => r.Name)), context);

            var inserted = new List<(string, string)>();
            int position = 0, copied = 0;
            for (var r = 0; r < before.Count; r++)
            {
                var outside = original[copied..before[r].InnerStart];
                Assert.True(position + outside.Length <= spliced.Length && string.CompareOrdinal(spliced, position, outside, 0, outside.Length) == 0, context + $"\noutside text before region {before[r].Name} changed");
                position += outside.Length;
                // A region read back may start later (an inserted line break now ends the begin marker's line).
                Assert.True(after[r].InnerStart >= position, context);
                var end = after[r].InnerStart + after[r].InnerLength;
                inserted.Add((before[r].Name, spliced[position..end]));
                position = end;
                copied = before[r].InnerStart + before[r].InnerLength;
            }
            Assert.True(spliced[position..] == original[copied..], context + "\noutside text after the last region changed");
            return inserted;
        }

        private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

        private static string Visible(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\uFEFF", "<BOM>", StringComparison.Ordinal);
    }

    public class Find
    {
        [Fact]
        public void Lists_regions_in_order_with_the_position_of_their_begin_marker()
        {
            var text = "x\n  <!-- profilegen:begin a -->\n1\n<!-- profilegen:end a -->\n<!-- ENTETE -->\n2\n<!-- FIN ENTETE -->\n";

            var regions = ManagedRegions.Find(text, File);

            Assert.Equal(["a", "entete"], regions.Select(r => r.Name));
            Assert.Equal((2, 3), (regions[0].Line, regions[0].Column));
            Assert.Equal("1\n", text.Substring(regions[0].InnerStart, regions[0].InnerLength));
            Assert.Equal("2\n", text.Substring(regions[1].InnerStart, regions[1].InnerLength));
        }

        [Fact]
        public void Finds_nothing_in_a_file_without_markers_or_with_look_alikes()
        {
            var text = "<!-- profilegen:pull-request -->\nprofilegen:begin x\n<!-- ENTETE: non -->\n<!-- entete -->\n";

            Assert.Empty(ManagedRegions.Find(text, File));
        }

        [Theory]
        [InlineData("How to use it:\n\n```markdown\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n```\n")]
        [InlineData("How to use it:\n\n~~~\n<!-- profilegen:begin repos -->\n~~~\n")]
        [InlineData("Write `<!-- profilegen:begin repos -->` where the list goes.\n")]
        [InlineData("Example:\n\n    <!-- profilegen:end repos -->\n")]
        public void Marker_text_shown_as_code_is_not_a_marker(string text) =>
            Assert.Empty(ManagedRegions.Find(text, File));

        [Fact]
        public void A_real_region_after_an_example_in_a_code_block_is_found()
        {
            var text = "```\n<!-- profilegen:begin repos -->\n```\n<!-- profilegen:begin repos -->\nold\n<!-- profilegen:end repos -->\n";

            var region = Assert.Single(ManagedRegions.Find(text, File));

            Assert.Equal(4, region.Line);
            Assert.Equal("new\n" + "<!-- profilegen:end repos -->\n", ManagedRegions.Splice(text, new Dictionary<string, string> { ["repos"] = "new" }, File)[(text.IndexOf("old", StringComparison.Ordinal))..]);
        }

        [Fact]
        public void Generated_content_that_would_hide_the_end_marker_in_code_is_refused()
        {
            var text = "<!-- profilegen:begin repos -->\nold\n<!-- profilegen:end repos -->\n";

            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Splice(text, new Dictionary<string, string> { ["repos"] = "```\nunclosed fence" }, File));

            Assert.Contains("the generated content would change the file's markers", error.Message);
        }
    }

    // Prose that looks like markers without being one, plain lines, and characters that are
    // easy to lose: tabs, no-break spaces, accents, emoji.
    private static readonly string[] Prose =
    [
        "", "# Titre", "Texte ordinaire.", "\tindenté", "  deux espaces", "Québec\u00a0: « citation »", "emoji 🚀 fin",
        "<!-- commentaire -->", "<!-- profilegen:pull-request -->", "profilegen:begin repos", "<!-- ENTETE: pas un marqueur -->",
        "| a | b |", "trailing spaces   ",
    ];

    private static readonly string[] Names = ["repos", "badges", "a.b", "x_1", "z-9"];

    private static (string Document, Dictionary<string, string> Contents) RandomDocument(Random random)
    {
        var document = new StringBuilder();
        if (random.Next(5) == 0)
        {
            document.Append('\uFEFF');
        }

        var names = Names.OrderBy(_ => random.Next()).Take(random.Next(0, Names.Length + 1)).ToList();
        if (random.Next(3) == 0)
        {
            names.Insert(random.Next(names.Count + 1), ManagedRegions.LegacyHeaderRegion);
        }

        var contents = new Dictionary<string, string>();
        foreach (var name in names)
        {
            AppendProse(random, document);
            var beginOwnLine = random.Next(4) != 0;
            var endOwnLine = random.Next(4) != 0;
            AppendRegion(random, document, name, beginOwnLine, endOwnLine);
            if (random.Next(4) != 0)
            {
                var content = RandomContent(random);
                // A line break beside a marker sharing its line is refused (tested above): keep clear of it here.
                if (!beginOwnLine)
                {
                    content = content.TrimStart('\r', '\n');
                }

                if (!endOwnLine)
                {
                    content = content.TrimEnd('\r', '\n', ' ');
                }
                // Text after a tab-indented last line would be an indented code block hiding the end marker (refused, tested below).
                if (!endOwnLine && content.Split('\n')[^1].StartsWith('\t'))
                {
                    content += "\nfin";
                }

                contents[name] = content;
            }
        }
        AppendProse(random, document);
        var text = document.ToString();
        if (random.Next(4) == 0)
        {
            text = text.TrimEnd('\r', '\n');
        }

        return (text, contents);
    }

    private static string Newline(Random random) => random.Next(3) == 0 ? "\r\n" : "\n";

    private static void AppendProse(Random random, StringBuilder document)
    {
        var lines = random.Next(0, 4);
        for (var i = 0; i < lines; i++)
        {
            document.Append(Prose[random.Next(Prose.Length)]).Append(Newline(random));
        }
    }

    private static void AppendRegion(Random random, StringBuilder document, string name, bool beginOwnLine, bool endOwnLine)
    {
        var legacy = name == ManagedRegions.LegacyHeaderRegion;
        var begin = legacy ? "<!-- ENTETE -->" : $"<!-- profilegen:begin {name} -->";
        var end = legacy ? "<!-- FIN ENTETE -->" : $"<!-- profilegen:end {name} -->";

        if (!beginOwnLine)
        {
            document.Append("avant ");
        }

        document.Append(begin);
        if (beginOwnLine)
        {
            document.Append(random.Next(4) == 0 ? "  " : "").Append(Newline(random));
        }

        document.Append(RandomInside(random, beginOwnLine, endOwnLine));

        if (endOwnLine)
        {
            document.Append(random.Next(4) == 0 ? "   " : "");
        }
        else
        {
            document.Append(" texte");
        }

        document.Append(end);
        if (!endOwnLine)
        {
            document.Append(" après");
        }

        document.Append(Newline(random));
    }

    private static string RandomInside(Random random, bool beginOwnLine, bool endOwnLine)
    {
        var inside = new StringBuilder();
        var lines = random.Next(0, 3);
        for (var i = 0; i < lines; i++)
        {
            inside.Append(Prose[random.Next(Prose.Length)]).Append(Newline(random));
        }

        if (endOwnLine && !beginOwnLine && inside.Length == 0)
        {
            inside.Append(Newline(random));
        }

        if (!endOwnLine)
        {
            inside.Append("ancien");
        }

        return inside.ToString();
    }

    private static string RandomContent(Random random)
    {
        var content = new StringBuilder();
        var lines = random.Next(0, 5);
        for (var i = 0; i < lines; i++)
        {
            if (i > 0)
            {
                content.Append(Newline(random));
            }

            content.Append(Prose[random.Next(Prose.Length)]);
        }
        if (random.Next(2) == 0)
        {
            content.Append(Newline(random));
        }

        return content.ToString();
    }
}
