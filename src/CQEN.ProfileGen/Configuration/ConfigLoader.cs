using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// Reads profilegen.yml. The YAML tree is walked by hand rather than deserialized so that
/// every unknown key and wrong type is reported as <c>file:line:col: message</c>.
/// </summary>
internal static class ConfigLoader
{
    public const string DefaultFileName = "profilegen.yml";

    public static ProfileGenConfig Load(string path)
    {
        var text = Utf8File.Read(path, path, "configuration file");
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Parses configuration text; relative paths in it resolve against <paramref name="baseDirectory"/>.</summary>
    public static ProfileGenConfig Parse(string text, string displayPath, string baseDirectory)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(text, displayPath);
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            // YamlDotNet places a tab in the indentation at the start of the mapping around it
            // (1:1); the line with the tab is the one to fix.
            var upTo = ex.Message.Contains(" tab ", StringComparison.Ordinal) ? int.MaxValue : (int)ex.End.Line;
            if (TabIndent(text, upTo) is { } tab)
            {
                throw new InputException($"{displayPath}:{tab.Line}:{tab.Column}: invalid YAML: a tab in the indentation; YAML indents with spaces only");
            }
            throw new InputException($"{displayPath}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {(ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ")}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ProfileGenConfig();
        }
        var reader = new Reader(displayPath, baseDirectory);
        var config = reader.Root(stream.Documents[0].RootNode);
        // The walk above gives the friendlier message where it knows one ("did you mean"); the schema
        // then holds every file to the one definition `validate` and editors use, so no verb accepts
        // a file another refuses.
        ConfigSchema.Check(stream.Documents[0].RootNode, displayPath);
        return config;
    }

    /// <summary>No configuration nests this deep; a file that does is refused before the tree is built recursively.</summary>
    public const int MaxDepth = 32;

    // YamlDotNet's parser is a state machine, but building the node tree recurses once per
    // level: 100,000 nested brackets would overflow the stack, which no catch can stop.
    private static void CheckDepth(string text, string displayPath)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var last = YamlDotNet.Core.Mark.Empty;
        while (MoveNext(parser, ref last, displayPath))
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > MaxDepth:
                    var at = parser.Current!.Start;
                    throw new InputException($"{displayPath}:{at.Line}:{at.Column}: nested more than {MaxDepth} levels deep; a profilegen.yml needs a few");
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    // YamlDotNet's scanner throws InvalidOperationException on some unclosed flow values (a `[`
    // whose plain text runs onto a `key: value` line): said where the last readable value ended.
    private static bool MoveNext(Parser parser, ref YamlDotNet.Core.Mark last, string displayPath)
    {
        try
        {
            var moved = parser.MoveNext();
            last = parser.Current?.End ?? last;
            return moved;
        }
        catch (InvalidOperationException)
        {
            throw new InputException($"{displayPath}:{Math.Max(1, last.Line)}:{Math.Max(1, last.Column)}: invalid YAML: a value here is never closed (a '[' without ']', a '{{' without '}}'?)");
        }
    }

    // The first line up to the error whose indentation holds a tab, and the tab's column.
    private static (int Line, int Column)? TabIndent(string text, int upToLine)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < Math.Min(lines.Length, Math.Max(1, upToLine)); i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    private sealed class Reader(string file, string baseDirectory)
    {
        public ProfileGenConfig Root(YamlNode node)
        {
            var config = new ProfileGenConfig();
            YamlNode? single = null;
            foreach (var (key, value) in Mapping(node, "the configuration"))
            {
                single = key.Value == "culture" ? value : single;
                config = key.Value switch
                {
                    "org" => config with { Org = Login(value, key) },
                    "api_url" => config with { ApiUrl = Url(value, key) },
                    "template" => config with { Template = FilePath(value, key) },
                    "culture" => config with { Culture = OneOf(value, key, Choices.Cultures) },
                    "cultures" => Cultures(config, value, key),
                    "sort" => config with { Sort = OneOf(value, key, Choices.Sorts) },
                    "filters" => config with { Filters = Filters(value) },
                    "featured" => config with { Featured = Sequence(value, key, Scalar) },
                    "grouping" => config with { Grouping = Grouping(value) },
                    "lifecycle_rules" => config with { LifecycleRules = Sequence(value, key, LifecycleRule) },
                    "license_overrides" => config with { LicenseOverrides = StringMap(value, key, (v, k) => Scalar(v, k)) },
                    "profile" => config with { Profile = Profile(value) },
                    "publish" => config with { Publish = Publish(value) },
                    "lifecycle" => config with { Lifecycle = Lifecycle(value) },
                    "audit" => config with { Audit = Audit(value) },
                    "limits" => config with { Limits = Limits(value) },
                    "cards" => config with { Cards = Cards(value) },
                    "health" => config with { Health = Health(value) },
                    "catalogue" => config with { Catalogue = Catalogue(value) },
                    _ => throw Unknown(key, "org, api_url, template, culture, cultures, sort, filters, featured, grouping, lifecycle_rules, license_overrides, profile, publish, lifecycle, audit, limits, cards, health, catalogue"),
                };
            }
            // One of the two forms: `culture` alone, `cultures` alone, or both naming the same first culture.
            if (single is YamlScalarNode { Value: { } word } && config.Cultures.Count > 0 && Choices.Cultures[word] != config.Cultures[0])
            {
                throw Error(single, $"'culture: {word}' disagrees with 'cultures' (first: {config.Cultures[0].Word()}); keep only 'cultures', whose first culture is the profile's own");
            }
            config = config.Cultures.Count > 0 ? config with { Culture = config.Cultures[0] } : config;
            // A file named for the first culture, or for a culture the run does not write, would be silently unused.
            foreach (var (culture, key) in _culturePathKeys)
            {
                if (Choices.Cultures[culture] == config.Languages[0] || !config.Languages.Contains(Choices.Cultures[culture]))
                {
                    throw Error(key, Choices.Cultures[culture] == config.Languages[0]
                        ? $"'culture_paths' names {culture}, the first culture, whose file is publish.target_path; name the other cultures only"
                        : $"'culture_paths' names {culture}, which 'cultures' does not list ({string.Join(", ", config.Languages.Select(l => l.Word()))})");
                }
            }
            return config;
        }

        // The keys of publish.culture_paths, checked against the cultures once the whole file is read.
        private readonly Dictionary<string, YamlScalarNode> _culturePathKeys = new(StringComparer.Ordinal);

        private string CulturePath(YamlNode node, YamlScalarNode culture)
        {
            _culturePathKeys[culture.Value!] = culture;
            return Choices.Cultures.ContainsKey(culture.Value!)
                ? Scalar(node, culture)
                : throw Error(culture, $"'culture_paths' names '{culture.Value}', which is not a culture ({string.Join(", ", Choices.Cultures.Keys)})");
        }

        // cultures: [fr-CA, en]: the first is the profile's own file (publish.target_path), each other one a file of its own.
        private ProfileGenConfig Cultures(ProfileGenConfig config, YamlNode node, YamlScalarNode key)
        {
            var cultures = Sequence(node, key, (v, k) => OneOf(v, k, Choices.Cultures));
            if (cultures.Count == 0)
            {
                throw Error(node, $"'{key.Value}' must name at least one culture ({string.Join(", ", Choices.Cultures.Keys)})");
            }
            var twice = cultures.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
            return twice is null
                ? config with { Cultures = cultures }
                : throw Error(node, $"'{key.Value}' names '{twice.Key.Word()}' twice; name each culture once");
        }

        private RepoFilter Filters(YamlNode node)
        {
            var f = new RepoFilter();
            foreach (var (key, value) in Mapping(node, "filters"))
            {
                f = key.Value switch
                {
                    "visibility" => f with { Visibility = Sequence(value, key, (v, k) => OneOf(v, k, "public", "private", "internal")) },
                    "include_archived" => f with { IncludeArchived = Bool(value, key) },
                    "include_forks" => f with { IncludeForks = Bool(value, key) },
                    "include_names" => f with { IncludeNames = Sequence(value, key, Scalar) },
                    "exclude_names" => f with { ExcludeNames = Sequence(value, key, Scalar) },
                    "topics" => f with { Topics = Sequence(value, key, Scalar) },
                    "exclude_topics" => f with { ExcludeTopics = Sequence(value, key, Scalar) },
                    "include_profile_repos" => f with { IncludeProfileRepos = Bool(value, key) },
                    _ => throw Unknown(key, "visibility, include_archived, include_forks, include_names, exclude_names, topics, exclude_topics, include_profile_repos"),
                };
            }
            return f;
        }

        private SizeLimits Limits(YamlNode node)
        {
            var limits = new SizeLimits();
            foreach (var (key, value) in Mapping(node, "limits"))
            {
                limits = key.Value switch
                {
                    "per_group" => limits with { PerGroup = Positive(value, key) },
                    "max_bytes" => limits with { MaxBytes = Positive(value, key) },
                    _ => throw Unknown(key, "per_group, max_bytes"),
                };
            }
            return limits;
        }

        private CardsOptions Cards(YamlNode node)
        {
            var cards = new CardsOptions();
            foreach (var (key, value) in Mapping(node, "cards"))
            {
                cards = key.Value switch
                {
                    "enabled" => cards with { Enabled = Bool(value, key) },
                    "path" => cards with { Path = CardsPath(value, key) },
                    _ => throw Unknown(key, "enabled, path"),
                };
            }
            return cards;
        }

        // health: the view's switch, the activity thresholds (slowing before stale) and the exempt topics.
        private HealthOptions Health(YamlNode node)
        {
            var health = new HealthOptions();
            YamlNode? staleNode = null;
            foreach (var (key, value) in Mapping(node, "health"))
            {
                health = key.Value switch
                {
                    "enabled" => health with { Enabled = Bool(value, key) },
                    "slowing_days" => health with { SlowingDays = Positive(value, key) },
                    "stale_days" => health with { StaleDays = Positive(value, key) },
                    "exempt_topics" => health with { ExemptTopics = Sequence(value, key, Scalar) },
                    _ => throw Unknown(key, "enabled, slowing_days, stale_days, exempt_topics"),
                };
                staleNode = key.Value is "stale_days" or "slowing_days" ? value : staleNode;
            }
            return health.StaleDays > health.SlowingDays ? health
                : throw Error(staleNode ?? node, $"'stale_days' ({health.StaleDays}) must be more than 'slowing_days' ({health.SlowingDays}): a repository slows before it goes stale");
        }

        private CatalogueOptions Catalogue(YamlNode node)
        {
            var catalogue = new CatalogueOptions();
            foreach (var (key, value) in Mapping(node, "catalogue"))
            {
                catalogue = key.Value switch
                {
                    "precedence" => Precedence(value, key) is var precedence
                        ? catalogue with { Precedence = precedence, CustomPropertiesNamed = catalogue.CustomPropertiesNamed || precedence.Contains(CQEN.ProfileGen.Configuration.CatalogueOptions.CustomProperty) }
                        : catalogue,
                    "properties" => catalogue with { Properties = CatalogueProperties(value), CustomPropertiesNamed = true },
                    "summaries" => catalogue with { Summaries = Summaries(value, key) },
                    _ => throw Unknown(key, "precedence, properties, summaries"),
                };
            }
            return catalogue;
        }

        // Each source at most once: a source named twice would make its second place meaningless.
        private IReadOnlyList<string> Precedence(YamlNode node, YamlScalarNode key)
        {
            var sources = Sequence(node, key, (v, k) => OneOf(v, k, [.. CQEN.ProfileGen.Configuration.CatalogueOptions.Sources]));
            var twice = sources.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            return twice is null ? sources : throw Error(node, $"'{key.Value}' names '{twice.Key}' twice; name each source once");
        }

        // catalogue.summaries: repository name → { fr: text, en: text }, for repositories whose files say nothing in a language.
        private Dictionary<string, IReadOnlyDictionary<string, string>> Summaries(YamlNode node, YamlScalarNode key) =>
            Mapping(node, $"'{key.Value}'").ToDictionary(
                kv => kv.Key.Value!,
                kv => (IReadOnlyDictionary<string, string>)Mapping(kv.Value, $"'{key.Value}.{kv.Key.Value}'").ToDictionary(
                    l => l.Key.Value is "fr" or "en" ? l.Key.Value : throw Error(l.Key, $"'{key.Value}.{kv.Key.Value}' has a summary in '{l.Key.Value}'; the languages are fr and en"),
                    l => Scalar(l.Value, l.Key), StringComparer.Ordinal),
                StringComparer.OrdinalIgnoreCase);

        private CatalogueProperties CatalogueProperties(YamlNode node)
        {
            var p = new CatalogueProperties();
            foreach (var (key, value) in Mapping(node, "catalogue.properties"))
            {
                p = key.Value switch
                {
                    "lifecycle" => p with { Lifecycle = Scalar(value, key) },
                    "license" => p with { License = Scalar(value, key) },
                    "owner" => p with { Owner = Scalar(value, key) },
                    "summary_fr" => p with { SummaryFr = Scalar(value, key) },
                    "summary_en" => p with { SummaryEn = Scalar(value, key) },
                    _ => throw Unknown(key, "lifecycle, license, owner, summary_fr, summary_en"),
                };
            }
            return p;
        }

        // A folder inside the README's folder, the same on every system and in a Git tree:
        // names of letters, digits, '.', '_' and '-', separated by '/'.
        private string CardsPath(YamlNode node, YamlScalarNode key)
        {
            var value = Scalar(node, key);
            var names = value.Split('/');
            return names.All(n => n.Length > 0 && n is not ("." or "..") && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                ? value
                : throw Error(node, $"'{key.Value}' must be a folder inside the README's folder, such as cards or images/cards: names of letters, digits, '.', '_' or '-' separated by '/' (got '{value}')");
        }

        private GroupingOptions Grouping(YamlNode node)
        {
            var g = new GroupingOptions();
            foreach (var (key, value) in Mapping(node, "grouping"))
            {
                g = key.Value switch
                {
                    "by" => g with { By = OneOf(value, key, Choices.Groupings) },
                    "order" => g with { Order = Sequence(value, key, Scalar) },
                    "other_title" => g with { OtherTitle = Scalar(value, key) },
                    "hide" => g with { Hide = Sequence(value, key, Scalar) },
                    "collapse" => g with { Collapse = Sequence(value, key, Scalar) },
                    _ => throw Unknown(key, "by, order, other_title, hide, collapse"),
                };
            }
            return g;
        }

        private LifecycleRule LifecycleRule(YamlNode node, YamlScalarNode owner)
        {
            string? topic = null, message = null, label = null, color = null;
            foreach (var (key, value) in Mapping(node, "a lifecycle rule"))
            {
                switch (key.Value)
                {
                    case "topic": topic = Scalar(value, key); break;
                    case "message": message = Scalar(value, key); break;
                    case "label": label = Scalar(value, key); break;
                    case "color": color = Scalar(value, key); break;
                    default: throw Unknown(key, "topic, label, message, color");
                }
            }
            if (topic is null || message is null)
            {
                throw Error(node, "a lifecycle rule needs both 'topic' and 'message'");
            }
            var rule = new LifecycleRule { Topic = topic, Message = message };
            return rule with { Label = label ?? rule.Label, Color = color ?? rule.Color };
        }

        private ProfileText Profile(YamlNode node)
        {
            var p = new ProfileText();
            foreach (var (key, value) in Mapping(node, "profile"))
            {
                p = key.Value switch
                {
                    "badges" => p with { Badges = Sequence(value, key, ProfileBadge) },
                    "logo" => p with { Logo = Logo(value) },
                    "intro" => p with { Intro = Scalar(value, key) },
                    "intro_file" => p with { Intro = ReadTextFile(value, key) },
                    "links_intro" => p with { LinksIntro = Scalar(value, key) },
                    "links" => p with { Links = Sequence(value, key, Link) },
                    _ => throw Unknown(key, "badges, logo, intro, intro_file, links_intro, links"),
                };
            }
            return p;
        }

        private ProfileBadge ProfileBadge(YamlNode node, YamlScalarNode owner)
        {
            var b = new ProfileBadge();
            foreach (var (key, value) in Mapping(node, "a badge"))
            {
                b = key.Value switch
                {
                    "alt" => b with { Alt = Scalar(value, key) },
                    "label" => b with { Label = Scalar(value, key) },
                    "message" => b with { Message = Scalar(value, key) },
                    "color" => b with { Color = Scalar(value, key) },
                    "link" => b with { Link = Url(value, key) },
                    "license" => b with { License = Bool(value, key) },
                    _ => throw Unknown(key, "alt, label, message, color, link, license"),
                };
            }
            if (b.Message is null && !b.License)
            {
                throw Error(node, "a badge needs a 'message' (or 'license: true' to show the profile repository's licence)");
            }
            return b;
        }

        private ProfileImage Logo(YamlNode node)
        {
            var alt = "logo"; string? image = null; string? link = null;
            foreach (var (key, value) in Mapping(node, "logo"))
            {
                switch (key.Value)
                {
                    case "alt": alt = Scalar(value, key); break;
                    case "image": image = Url(value, key); break;
                    case "link": link = Url(value, key); break;
                    default: throw Unknown(key, "alt, image, link");
                }
            }
            return new ProfileImage(alt, image ?? throw Error(node, "logo needs an 'image'"), link);
        }

        private ProfileLink Link(YamlNode node, YamlScalarNode owner)
        {
            string? title = null, url = null;
            foreach (var (key, value) in Mapping(node, "a link"))
            {
                switch (key.Value)
                {
                    case "title": title = Scalar(value, key); break;
                    case "url": url = Url(value, key); break;
                    default: throw Unknown(key, "title, url");
                }
            }
            if (title is null || url is null)
            {
                throw Error(node, "a link needs both 'title' and 'url'");
            }
            return new ProfileLink(title, url);
        }

        private PublishTarget Publish(YamlNode node)
        {
            var p = new PublishTarget();
            foreach (var (key, value) in Mapping(node, "publish"))
            {
                p = key.Value switch
                {
                    "target_repo" => p with { TargetRepo = Scalar(value, key) },
                    "target_path" => p with { TargetPath = Scalar(value, key) },
                    "branch" => p with { Branch = Scalar(value, key) },
                    "base" => p with { Base = Scalar(value, key) },
                    "title" => p with { Title = Scalar(value, key) },
                    "labels" => p with { Labels = Sequence(value, key, Scalar) },
                    "reviewers" => p with { Reviewers = Sequence(value, key, Scalar) },
                    "regions" => p with { Regions = StringMap(value, key, FilePath) },
                    "allow_private_in_public" => p with { AllowPrivateInPublic = Bool(value, key) },
                    "facts_path" => p with { FactsPath = Scalar(value, key) },
                    "culture_paths" => p with { CulturePaths = StringMap(value, key, CulturePath) },
                    _ => throw Unknown(key, "target_repo, target_path, branch, base, title, labels, reviewers, regions, allow_private_in_public, facts_path, culture_paths"),
                };
            }
            return p;
        }

        private LifecycleVocabulary Lifecycle(YamlNode node)
        {
            var v = new LifecycleVocabulary();
            YamlNode? aliasesNode = null;
            foreach (var (key, value) in Mapping(node, "lifecycle"))
            {
                switch (key.Value)
                {
                    case "labels": v = v with { Labels = Sequence(value, key, Scalar) }; break;
                    case "values": v = v with { Values = Sequence(value, key, Scalar) }; break;
                    case "aliases": aliasesNode = value; v = v with { Aliases = StringMap(value, key, Scalar) }; break;
                    default: throw Unknown(key, "labels, values, aliases");
                }
            }
            // An alias must lead to a declared spelling, or groups would still be split.
            if (aliasesNode is YamlMappingNode aliases && v.Labels.Count + v.Values.Count > 0)
            {
                foreach (var (k, target) in aliases.Children)
                {
                    var canonical = ((YamlScalarNode)target).Value!;
                    if (!v.Labels.Concat(v.Values).Contains(canonical, StringComparer.Ordinal))
                    {
                        throw Error(target, $"the alias '{((YamlScalarNode)k).Value}' leads to '{canonical}', which is not in lifecycle.labels or lifecycle.values");
                    }
                }
            }
            return v;
        }

        private AuditOptions Audit(YamlNode node)
        {
            var a = new AuditOptions();
            foreach (var (key, value) in Mapping(node, "audit"))
            {
                a = key.Value switch
                {
                    "rules" => a with { Rules = AuditRules(value) },
                    _ => throw Unknown(key, "rules"),
                };
            }
            return a;
        }

        private Dictionary<string, string> AuditRules(YamlNode node)
        {
            var rules = new Dictionary<string, string>(StringComparer.Ordinal);
            // Which rule ids exist is the schema's to say (its audit.rules names, kept equal to the
            // audit's rules by a test); the configuration does not reach into the audit.
            foreach (var (key, value) in Mapping(node, "audit.rules"))
            {
                if (!ConfigSchema.AuditRuleIds.Contains(key.Value))
                {
                    throw Error(key, $"unknown audit rule '{key.Value}' (rules: {string.Join(", ", ConfigSchema.AuditRuleIds)})");
                }
                // YAML reads a bare `off` as a string here (YamlDotNet keeps scalars as text).
                rules[key.Value!] = OneOf(value, key, ["off", .. Severities.Names]);
            }
            return rules;
        }

        // ---- primitives -------------------------------------------------------------

        private IEnumerable<(YamlScalarNode Key, YamlNode Value)> Mapping(YamlNode node, string what)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node, $"{what} must be a mapping (key: value)");
            }
            // A key given twice never gets here: YamlDotNet refuses it while loading, at its line and column.
            foreach (var (k, v) in mapping.Children)
            {
                if (k is not YamlScalarNode key || key.Value is null)
                {
                    throw Error(k, "keys must be plain names");
                }
                yield return (key, v);
            }
        }

        private string Login(YamlNode node, YamlScalarNode key)
        {
            var login = Scalar(node, key);
            return GitHubLogin.IsValid(login) ? login : throw Error(node, $"org: '{login}' is not a GitHub organization login ({GitHubLogin.Rule})");
        }

        private string Scalar(YamlNode node, YamlScalarNode key)
        {
            if (node is not YamlScalarNode { Value: { } value } scalar)
            {
                throw Error(node, $"'{key.Value}' must be a text value");
            }
            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null" or "")
            {
                throw Error(node, $"'{key.Value}' must not be empty");
            }
            return value;
        }

        private bool Bool(YamlNode node, YamlScalarNode key)
        {
            if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s)
            {
                return s.Value == "true";
            }
            throw Error(node, $"'{key.Value}' must be true or false");
        }

        private int Positive(YamlNode node, YamlScalarNode key)
        {
            if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
                && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }
            throw Error(node, $"'{key.Value}' must be a whole number from 1 to {int.MaxValue} (got '{(node as YamlScalarNode)?.Value}')");
        }

        private string OneOf(YamlNode node, YamlScalarNode key, params string[] allowed)
        {
            var value = Scalar(node, key);
            return allowed.Contains(value, StringComparer.Ordinal)
                ? value
                : throw Error(node, $"'{key.Value}' must be one of {string.Join(", ", allowed)} (got '{value}')");
        }

        private T OneOf<T>(YamlNode node, YamlScalarNode key, IReadOnlyDictionary<string, T> allowed) =>
            allowed[OneOf(node, key, [.. allowed.Keys])];

        private string Url(YamlNode node, YamlScalarNode key)
        {
            var value = Scalar(node, key);
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? value
                : throw Error(node, $"'{key.Value}' must be an http(s) URL (got '{value}')");
        }

        private string FilePath(YamlNode node, YamlScalarNode key) =>
            Path.GetFullPath(Path.Combine(baseDirectory, Scalar(node, key)));

        private string ReadTextFile(YamlNode node, YamlScalarNode key)
        {
            var path = FilePath(node, key);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Error(node, $"cannot read '{key.Value}' file {path}: {ex.Message}");
            }
        }

        private IReadOnlyList<T> Sequence<T>(YamlNode node, YamlScalarNode key, Func<YamlNode, YamlScalarNode, T> item)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node, $"'{key.Value}' must be a list");
            }
            return sequence.Children.Select(child => item(child, key)).ToArray();
        }

        private Dictionary<string, string> StringMap(YamlNode node, YamlScalarNode key, Func<YamlNode, YamlScalarNode, string> value) =>
            Mapping(node, $"'{key.Value}'").ToDictionary(kv => kv.Key.Value!, kv => value(kv.Value, kv.Key), StringComparer.Ordinal);

        private InputException Unknown(YamlScalarNode key, string known) =>
            Error(key, $"unknown key '{key.Value}' (known keys: {known})");

        private InputException Error(YamlNode node, string message) =>
            new($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");
    }
}
