using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Conditional requests for the REST reader: GET answers carrying an ETag are kept in a folder
/// (--cache-dir), and the next run sends If-None-Match. GitHub answers 304 for what did not change,
/// which costs nothing against the primary rate limit; the kept answer is then served. Entries are
/// keyed by URL (host included) and Accept, not by the token: in Actions the token is new on every
/// run, so a key holding it never matched (REAL-GITHUB.md R16). That serves no one another's data:
/// a kept answer is only ever served when GitHub, authorizing this request with this token, says
/// its own answer is unchanged from it (304 to the kept ETag).
/// Only useful across runs: within one run no GET is repeated.
/// </summary>
internal sealed class ConditionalRequestHandler(HttpMessageHandler inner, string directory) : DelegatingHandler(inner)
{
    private sealed record Entry(string ETag, int Status, Dictionary<string, string[]> Headers, string? ContentType, byte[] Body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // GET /rate_limit is free and new every time: nothing to keep.
        if (request.Method != HttpMethod.Get || request.RequestUri is null || request.RequestUri.AbsolutePath.EndsWith("/rate_limit", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var path = Path.Combine(directory, Key(request) + ".json");
        var entry = Read(path);
        if (entry is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", entry.ETag);
        }
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && entry is not null)
        {
            var cached = new HttpResponseMessage((HttpStatusCode)entry.Status) { RequestMessage = request, Content = new ByteArrayContent(entry.Body) };
            foreach (var (name, values) in entry.Headers)
            {
                cached.Headers.TryAddWithoutValidation(name, values);
            }
            // Rate-limit headers are the 304's own: current, not the cached ones.
            foreach (var header in response.Headers.Where(h => h.Key.StartsWith("x-ratelimit-", StringComparison.OrdinalIgnoreCase)))
            {
                cached.Headers.Remove(header.Key);
                cached.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            if (entry.ContentType is not null)
            {
                cached.Content.Headers.TryAddWithoutValidation("Content-Type", entry.ContentType);
            }
            response.Dispose();
            return cached;
        }
        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Write(path, new Entry(etag.ToString(), 200, response.Headers.ToDictionary(h => h.Key, h => h.Value.ToArray()), response.Content.Headers.ContentType?.ToString(), body));
        }
        return response;
    }

    private static string Key(HttpRequestMessage request)
    {
        var accept = request.Headers.Accept.ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{accept}\n{request.RequestUri!.AbsoluteUri}")));
    }

    private static Entry? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Entry>(File.ReadAllBytes(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null; // a damaged entry is just a miss
        }
    }

    private void Write(string path, Entry entry)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(entry));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves requests; failing to write it must not fail the run.
        }
    }
}
