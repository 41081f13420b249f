using System.Globalization;
using System.Text;
using Cadre.Health;

namespace Cadre.Web.Health;

/// The dashboard's tables as CSV (RFC 4180: every field quoted that needs it; text fields that start like a formula are
/// prefixed with an apostrophe so a spreadsheet shows them instead of running them).
public static class HealthCsv
{
    public static string Indicators(Dashboard dashboard)
    {
        var csv = new StringBuilder("organization,indicator,name,month,value,base,share\r\n");
        foreach (var s in dashboard.Indicators)
            foreach (var p in s.Points)
                Row(csv, dashboard.Code, s.Code, s.Name, p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Number(p.Value), Number(p.Base),
                    p.Share is { } share ? share.ToString("0.####", CultureInfo.InvariantCulture) : "");
        return csv.ToString();
    }

    public static string Comparison(Comparison comparison)
    {
        var csv = new StringBuilder("code,name,indicator,month,value,base,members,score\r\n");
        foreach (var r in comparison.Rows)
            Row(csv, r.Code, r.Name, comparison.Indicator, comparison.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Number(r.Value), Number(r.Base),
                Number(r.Members), r.Score.ToString("0.####", CultureInfo.InvariantCulture));
        return csv.ToString();
    }

    public static string Rows(RowsBehind rows)
    {
        var csv = new StringBuilder("organization,kind,label,name,date,count,present,entitled\r\n");
        foreach (var r in rows.Rows)
            Row(csv, r.OrganizationName, r.Kind, r.Label, r.Name, (r.On ?? (r.At is { } at ? DateOnly.FromDateTime(at) : null))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Number(r.Count), r.Present is { } p ? Number(p) : "", r.Entitled is { } e ? Number(e) : "");
        return csv.ToString();
    }

    public static string Composition(Composition composition)
    {
        var csv = new StringBuilder("organization,of,dimension,category,name,on,members,share\r\n");
        foreach (var t in composition.Tables)
            foreach (var line in t.Lines)
                for (var i = 0; i < composition.Days.Count; i++)
                    Row(csv, composition.Code, t.Of.ToString(), t.Dimension.ToString(), Number(line.Category), line.Name,
                        composition.Days[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(line.Counts[i]),
                        t.Totals[i] == 0 ? "" : ((double)line.Counts[i] / t.Totals[i]).ToString("0.####", CultureInfo.InvariantCulture));
        return csv.ToString();
    }

    public static string Members(CompositionMembers members)
    {
        var csv = new StringBuilder("organization,number,name,date\r\n");
        foreach (var r in members.Rows)
            Row(csv, r.OrganizationName, r.Label, r.Name, r.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
