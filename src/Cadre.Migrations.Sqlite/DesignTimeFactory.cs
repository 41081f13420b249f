using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cadre.Migrations.Sqlite;

/// Lets `dotnet ef migrations add` build the SQLite model without starting the web host.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CadreDbContext>
{
    public CadreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CadreDbContext(options.Options);
    }
}
