using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Postgres;

/// <summary>
/// The model on PostgreSQL. EF Core ties a migrations set to a context type, so this type exists to give
/// PostgreSQL its own migrations (Data/Postgres/Migrations) beside SQLite's, from one model.
/// </summary>
public sealed class PostgresDashboardDbContext(DbContextOptions options) : DashboardDbContext(options);
