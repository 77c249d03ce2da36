using System.Collections;
using System.Reflection;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using Scriban.Runtime;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>
/// docs/template-model.md documents exactly what templates can read: every field of the model
/// as Scriban sees it (snake_case, members marked [ScriptMemberIgnore] left out), and every
/// function the renderer adds.
/// </summary>
public sealed class TemplateModelReferenceTests
{
    [Fact]
    public void Every_field_of_the_model_is_documented()
    {
        var missing = Fields(typeof(ProfileModel)).Except(Documented("field")).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "fields of the template model with no row in docs/template-model.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_documented_field_is_in_the_model()
    {
        var unknown = Documented("field").Except(Fields(typeof(ProfileModel))).Order(StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0, "rows of docs/template-model.md for fields the template model does not have:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void Every_template_function_is_documented_and_every_documented_function_exists()
    {
        var functions = FunctionNames();
        var documented = Documented("function").Select(signature => signature.Split(' ')[0]).ToHashSet(StringComparer.Ordinal); // `md_link text url`

        Assert.True(functions.SetEquals(documented),
            $"functions not documented: {string.Join(", ", functions.Except(documented))}; documented but not in the renderer: {string.Join(", ", documented.Except(functions))}");
    }

    [Fact]
    public void Fields_are_named_as_scriban_names_them_with_lists_as_brackets_and_each_type_once()
    {
        var fields = Fields(typeof(ProfileModel));

        Assert.Contains("repos[].license.spdx_id", fields);
        Assert.Contains("groups[].repos[]", fields);
        Assert.DoesNotContain("groups[].repos[].name", fields); // a repository's fields are documented once, under repos[]
        Assert.DoesNotContain("groups[].all[]", fields); // [ScriptMemberIgnore]
        Assert.DoesNotContain("language", fields); // [ScriptMemberIgnore]; templates see culture
        Assert.Contains("culture", fields);
    }

    // The function names Scriban sees: the renderer's functions object, built for a model.
    private static HashSet<string> FunctionNames()
    {
        var snapshot = SpecimenOrg.Create(new ProfileGenConfig(), "org");
        var model = TemplateModelBuilder.Build(snapshot, new ProfileGenConfig(), DateTimeOffset.UnixEpoch);
        return [.. TemplateFunctions.Create(model).Keys];
    }

    private static HashSet<string> Documented(string header) => DocsPage.FirstColumnNames(DocsPage.Read("docs/template-model.md"), header);

    /// <summary>Every path a template can read, breadth first, each of the model's types expanded where it is first met.</summary>
    internal static HashSet<string> Fields(Type root)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type> { root };
        var queue = new Queue<(Type Type, string Prefix)>([(root, "")]);
        while (queue.Count > 0)
        {
            var (type, prefix) = queue.Dequeue();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null))
            {
                var path = prefix + StandardMemberRenamer.Default(property);
                var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (ElementOf(valueType) is { } element)
                {
                    path += "[]";
                    valueType = Nullable.GetUnderlyingType(element) ?? element;
                }
                paths.Add(path);
                if (IsModelType(valueType) && seen.Add(valueType))
                {
                    queue.Enqueue((valueType, path + "."));
                }
            }
        }
        return paths;
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
            : type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsModelType(Type type) => type.Assembly == typeof(ProfileModel).Assembly && !type.IsEnum;
}
