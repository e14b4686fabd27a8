using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "PerformanceIndicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KeyStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SharedServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    PerformanceIndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Commentary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyStandards_PerformanceIndicators_PerformanceIndicatorId",
                        column: x => x.PerformanceIndicatorId,
                        principalTable: "PerformanceIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyStandards_SharedServices_SharedServiceId",
                        column: x => x.SharedServiceId,
                        principalTable: "SharedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyStandardFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyStandardId = table.Column<int>(type: "INTEGER", nullable: false),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Baseline = table.Column<double>(type: "REAL", nullable: true),
                    YtdTarget = table.Column<double>(type: "REAL", nullable: true),
                    YtdActual = table.Column<double>(type: "REAL", nullable: true),
                    Trend = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyStandardFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyStandardFigures_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyStandardFigures_KeyStandards_KeyStandardId",
                        column: x => x.KeyStandardId,
                        principalTable: "KeyStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyStandardFigures_CouncilId",
                table: "KeyStandardFigures",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyStandardFigures_KeyStandardId_CouncilId",
                table: "KeyStandardFigures",
                columns: new[] { "KeyStandardId", "CouncilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyStandards_PerformanceIndicatorId",
                table: "KeyStandards",
                column: "PerformanceIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyStandards_SharedServiceId_PerformanceIndicatorId",
                table: "KeyStandards",
                columns: new[] { "SharedServiceId", "PerformanceIndicatorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyStandardFigures");

            migrationBuilder.DropTable(
                name: "KeyStandards");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "PerformanceIndicators");
        }
    }
}
