namespace Cadre.Tests.Infrastructure;

/// The real data in shared/data (beside the clone in CI and for developers; absent from a user's fresh clone).
public static class SharedData
{
    /// The path of a file under shared/data, found by looking upward from the test's and the current directory;
    /// skips the test with a clear message when the folder is absent.
    public static string File(string relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", relativePath);
                if (System.IO.File.Exists(candidate)) return candidate;
            }
        }
        Assert.Skip($"Real-data test skipped: shared/data/{relativePath} was not found above {AppContext.BaseDirectory}.");
        return "";
    }
}
