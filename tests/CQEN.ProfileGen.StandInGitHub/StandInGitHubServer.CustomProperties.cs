using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// An organization's custom properties, as GitHub's REST API gives them (docs: "REST API endpoints
// for custom properties"): the schema (GET /orgs/{org}/properties/schema) and every repository's
// values (GET /orgs/{org}/properties/values, paged, 100 a page at most). Organization members may
// read them; a fine-grained token or an App needs the organization's "Custom properties" (read)
// permission (organization_custom_properties); a workflow's GITHUB_TOKEN has no organization
// permissions at all and is refused.
public sealed partial class StandInGitHubServer
{
    private void MapCustomPropertyRoutes(IEndpointRouteBuilder app)
    {
        Map(app, "GET", "/orgs/{org}/properties/schema", Access.Rest, PropertySchema);
        Map(app, "GET", "/orgs/{org}/properties/values", Access.Rest, PropertyValues);
    }

    private Response PropertySchema(Call call)
    {
        var org = ReadableProperties(call, "https://docs.github.com/rest/orgs/custom-properties#get-all-custom-properties-for-an-organization");
        return Json(200, new JsonArray([.. org.CustomPropertySchema.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
        {
            ["property_name"] = p.Key,
            ["url"] = $"{call.ApiBase}orgs/{org.Login}/properties/schema/{Uri.EscapeDataString(p.Key)}",
            ["source_type"] = "organization",
            ["value_type"] = p.Value,
            ["required"] = false,
            ["default_value"] = null,
            ["description"] = null,
            ["allowed_values"] = null,
            ["values_editable_by"] = "org_actors",
        })]));
    }

    // Every repository of the organization the caller sees, with a value (or null) for each property of the schema.
    private Response PropertyValues(Call call)
    {
        var org = ReadableProperties(call, "https://docs.github.com/rest/orgs/custom-properties#list-custom-property-values-for-organization-repositories");
        var repos = State.Repos.Values.Where(r => r.Owner.Equals(org.Login, StringComparison.OrdinalIgnoreCase) && Visible(r, call.User))
            .OrderBy(r => r.Id).ToArray();
        return Paged(repos, call.Query, call.ApiBase, $"orgs/{org.Login}/properties/values", r => new JsonObject
        {
            ["repository_id"] = r.Id,
            ["repository_name"] = r.Name,
            ["repository_full_name"] = r.FullName,
            ["properties"] = new JsonArray([.. org.CustomPropertySchema.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
            {
                ["property_name"] = p.Key,
                ["value"] = !r.CustomProperties.TryGetValue(p.Key, out var value) ? null
                    : p.Value == "multi_select" ? new JsonArray([.. value.Select(v => (JsonNode)v)])
                    : value.FirstOrDefault(),
            })]),
        });
    }

    private FakeOrg ReadableProperties(Call call, string documentationUrl)
    {
        var org = Org(call);
        if (call.User is not { } user)
        {
            throw new ApiError(Error(404, "Not Found", documentationUrl));
        }
        var may = user.Kind switch
        {
            TokenKind.Actions => false,
            TokenKind.ClassicPat => true, // an organization member's token
            _ => user.Permissions is null || user.Permissions.ContainsKey("organization_custom_properties"),
        };
        return may ? org : throw NotAccessible(user, documentationUrl);
    }
}
