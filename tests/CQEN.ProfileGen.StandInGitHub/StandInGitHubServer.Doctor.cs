using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// What `profilegen doctor` reads, answered as GitHub answers it: the Actions workflow
// permissions (administrators only; a GITHUB_TOKEN never), the repository's labels, whether a
// login is a collaborator (204/404, push access needed), and the caller's own permissions in
// the repository's JSON (personal tokens only: GitHub leaves them out for bots and anonymous calls).
public sealed partial class StandInGitHubServer
{
    private void MapDoctorRoutes(IEndpointRouteBuilder app)
    {
        Map(app, "GET", "/orgs/{org}/actions/permissions/workflow", Access.Rest, OrgWorkflowPermissions);
        MapRepo(app, "GET", "/actions/permissions/workflow", RepoWorkflowPermissions);
        MapRepo(app, "GET", "/labels", (c, repo) => Paged([.. repo.Labels.Order(StringComparer.OrdinalIgnoreCase)], c.Query, c.ApiBase, $"repos/{repo.FullName}/labels", name => new JsonObject
        {
            ["id"] = StableId(repo.FullName + "/" + name),
            ["node_id"] = "LA_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(repo.FullName + "/" + name)),
            ["url"] = $"{c.ApiBase}repos/{repo.FullName}/labels/{Uri.EscapeDataString(name)}",
            ["name"] = name,
            ["color"] = "ededed",
            ["default"] = false,
            ["description"] = null,
        }));
        MapRepo(app, "GET", "/collaborators/{login}", Collaborator);
    }

    // GET /repos/{o}/{r}: the caller's permissions, as GitHub adds them for a personal token.
    private JsonNode RepoJsonFor(Call call, FakeRepo repo)
    {
        var json = FullRepoJson(repo, call.ApiBase);
        if (call.User is not { IsBot: false } user)
        {
            json.AsObject().Remove("permissions");
            return json;
        }
        var admin = IsAdmin(user, repo);
        var push = admin || user.May("contents", "write", repo);
        json["permissions"] = new JsonObject { ["admin"] = admin, ["maintain"] = admin, ["push"] = push, ["triage"] = push, ["pull"] = true };
        return json;
    }

    private bool IsAdmin(FakeToken user, FakeRepo repo) =>
        repo.Admins.Contains(user.Login) || (State.Orgs.TryGetValue(repo.Owner, out var org) && org.Owners.Contains(user.Login));

    private static JsonObject WorkflowPermissions(bool canApprove) =>
        new() { ["default_workflow_permissions"] = "read", ["can_approve_pull_request_reviews"] = canApprove };

    // Classic tokens: the repo scope and an administrator; fine-grained tokens and Apps: Administration: read.
    private Response RepoWorkflowPermissions(Call call, FakeRepo repo)
    {
        const string Docs = "https://docs.github.com/rest/actions/permissions#get-default-workflow-permissions-for-a-repository";
        var user = call.User;
        var allowed = user switch
        {
            null => false,
            { Kind: TokenKind.Actions } => false,
            { Kind: TokenKind.Installation } => user.May("administration", "read", repo),
            { Kind: TokenKind.FineGrainedPat } => user.May("administration", "read", repo) && IsAdmin(user, repo),
            _ => (user.Scopes is null || user.Scopes.Contains("repo")) && IsAdmin(user, repo),
        };
        if (!allowed)
        {
            return user is { Kind: TokenKind.ClassicPat } ? Error(403, "Must have admin rights to Repository.", Docs) : NotAccessible(user ?? new FakeToken("", "", false, 0), Docs).Response;
        }
        return Json(200, WorkflowPermissions(repo.ActionsCanCreatePullRequests));
    }

    // Classic tokens: admin:org and an owner; fine-grained tokens and Apps: organization Administration: read.
    private Response OrgWorkflowPermissions(Call call)
    {
        const string Docs = "https://docs.github.com/rest/actions/permissions#get-default-workflow-permissions-for-an-organization";
        var org = Org(call);
        var user = call.User;
        var owner = user is not null && org.Owners.Contains(user.Login);
        var allowed = user switch
        {
            null or { Kind: TokenKind.Actions } => false,
            { Kind: TokenKind.Installation } => user.May("organization_administration", "read"),
            { Kind: TokenKind.FineGrainedPat } => user.May("organization_administration", "read") && owner,
            _ => (user.Scopes is null || user.Scopes.Contains("admin:org")) && owner,
        };
        if (!allowed)
        {
            return user is { Kind: TokenKind.ClassicPat } ? Error(403, "Must have admin rights to organization.", Docs) : NotAccessible(user ?? new FakeToken("", "", false, 0), Docs).Response;
        }
        return Json(200, WorkflowPermissions(org.ActionsCanCreatePullRequests));
    }

    // 204 for a collaborator (an organization owner is one), 404 otherwise; push access needed to ask.
    private Response Collaborator(Call call, FakeRepo repo)
    {
        if (call.User is not { } user || !(user.May("contents", "write", repo) || IsAdmin(user, repo)))
        {
            return Error(403, "Must have push access to view repository collaborators.", "https://docs.github.com/rest/collaborators/collaborators#check-if-a-user-is-a-repository-collaborator");
        }
        var login = call["login"];
        var org = State.Orgs.GetValueOrDefault(repo.Owner);
        return repo.Collaborators.Contains(login) || repo.Admins.Contains(login) || org?.Owners.Contains(login) == true
            ? new Response(204, null)
            : Error(404, "Not Found", "https://docs.github.com/rest/collaborators/collaborators#check-if-a-user-is-a-repository-collaborator");
    }

    private static long StableId(string s) => (long)(uint)s.Aggregate(17, (h, ch) => unchecked((h * 31) + ch));
}
