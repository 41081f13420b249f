using System.Text;
using Cadre.Common;

namespace Cadre.Education.Library;

/// What an uploaded document may be: UTF-8 text of at most MaxBytes, in a format told by its name.
public static class LibraryUploads
{
    public const long MaxBytes = 4L * 1024 * 1024;

    /// The request may be a little larger than the file (the form's other fields and the multipart framing).
    public const long MaxRequestBytes = MaxBytes + (256 * 1024);

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// Reads the upload as text, refusing an empty, oversized or binary file with a named error.
    public static async Task<Result<string>> ReadAsync(Stream content, long length, CancellationToken ct)
    {
        if (length == 0) return new DocumentFileEmpty();
        if (length > MaxBytes) return new DocumentFileTooLarge(length);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return new DocumentFileTooLarge(buffer.Length);
        string text;
        try
        {
            text = Strict.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return new DocumentFileNotText();
        }
        if (text.Contains('\0', StringComparison.Ordinal)) return new DocumentFileNotText();
        if (string.IsNullOrWhiteSpace(text)) return new DocumentFileEmpty();
        return text;
    }

    /// The format a file's name says (.md, .markdown, .txt, .html, .htm); Markdown otherwise.
    public static DocumentFormat FormatOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".txt" or ".text" => DocumentFormat.PlainText,
        ".html" or ".htm" => DocumentFormat.Html,
        _ => DocumentFormat.Markdown,
    };
}
