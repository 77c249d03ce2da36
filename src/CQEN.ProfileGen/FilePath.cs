using System.Runtime.InteropServices;

namespace CQEN.ProfileGen;

/// <summary>What a path really names on disk: links resolved, and what kind of file is there.</summary>
internal static class FilePath
{
    /// <summary>The full path with every symbolic link along it resolved, as the operating system would open it.</summary>
    public static string Real(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var resolved = root;
        var parts = Split(fullPath[root.Length..]);
        var hops = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(resolved, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                resolved = next;
                continue;
            }
            if (++hops > 40)
            {
                throw new IOException($"too many levels of symbolic links at {next}");
            }
            // The target is relative to the link's own folder; walk the result again from its root.
            var combined = Path.GetFullPath(Path.Combine(resolved, target));
            resolved = Path.GetPathRoot(combined)!;
            parts = [.. Split(combined[resolved.Length..]), .. parts[(i + 1)..]];
            i = -1;
        }
        return resolved;
    }

    /// <summary>
    /// Whether something that is neither a regular file nor a folder is at the path (a device such as
    /// /dev/full, a pipe, a socket). False where the platform cannot tell.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }
        try
        {
            // The runtime's own stat shim: its FileStatus starts with two ints, flags then st_mode.
            var status = new byte[512];
            if (Stat(path, status) != 0)
            {
                return false;
            }
            var type = BitConverter.ToInt32(status, 4) & 0xF000;
            return type is not (0x8000 or 0x4000); // S_IFREG, S_IFDIR
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static string[] Split(string path) => path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
#pragma warning restore SYSLIB1054
}
