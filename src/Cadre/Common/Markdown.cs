using Markdig;
using Markdig.Syntax;

namespace Cadre.Common;

/// Markdown (minutes, directives, library texts) rendered to HTML that is safe to put in a page: raw HTML in the
/// source is shown as text, never run, and links may only be http(s), mailto or relative.
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    /// The text without its markup, for snippets and plain-text e-mail.
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    // javascript: and data: URLs in a link would run in the reader's session.
    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        if (!trimmed.Contains(':', StringComparison.Ordinal)) return true;
        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith('/') || trimmed.StartsWith('#');
    }
}
