using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cadre.Migrations.Postgres;

/// Lets `dotnet ef migrations add` build the PostgreSQL model without a server (no connection is opened).
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CadreDbContext>
{
    public CadreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=cadre_design");
        return new CadreDbContext(options.Options);
    }
}
