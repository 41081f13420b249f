using System.Security.Cryptography;

namespace Cadre.Web.Members;

/// Uploaded import files between the preview and the confirmation: each under a random id, beside a note of the user
/// who uploaded it, so no one else can confirm (or guess) it. Files older than a day are removed on the next upload.
public static class ImportUploads
{
    public const long MaxBytes = 50L * 1024 * 1024;

    /// The request may be a little larger than the file (the form's other fields and the multipart framing).
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    private static string Folder => Path.Combine(Path.GetTempPath(), "cadre-imports");

    public static async Task<string> SaveAsync(Stream content, string userId, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
            old.Delete();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = File.Create(PathOf(id)))
            await content.CopyToAsync(file, ct);
        await File.WriteAllTextAsync(PathOf(id) + ".user", userId, ct);
        return id;
    }

    /// The path of the upload when it exists and belongs to the user; null otherwise.
    public static string? Find(string? id, string userId)
    {
        if (id is null || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathOf(id);
        if (!File.Exists(path) || !File.Exists(path + ".user")) return null;
        return File.ReadAllText(path + ".user") == userId ? path : null;
    }

    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".user");
    }

    private static string PathOf(string id) => Path.Combine(Folder, id + ".csv");
}
