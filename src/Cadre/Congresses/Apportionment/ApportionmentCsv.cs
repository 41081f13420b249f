using System.Globalization;
using Cadre.Common;
using CsvHelper;

namespace Cadre.Congresses.Apportionment;

/// A problem in an apportionment file, named by file, line and field.
public sealed record ApportionmentFileError(string File, int Line, string Column, string Problem)
    : InvalidField("File", Column.Length == 0 ? $"{File}:{Line}: {Problem}" : $"{File}:{Line}: {Column}: {Problem}");

/// Reads the units of an apportionment from CSV: a header naming the columns `name` and `population` (in any order and
/// case; other columns are ignored), then one unit a row. UTF-8 with or without a byte-order mark.
public static class ApportionmentCsv
{
    public static Result<List<Unit>> Read(Stream stream, string fileName)
    {
        var malformed = new Dictionary<long, CsvMalformedRecord>();
        using var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            Mode = CsvMode.Rfc4180,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => malformed[m.RecordNumber] = m,
            MaxRecordSize = 1 << 20,
            IncludeValuesInExceptions = false,
        }, leaveOpen: true);
        try
        {
            reader.ReadHeader();
            var header = reader.Headers;
            if (header.Count == 0) return new ApportionmentFileError(fileName, 1, "", "the file is empty; it needs a header with the columns name,population.");
            var nameAt = IndexOf(header, "name");
            var populationAt = IndexOf(header, "population");
            if (nameAt < 0) return new ApportionmentFileError(fileName, 1, "name", "the header has no column 'name'.");
            if (populationAt < 0) return new ApportionmentFileError(fileName, 1, "population", "the header has no column 'population'.");
            var units = new List<Unit>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (malformed.Remove(reader.RowNumber + 1, out var bad) && bad.Reason != CsvMalformedReason.FieldCountMismatch)
                    return new ApportionmentFileError(fileName, line, "", "a quoted field is not closed properly.");
                if (reader.FieldCount <= Math.Max(nameAt, populationAt))
                    return new ApportionmentFileError(fileName, line, reader.FieldCount <= nameAt ? "name" : "population", $"the row has {reader.FieldCount} field(s); the header has {header.Count}.");
                var name = reader.GetString(nameAt).Trim();
                var text = reader.GetString(populationAt).Trim();
                if (name.Length == 0) return new ApportionmentFileError(fileName, line, "name", "the name is empty.");
                if (!firstLine.TryAdd(name, line)) return new ApportionmentFileError(fileName, line, "name", $"'{name}' is listed twice (also at line {firstLine[name]}).");
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var population))
                    return new ApportionmentFileError(fileName, line, "population", $"'{text}' is not a whole number.");
                if (population < 0) return new ApportionmentFileError(fileName, line, "population", $"{population} is negative.");
                units.Add(new Unit(name, population));
            }
            if (units.Count == 0) return new ApportionmentFileError(fileName, 2, "", "there is no row after the header.");
            return units;
        }
        catch (CsvFormatException e)
        {
            return new ApportionmentFileError(fileName, (int)Math.Max(e.LineNumber, 1), "", "a quoted field is not closed.");
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
