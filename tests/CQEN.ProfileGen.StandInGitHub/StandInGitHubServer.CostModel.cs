using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>
/// What a GraphQL query costs GitHub, in modelled seconds (REAL-GITHUB.md §1.2). A page's time
/// grows with what it asks: per repository a base, each field, each <c>object(expression:)</c>
/// lookup and each connection; plus the size of the answer (file texts). Calibrated on real
/// measurements of <c>repositories(first: N)</c> with light fields: 100 → 8–10 s, 50 → about
/// 4.5 s, 30 → about 3 s (wiiiimm/gh-manager-cli#106).
/// </summary>
public sealed record CostModel
{
    /// <summary>Real seconds slept per modelled second (0.001: GitHub's 10 s clock becomes 10 ms), so tests stay fast.</summary>
    public double TimeScale { get; init; } = 0.001;

    /// <summary>GitHub ends a request after this long: 502 "We couldn't respond to your request in time".</summary>
    public double DeadlineSeconds { get; init; } = 10;

    public double BaseSeconds { get; init; } = 0.3;
    public double PerNodeSeconds { get; init; } = 0.025;
    public double PerFieldSeconds { get; init; } = 0.001;
    public double PerObjectSeconds { get; init; } = 0.02;
    public double PerConnectionSeconds { get; init; } = 0.005;
    public double PerMegabyteSeconds { get; init; } = 0.5;

    /// <summary>Resources one query may use (a repository node, each object lookup and connection count one): above, RESOURCE_LIMITS_EXCEEDED with partial data.</summary>
    public int ResourceBudget { get; init; } = 400;

    /// <summary>Extra primary rate-limit points a timed-out request costs ("additional points will be deducted").</summary>
    public int TimeoutPenaltyPoints { get; init; } = 10;

    /// <summary>
    /// A REST page of the organization's repositories (<c>GET /orgs/{org}/repos</c>): a base, plus
    /// each repository listed. No published timing of this endpoint was found (REAL-GITHUB.md has
    /// none); the one measurement found, sigmavirus24/github3.py#1032 (2021, pages of 100: "an
    /// organization with 1000+ repositories could take more than 1 minute"), gives at least 6 s a
    /// page of 100, which is what this charges (0.3 + 100 × 0.057 = 6.0 s): the slow end, on purpose.
    /// </summary>
    public double RestListBaseSeconds { get; init; } = 0.3;

    public double RestListPerRepositorySeconds { get; init; } = 0.057;
}

public sealed partial class StandInGitHubServer
{
    /// <summary>When set, GraphQL queries take (and fail) as the model says; null: every answer at once.</summary>
    public CostModel? Costs { get; set; }

    // The model's clock: when the last modelled request ended. A request starts when it arrives
    // on that clock, so requests in flight together overlap (the reader's two REST pages) and
    // requests one after another add up; the tool's own time between them is not counted.
    private double _modelledSeconds;
    private int _timeouts;
    private int _resourceRefusals;

    /// <summary>Modelled seconds of wall time GitHub took to answer so far (requests in flight together overlap; the tool's own time is not counted).</summary>
    public double ModelledSeconds
    {
        get
        {
            lock (_faultGate)
            {
                return _modelledSeconds;
            }
        }
    }

    /// <summary>Queries that ran past the deadline and were answered 502.</summary>
    public int Timeouts => Volatile.Read(ref _timeouts);

    /// <summary>Queries answered RESOURCE_LIMITS_EXCEEDED.</summary>
    public int ResourceRefusals => Volatile.Read(ref _resourceRefusals);

    // A query's answer, given the time and resources the model says it costs.
    private Response GraphQl(string body, FakeToken? user, string apiBase, double arrived)
    {
        var answer = GraphQlAnswer(body, user, apiBase);
        if (Costs is not { } model || answer.Status != 200 || answer.Json is not { } json || user is null)
        {
            return answer;
        }
        var query = Str(Body(body), "query") ?? "";
        if (query.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
        {
            return answer;
        }
        var (nodes, fields, objects, connections) = Demand(query, json);
        var seconds = model.BaseSeconds
            + nodes * model.PerNodeSeconds + fields * model.PerFieldSeconds + objects * model.PerObjectSeconds + connections * model.PerConnectionSeconds
            + json.Length / 1_000_000.0 * model.PerMegabyteSeconds;
        if (seconds > model.DeadlineSeconds)
        {
            Spend(model, arrived, model.DeadlineSeconds);
            Interlocked.Increment(ref _timeouts);
            ChargePoints(user.Token, model.TimeoutPenaltyPoints);
            return Json(502, new JsonObject
            {
                ["data"] = null,
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["message"] = "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `CAFE:0BAD:1234` when reporting this issue.",
                }),
            });
        }
        Spend(model, arrived, seconds);
        if (nodes + objects + connections > model.ResourceBudget)
        {
            Interlocked.Increment(ref _resourceRefusals);
            // Partial data: the top-level fields that ran out are null, with the error.
            var data = JsonNode.Parse(json)?["data"]?.AsObject() ?? [];
            foreach (var key in data.Select(p => p.Key).Where(k => k != "rateLimit").ToArray())
            {
                data[key] = null;
            }
            return Json(200, new JsonObject
            {
                ["data"] = data.DeepClone(),
                ["errors"] = new JsonArray(new JsonObject { ["type"] = "RESOURCE_LIMITS_EXCEEDED", ["path"] = new JsonArray(data.Select(p => p.Key).FirstOrDefault(k => k != "rateLimit") ?? "data"), ["message"] = "Resource limits for this query exceeded." }),
            });
        }
        return answer;
    }

    private void Spend(CostModel model, double start, double seconds)
    {
        Thread.Sleep(TimeSpan.FromSeconds(seconds * model.TimeScale));
        EndOnModel(start, seconds);
    }

    // A request that started at start on the model's clock ends seconds later; requests in flight
    // together overlap, so the clock is where the latest of them ended.
    private void EndOnModel(double start, double seconds)
    {
        lock (_faultGate)
        {
            _modelledSeconds = Math.Max(_modelledSeconds, start + seconds);
        }
    }

    /// <summary>A REST list page of <paramref name="repositories"/> repositories, as the model costs it (past the deadline: GitHub's 502).</summary>
    private async Task<Response?> ChargeRestListAsync(int repositories, double start)
    {
        if (Costs is not { } model)
        {
            return null;
        }
        var seconds = model.RestListBaseSeconds + repositories * model.RestListPerRepositorySeconds;
        var timedOut = seconds > model.DeadlineSeconds;
        seconds = Math.Min(seconds, model.DeadlineSeconds);
        // Waited, not slept: pages in flight together must not wait for a thread each.
        await Task.Delay(TimeSpan.FromSeconds(seconds * model.TimeScale));
        EndOnModel(start, seconds);
        if (timedOut)
        {
            Interlocked.Increment(ref _timeouts);
            return Error(502, "Server Error");
        }
        return null;
    }

    private void ChargePoints(string token, int points)
    {
        lock (_used)
        {
            _used[token] = _used.GetValueOrDefault(token) + points;
        }
    }

    // What a query asks GitHub to do: repository nodes answered, and across them the fields,
    // object lookups and connections they select (counted per node from the document).
    private static (int Nodes, int Fields, int Objects, int Connections) Demand(string query, string json)
    {
        var operation = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().First();
        var data = JsonNode.Parse(json)?["data"];
        var (nodes, fields, objects, connections) = (0, 0, 0, 0);
        foreach (var field in operation.SelectionSet.Selections.OfType<GraphQLField>())
        {
            var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
            if (field.Name.StringValue == "repository" && data?[key] is not null)
            {
                Add(1, field.SelectionSet);
            }
            else if (field.Name.StringValue == "organization"
                && Find(field.SelectionSet, "repositories") is { } repositories && Find(repositories.SelectionSet, "nodes") is { } each)
            {
                Add(data?[key]?["repositories"]?["nodes"]?.AsArray().Count ?? 0, each.SelectionSet);
            }
        }
        return (nodes, fields, objects, connections);

        void Add(int count, GraphQLSelectionSet? selection)
        {
            var (f, o, c) = Count(selection);
            (nodes, fields, objects, connections) = (nodes + count, fields + count * f, objects + count * o, connections + count * c);
        }
    }

    private static GraphQLField? Find(GraphQLSelectionSet? selection, string name) =>
        selection?.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == name);

    private static (int Fields, int Objects, int Connections) Count(GraphQLSelectionSet? selection)
    {
        var (fields, objects, connections) = (0, 0, 0);
        foreach (var item in selection?.Selections ?? [])
        {
            var inner = item switch
            {
                GraphQLField field => field.SelectionSet,
                GraphQLInlineFragment fragment => fragment.SelectionSet,
                _ => null,
            };
            if (item is GraphQLField f)
            {
                fields++;
                objects += f.Name.StringValue == "object" ? 1 : 0;
                connections += f.Arguments?.Items.Any(a => a.Name.StringValue is "first" or "last") == true ? 1 : 0;
            }
            var (innerFields, innerObjects, innerConnections) = Count(inner);
            (fields, objects, connections) = (fields + innerFields, objects + innerObjects, connections + innerConnections);
        }
        return (fields, objects, connections);
    }
}
