using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DemoProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "StatusUpdates",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Risks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "RiskRegisters",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "RiskIssues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "RiskAssessments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "PiValues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BenefitEntries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "StatusUpdates");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "RiskRegisters");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "RiskIssues");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "PiValues");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BenefitEntries");
        }
    }
}
