using System.Text;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// --output, written through the path the user gave: a link is followed and its target
/// replaced, never the link itself; a regular file is replaced atomically (a temporary file in
/// the same folder, then a rename) and keeps its permissions; a read-only file, a folder or a
/// special file (a device, a pipe) is refused before anything is written.
/// </summary>
internal static class OutputFile
{
    public static Task WriteAsync(string outputPath, string text, CancellationToken ct) =>
        WriteAsync(outputPath, new UTF8Encoding(false).GetBytes(text), ct);

    public static async Task WriteAsync(string outputPath, byte[] bytes, CancellationToken ct)
    {
        string target;
        try
        {
            target = FilePath.Real(outputPath);
        }
        catch (IOException ex)
        {
            throw new InputException($"--output: cannot resolve {outputPath}: {ex.Message}");
        }
        // A folder first: the root folder has no folder above it.
        if (Directory.Exists(target))
        {
            throw new InputException($"--output: {outputPath} is a folder; give a file name");
        }
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new InputException($"--output: folder does not exist: {directory}");
        }
        var exists = File.Exists(target);
        if (exists && FilePath.IsSpecial(target))
        {
            throw new InputException($"--output: {outputPath} is not a regular file (a device, pipe or socket); give a file name, or leave --output out to write to standard output");
        }
        if (exists && IsReadOnly(target))
        {
            throw new InputException($"--output: {outputPath} is read-only; it was left as it is");
        }
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct).ConfigureAwait(false);
            if (exists && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--output: cannot write {outputPath}: {ex.Message}");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // Checked by its mode, not by trying: root may write anything, but a file its owner made
    // read-only was made so on purpose.
    private static bool IsReadOnly(string path) => OperatingSystem.IsWindows()
        ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
}
