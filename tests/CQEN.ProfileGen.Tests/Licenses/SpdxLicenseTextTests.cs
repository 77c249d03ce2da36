using System.Text;
using CQEN.ProfileGen.Licenses;

namespace CQEN.ProfileGen.Tests.Licenses;

/// <summary>
/// The real texts of every licence the README names (SPDX's copies, Corpus/spdx), as they are and
/// reformatted the ways licence files really are, and the near-misses that must not pass for them.
/// </summary>
public class SpdxLicenseTextTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "spdx");

    private static readonly string[] Named =
    [
        "MIT", "Apache-2.0", "EUPL-1.2", "GPL-2.0-only", "GPL-3.0-only", "LGPL-2.1-only", "LGPL-3.0-only",
        "AGPL-3.0-only", "MPL-2.0", "BSD-2-Clause", "BSD-3-Clause", "LiLiQ-P-1.1", "LiLiQ-R-1.1", "LiLiQ-Rplus-1.1",
    ];

    private static readonly string[] Forms = ["markdown", "rewrapped-crlf", "windows-1252", "utf8-bom", "upper-case"];

    private static string Text(string spdx) => File.ReadAllText(Path.Combine(Folder, spdx + ".txt"), new UTF8Encoding(false));

    private static string? Identify(string text) => LicenseIdentifier.Identify(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string> NamedLicences() => new(Named);

    public static TheoryData<string, string> NamedLicencesReformatted()
    {
        var data = new TheoryData<string, string>();
        foreach (var spdx in Named)
        {
            foreach (var form in Forms)
            {
                data.Add(spdx, form);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NamedLicences))]
    public void Every_licence_the_readme_names_is_identified_from_its_spdx_text(string spdx) =>
        Assert.Equal(spdx, LicenseIdentifier.Identify(File.ReadAllBytes(Path.Combine(Folder, spdx + ".txt"))));

    [Theory]
    [MemberData(nameof(NamedLicencesReformatted))]
    public void A_reformatted_copy_is_still_identified(string spdx, string form)
    {
        var bytes = Reformat(Text(spdx), form);
        Assert.Equal(spdx, LicenseIdentifier.Identify(bytes));
    }

    // The ways licence files drift from the canonical text in real repositories.
    private static byte[] Reformat(string text, string form) => form switch
    {
        "markdown" => Encoding.UTF8.GetBytes(AsMarkdown(text)),
        "rewrapped-crlf" => Encoding.UTF8.GetBytes(Rewrap(text, 66, "\r\n")),
        "windows-1252" => Windows1252.GetBytes(text),
        "utf8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "upper-case" => Encoding.UTF8.GetBytes(text.ToUpperInvariant()),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    // "# **Title**", and short lines (section titles) as "### " headings.
    private static string AsMarkdown(string text)
    {
        var lines = text.Split('\n');
        var titled = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (!titled)
            {
                lines[i] = $"# **{line}**";
                titled = true;
            }
            else if (line.Length < 50 && !line.EndsWith('.') && !line.EndsWith(',') && !line.EndsWith(';'))
            {
                lines[i] = "### " + line;
            }
        }
        return string.Join('\n', lines);
    }

    // Paragraphs joined then wrapped again at another width, as editors do.
    private static string Rewrap(string text, int width, string newLine)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var sb = new StringBuilder();
        foreach (var words in paragraphs)
        {
            var column = 0;
            foreach (var word in words)
            {
                if (column > 0 && column + 1 + word.Length > width)
                {
                    sb.Append(newLine);
                    column = 0;
                }
                else if (column > 0)
                {
                    sb.Append(' ');
                    column++;
                }
                sb.Append(word);
                column += word.Length;
            }
            sb.Append(newLine).Append(newLine);
        }
        return sb.ToString();
    }

    [Fact]
    public void The_windows_1252_copies_really_are_not_utf8()
    {
        // Otherwise the reformatted Windows-1252 cases above would prove nothing about the fallback.
        var bytes = Windows1252.GetBytes(Text("LiLiQ-R-1.1"));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.Equal(Text("LiLiQ-R-1.1"), LicenseIdentifier.Decode(bytes));
    }

    public class NearMisses
    {
        [Fact]
        public void A_readme_that_quotes_the_apache_notice_is_not_the_apache_licence()
        {
            const string Readme = """
                # exp-outil

                Un outil d'expérimentation.

                ## Licence

                Copyright 2024 Gouvernement du Québec

                Licensed under the Apache License, Version 2.0 (the "License");
                you may not use this file except in compliance with the License.
                You may obtain a copy of the License at

                    http://www.apache.org/licenses/LICENSE-2.0

                Unless required by applicable law or agreed to in writing, software
                distributed under the License is distributed on an "AS IS" BASIS,
                WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
                """;
            Assert.Null(Identify(Readme));
        }

        [Theory]
        [InlineData("Apache License", "Apachee Licence")]
        [InlineData("Version 2.0", "Version 2.1")]
        [InlineData("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "TERMS AND CONDITIONS")]
        public void An_apache_look_alike_without_one_of_its_three_marks_is_not_apache_2_0(string mark, string replacement)
        {
            var text = Text("Apache-2.0");
            Assert.Contains(mark, text);
            Assert.Null(Identify(text.Replace(mark, replacement, StringComparison.OrdinalIgnoreCase)));
        }

        [Theory]
        [InlineData("GPL-2.0-only")]
        [InlineData("GPL-3.0-only")]
        public void A_gpl_text_that_names_the_lgpl_is_the_gpl(string spdx)
        {
            var text = Text(spdx);
            Assert.Contains("GNU Lesser General Public License", text);
            Assert.Equal(spdx, Identify(text));
        }

        [Fact]
        public void A_gpl_text_whose_preamble_names_the_lgpl_near_the_top_is_still_the_gpl()
        {
            // Copies without the FSF address block bring the preamble's "(Some other … software is
            // covered by the GNU Lesser General Public License instead.)" into the title area.
            var text = Text("GPL-2.0-only");
            var preamble = text.IndexOf("Preamble", StringComparison.Ordinal);
            var shortened = "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\n" + text[preamble..];
            Assert.Equal("GPL-2.0-only", Identify(shortened));
        }

        [Fact]
        public void The_lgpl_3_incorporates_the_gpl_by_name_and_is_still_the_lgpl()
        {
            var head = Text("LGPL-3.0-only")[..600];
            Assert.Contains("GNU General Public License", head);
            Assert.Equal("LGPL-3.0-only", Identify(Text("LGPL-3.0-only")));
        }

        [Theory]
        [InlineData("MIT-0")] // the MIT grant without the notice condition
        [InlineData("EUPL-1.1")] // the EUPL, an older version
        [InlineData("LGPL-2.0-only")] // the Library GPL: names the GPL, is not the GPL
        [InlineData("BSD-4-Clause")] // the BSD conditions plus the advertising clause
        [InlineData("Apache-1.0")] // BSD-style conditions plus advertising and naming clauses
        [InlineData("Apache-1.1")] // BSD-style conditions plus an acknowledgment in the documentation
        public void A_neighbouring_licence_is_not_taken_for_a_known_one(string spdx) =>
            Assert.Null(LicenseIdentifier.Identify(File.ReadAllBytes(Path.Combine(Folder, spdx + ".txt"))));

        [Fact]
        public void A_bsd_3_clause_variant_worded_neither_the_names_of_is_still_bsd_3_clause() =>
            Assert.Equal("BSD-3-Clause", LicenseIdentifier.Identify(File.ReadAllBytes(Path.Combine(Folder, "BSD-3-Clause-acpica.txt"))));

        [Fact]
        public void Another_licence_s_version_1_2_is_not_the_eupl() =>
            Assert.Null(Identify("Open Software License v. 1.2\n\nThis Open Software License (the \"License\") applies to any original work of authorship."));

        [Fact]
        public void The_mit_notice_without_its_free_of_charge_grant_is_not_mit() =>
            Assert.Null(Identify(Text("MIT").Replace("free of charge, ", "")));

        [Fact]
        public void The_euple_1_2_names_the_liliq_in_its_compatibility_list_and_is_still_the_eupl()
        {
            var text = Text("EUPL-1.2");
            Assert.Contains("Québec Free and Open-Source Licence — Reciprocity", text);
            Assert.Equal("EUPL-1.2", Identify(text));
        }

        [Theory]
        [InlineData("This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.")]
        [InlineData("This library is free software; you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.")]
        [InlineData("This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.")]
        [InlineData("This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.")]
        [InlineData("Licensed under the EUPL, Version 1.1 or – as soon they will be approved by the European Commission – subsequent versions of the EUPL (the \"Licence\").")]
        public void A_file_notice_is_not_the_licence_text(string notice) => Assert.Null(Identify(notice));

        [Theory]
        [InlineData("# Projet\n\nDistribué sous Licence Libre du Québec – voir le fichier LICENCE.")]
        [InlineData("Released under the Québec Free and Open-Source Licence – see LICENSE.")]
        public void A_readme_that_names_the_liliq_family_without_its_variant_is_no_licence(string readme) => Assert.Null(Identify(readme));

        [Fact]
        public void A_licence_family_cited_only_deep_in_an_unknown_text_does_not_count()
        {
            var text = string.Concat(Enumerable.Repeat("Conditions d'utilisation propres au projet. ", 20))
                + "GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007; GNU Lesser General Public License Version 2.1, February 1999; "
                + "European Union Public Licence v. 1.2; Mozilla Public License Version 2.0; Licence Libre du Québec – Permissive";
            Assert.Null(Identify(text));
        }
    }

    public class Variants
    {
        [Theory]
        [InlineData("EUROPEAN UNION PUBLIC LICENCE v.1.2")]
        [InlineData("European Union Public Licence, Version 1.2")]
        [InlineData("EUROPEAN UNION PUBLIC LICENCE v. 1.2")]
        public void The_eupl_1_2_is_recognised_by_every_way_its_title_writes_the_version(string title)
        {
            var text = Text("EUPL-1.2");
            Assert.Equal("EUPL-1.2", Identify(title + text[text.IndexOf('\n')..]));
        }

        [Fact]
        public void The_mpl_2_0_is_recognised_under_mozilla_s_own_title() =>
            Assert.Equal("MPL-2.0", Identify(Text("MPL-2.0").Replace("Mozilla Public License Version 2.0", "Mozilla Public License, version 2.0")));

        [Theory]
        [InlineData('-')]
        [InlineData('\u2010')]
        [InlineData('\u2011')]
        [InlineData('\u2012')]
        [InlineData('\u2013')]
        [InlineData('\u2014')]
        [InlineData('\u2212')]
        public void Any_dash_in_a_liliq_title_is_a_dash(char dash) =>
            Assert.Equal("LiLiQ-R-1.1", Identify($"Licence Libre du Québec {dash} Réciprocité (LiLiQ-R)\nVersion 1.1"));

        [Theory]
        [InlineData("Licence Libre du Québec – **Réciprocité forte** (LiLiQ-R+)", "LiLiQ-Rplus-1.1")]
        [InlineData("Licence Libre du Québec – *Permissive* (LiLiQ-P)", "LiLiQ-P-1.1")]
        [InlineData("## Québec Free and Open-Source Licence – Reciprocity (LiLiQ-R)", "LiLiQ-R-1.1")]
        [InlineData("\uFEFFQuébec Free and Open-Source Licence –\uFEFFStrong Reciprocity (LiLiQ-R+)", "LiLiQ-Rplus-1.1")]
        public void Markdown_emphasis_and_stray_byte_order_marks_in_a_liliq_title_are_ignored(string title, string expected) =>
            Assert.Equal(expected, Identify(title + "\n\nVersion 1.1\n"));

        public static TheoryData<string, string> LiliqTexts() => new()
        {
            { Text("LiLiQ-P-1.1"), "LiLiQ-P-1.1" },
            { Text("LiLiQ-R-1.1"), "LiLiQ-R-1.1" },
            { Text("LiLiQ-Rplus-1.1"), "LiLiQ-Rplus-1.1" },
            { "1. Preamble\nThis licence applies to any distributed software stipulated by its copyright owner to be subject to the terms of the Québec Free and Open-Source Licence – Permissive (LiLiQ-P) (hereinafter the “licence”).", "LiLiQ-P-1.1" },
            { "1. Preamble\nThis licence applies to any distributed software stipulated by its copyright owner to be subject to the terms of the Québec Free and Open-Source Licence – Reciprocity (LiLiQ-R) (hereinafter the “licence”).", "LiLiQ-R-1.1" },
            { "1. Preamble\nThis licence applies to any distributed software stipulated by its copyright owner to be subject to the terms of the Québec Free and Open-Source Licence – Strong Reciprocity (LiLiQ-R+) (hereinafter the “licence”).", "LiLiQ-Rplus-1.1" },
        };

        [Theory]
        [MemberData(nameof(LiliqTexts))]
        public void A_liliq_text_after_a_long_preface_is_read_from_its_preamble(string licence, string expected)
        {
            // A project note before the licence pushes the title out of the top of the file;
            // a compatibility clause naming another LiLiQ must not win either.
            var preface = "Voir aussi la Licence Libre du Québec – Réciprocité forte (LiLiQ-R+), compatible.\n\n"
                + string.Concat(Enumerable.Repeat("Ce projet est publié par le gouvernement du Québec. ", 14)) + "\n\n";
            Assert.Equal(expected, Identify(preface + licence));
        }
    }

    public class Decoding
    {
        [Fact]
        public void The_utf8_byte_order_mark_is_not_part_of_the_text() =>
            Assert.Equal("Licence", LicenseIdentifier.Decode([0xEF, 0xBB, 0xBF, .. "Licence"u8]));

        [Fact]
        public void Valid_utf8_is_read_as_utf8() =>
            Assert.Equal("Québec – Réciprocité", LicenseIdentifier.Decode(Encoding.UTF8.GetBytes("Québec – Réciprocité")));

        [Fact]
        public void Bytes_that_are_not_utf8_are_read_as_windows_1252() =>
            Assert.Equal("Québec – Réciprocité", LicenseIdentifier.Decode(Windows1252.GetBytes("Québec – Réciprocité")));
    }
}
