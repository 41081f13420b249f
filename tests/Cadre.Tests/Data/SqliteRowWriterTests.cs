using Cadre.Data;
using Microsoft.Data.Sqlite;

namespace Cadre.Tests.Data;

/// The bulk writer binds by position through SQLitePCL; what it stores must be exactly what Microsoft.Data.Sqlite (and
/// so EF) stores for the same value, or EF would read the bulk rows differently.
public sealed class SqliteRowWriterTests
{
    public static TheoryData<string, object?> Values() => new()
    {
        { "null", null },
        { "text", "José 王小明 😀" },
        { "int", 42 },
        { "long", 9_000_000_000L },
        { "bool", true },
        { "short", (short)-7 },
        { "double", 1.25 },
        { "decimal", 12.50m },
        { "whole decimal", 30m },
        { "date", new DateOnly(2026, 2, 3) },
        { "date and time", new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc) },
        { "midnight", new DateTime(2026, 2, 3) },
        { "offset", new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)) },
        { "time", new TimeOnly(13, 14, 15) },
        { "time with fractions", new TimeOnly(13, 14, 15, 16) },
        { "time span", TimeSpan.FromMinutes(90.5) },
        { "guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "bytes", new byte[] { 1, 2, 3 } },
    };

    [Theory, MemberData(nameof(Values))]
    public void A_value_is_stored_exactly_as_Microsoft_Data_Sqlite_stores_it(string what, object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (\"Source\" TEXT, \"Value\")";
            create.ExecuteNonQuery();
        }
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t (\"Source\", \"Value\") VALUES ('ado', @v)";
            insert.Parameters.AddWithValue("@v", value ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
        using (var writer = SqliteRowWriter.Prepare(connection, "t", ["Source", "Value"]))
            writer.Insert(["bulk", value]);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(\"Value\") || ':' || quote(\"Value\") FROM t ORDER BY \"Source\"";
        using var reader = read.ExecuteReader();
        var stored = new List<string>();
        while (reader.Read()) stored.Add(reader.GetString(0));
        Assert.True(stored.Count == 2 && stored[0] == stored[1], $"{what}: ado stored {stored[0]}, the bulk writer {stored[1]}");
    }

    [Fact]
    public void A_constraint_violation_is_an_SqliteException_naming_it()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (\"Id\" INTEGER PRIMARY KEY, \"Name\" TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        using var writer = SqliteRowWriter.Prepare(connection, "t", ["Id", "Name"]);
        writer.Insert([1, "a"]);

        var error = Assert.Throws<SqliteException>(() => writer.Insert([1, "b"]));
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => writer.Insert([2, null]));
        writer.Insert([2, "c"]);
        Assert.Equal(2, writer.LastInsertRowId);
    }
}
