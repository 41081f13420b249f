using System.Text;

namespace Cadre.Education.Library;

/// What a reader typed, taken apart into words, quoted phrases and runs of CJK text. Nothing of it is ever handed to
/// the engine as query syntax: quotes, asterisks, parentheses, colons (column filters), NEAR, AND, OR and NOT are
/// either separators or plain words, and every term reaches the database as a bound parameter or a quoted FTS5 string.
public sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Phrases, IReadOnlyList<string> Cjk)
{
    public const int MaxLength = 500;
    public const int MaxTerms = 32;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0 && Cjk.Count == 0;

    public bool HasWords => Words.Count > 0 || Phrases.Count > 0;

    /// The same query with each phrase's words as words of their own, in any order: what a phrase's matches are found among.
    public SearchQuery PhrasesAsWords() => this with { Words = [.. Words, .. Phrases.SelectMany(p => p)], Phrases = [] };

    public static SearchQuery Parse(string? text)
    {
        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var cjk = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return new SearchQuery(words, phrases, cjk);
        var input = text.Normalize(NormalizationForm.FormC);
        List<string>? phrase = null;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '"')
            {
                if (phrase is null) phrase = [];
                else
                {
                    AddPhrase(phrase, words, phrases);
                    phrase = null;
                }
                i++;
            }
            else if (DocumentText.IsCjk(input, i))
            {
                var run = new StringBuilder();
                while (i < input.Length)
                {
                    if (DocumentText.IsCjk(input, i))
                    {
                        run.Append(input[i]);
                        if (char.IsHighSurrogate(input[i]) && i + 1 < input.Length) run.Append(input[++i]);
                        i++;
                    }
                    // Spaces between CJK characters belong to the run: a Korean phrase is searched as written.
                    else if (char.IsWhiteSpace(input[i]) && NextNonSpaceIsCjk(input, i))
                    {
                        run.Append(' ');
                        while (char.IsWhiteSpace(input[i])) i++;
                    }
                    else break;
                }
                if (!cjk.Contains(run.ToString())) cjk.Add(run.ToString());
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < input.Length && IsWordChar(input[i]) && !DocumentText.IsCjk(input, i)) i++;
                var word = input[start..i];
                if (phrase is not null) phrase.Add(word);
                else if (!words.Contains(word, StringComparer.OrdinalIgnoreCase)) words.Add(word);
            }
            else i++;
        }
        if (phrase is not null) AddPhrase(phrase, words, phrases);
        return new SearchQuery(words.Take(MaxTerms).ToList(), phrases.Take(MaxTerms).ToList(), cjk.Take(MaxTerms).ToList());
    }

    /// The FTS5 query of the words and phrases: each a double-quoted string (so it is a term, never an operator),
    /// joined by spaces (all must match).
    public string Fts5Words() => string.Join(" ", Words.Select(Quote).Concat(Phrases.Select(p => Quote(string.Join(" ", p)))));

    /// The FTS5 query of the CJK runs long enough for the trigram index (three characters or more).
    public string Fts5Cjk() => string.Join(" ", Cjk.Where(IsTrigramSearchable).Select(Quote));

    public static bool IsTrigramSearchable(string run) => run.EnumerateRunes().Count() >= 3;

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void AddPhrase(List<string> phrase, List<string> words, List<IReadOnlyList<string>> phrases)
    {
        if (phrase.Count == 1 && !words.Contains(phrase[0], StringComparer.OrdinalIgnoreCase)) words.Add(phrase[0]);
        else if (phrase.Count > 1) phrases.Add(phrase);
    }

    private static bool NextNonSpaceIsCjk(string input, int i)
    {
        while (i < input.Length && char.IsWhiteSpace(input[i])) i++;
        return i < input.Length && DocumentText.IsCjk(input, i);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
