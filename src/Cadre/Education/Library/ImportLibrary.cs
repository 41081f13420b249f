using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

/// Imports a folder of Markdown (or .txt, .html) files with front matter, as `cadre import library DIR` does. Every file
/// is read and checked first; one broken file refuses the whole import (its name and line in the error), so nothing is
/// half-imported. A file matches a document by its key (front matter `key:`, else its path in the folder as a slug):
/// the same text again changes nothing, a changed text becomes a new version.
public static class ImportLibrary
{
    public static readonly string[] Extensions = [".md", ".markdown", ".txt", ".html", ".htm"];

    public sealed record SourceFile(string RelativePath, string Text);

    public sealed record Report(int Files, int Created, int Revised, int Unchanged, IReadOnlyList<string> CreatedKeys);

    public sealed record FolderNotFound(string Path) : InvalidField("Directory", $"{Path}: there is no such folder.");

    public sealed record FolderEmpty(string Path) : InvalidField("Directory", $"{Path} has no .md, .markdown, .txt or .html files.");

    public sealed record DuplicateKey(string Key, string First, string Second)
        : InvalidField("File", $"{Second}: the key '{Key}' is already the key of {First}.");

    /// Reads the library files under a folder (and its subfolders), in a stable order.
    public static async Task<Result<IReadOnlyList<SourceFile>>> ReadFolderAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory)) return new FolderNotFound(directory);
        var files = new List<SourceFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                     .Where(p => Extensions.Contains(Path.GetExtension(p).ToLowerInvariant())).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            await using var stream = File.OpenRead(path);
            var text = await LibraryUploads.ReadAsync(stream, stream.Length, ct);
            if (!text.IsSuccess) return new FrontMatterInvalid(relative, 1, text.Error.Message);
            files.Add(new SourceFile(relative, text.Value));
        }
        if (files.Count == 0) return new FolderEmpty(directory);
        return files;
    }

    public static async Task<Result<Report>> HandleAsync(CadreDbContext db, Actor actor, int organizationId, IReadOnlyList<SourceFile> files,
        CancellationToken ct)
    {
        var allowed = await LibraryAccess.CheckOrganizationAsync(db, actor, organizationId, ct);
        if (allowed is not null) return allowed;

        // First pass: every file read and checked; nothing written.
        var drafts = new List<(SourceFile File, FrontMatter.Parsed Parsed)>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fallback = PublishDocument.KeyFor(Path.ChangeExtension(file.RelativePath, null).Replace('/', '-'));
            var parsed = FrontMatter.Read(file.RelativePath, file.Text, fallback, LibraryUploads.FormatOf(file.RelativePath));
            if (!parsed.IsSuccess) return parsed.Error;
            if (Document.Check(parsed.Value.Draft, parsed.Value.Note) is { } invalid)
                return new FrontMatterInvalid(file.RelativePath, 1, string.Join(" ", invalid.Errors.Select(e => $"{e.FieldName.ToLowerInvariant()}: {e.Message}")));
            if (keys.TryGetValue(parsed.Value.Draft.Key, out var first)) return new DuplicateKey(parsed.Value.Draft.Key, first, file.RelativePath);
            keys[parsed.Value.Draft.Key] = file.RelativePath;
            drafts.Add((file, parsed.Value));
        }

        var existing = await db.Documents.Where(d => keys.Keys.Contains(d.Key)).ToDictionaryAsync(d => d.Key, ct);
        foreach (var (file, parsed) in drafts)
            if (existing.TryGetValue(parsed.Draft.Key, out var document) && !await actor.CanAsync(db, Permission.LibraryManage, document.OrganizationId, ct))
                return new FrontMatterInvalid(file.RelativePath, 1, $"The document '{document.Key}' belongs to another organization's library: {new LibraryNotPermitted().Message}");

        // Second pass: all files in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new List<string>();
        var revised = 0;
        var unchanged = 0;
        foreach (var (_, parsed) in drafts)
        {
            if (existing.TryGetValue(parsed.Draft.Key, out var document))
            {
                var result = await ReviseDocument.ApplyAsync(db, actor, document, parsed.Draft, parsed.Note, ct);
                if (!result.IsSuccess) return result.Error;
                if (result.Value.Changed) revised++;
                else unchanged++;
                continue;
            }
            var published = Document.Publish(organizationId, parsed.Draft, parsed.Note, actor.Name, db.Now);
            if (!published.IsSuccess) return published.Error;
            db.Documents.Add(published.Value);
            await db.SaveChangesAsync(ct);
            await LibraryIndex.WriteAsync(db, published.Value, published.Value.Versions[^1], ct);
            created.Add(published.Value.Key);
        }
        await transaction.CommitAsync(ct);
        return new Report(files.Count, created.Count, revised, unchanged, created);
    }
}
