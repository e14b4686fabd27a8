using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BoardMeetings_Date",
                table: "BoardMeetings");

            migrationBuilder.AlterColumn<decimal>(
                name: "Delivered",
                table: "SavingsLines",
                type: "numeric",
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric");

            migrationBuilder.AlterColumn<int>(
                name: "CouncilId",
                table: "SavingsLines",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "Commentary",
                table: "SavingsLines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Forecast",
                table: "SavingsLines",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            // Lines saved before forecasts were kept: until their owner says otherwise, the forecast is the target.
            migrationBuilder.Sql("UPDATE \"SavingsLines\" SET \"Forecast\" = \"Target\";");

            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "SavingsLines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SavingsLines",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SavingsLines",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "BoardMeetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "BoardMeetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BankHolidayChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidayChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavingsLines_OwnerId",
                table: "SavingsLines",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardMeetings_Date",
                table: "BoardMeetings",
                column: "Date",
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BankHolidayChanges_Date",
                table: "BankHolidayChanges",
                column: "Date",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SavingsLines_People_OwnerId",
                table: "SavingsLines",
                column: "OwnerId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SavingsLines_People_OwnerId",
                table: "SavingsLines");

            migrationBuilder.DropTable(
                name: "BankHolidayChanges");

            migrationBuilder.DropIndex(
                name: "IX_SavingsLines_OwnerId",
                table: "SavingsLines");

            migrationBuilder.DropIndex(
                name: "IX_BoardMeetings_Date",
                table: "BoardMeetings");

            migrationBuilder.DropColumn(
                name: "Commentary",
                table: "SavingsLines");

            migrationBuilder.DropColumn(
                name: "Forecast",
                table: "SavingsLines");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "SavingsLines");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "SavingsLines");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SavingsLines");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "BoardMeetings");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "BoardMeetings");

            migrationBuilder.AlterColumn<decimal>(
                name: "Delivered",
                table: "SavingsLines",
                type: "numeric",
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "numeric",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CouncilId",
                table: "SavingsLines",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardMeetings_Date",
                table: "BoardMeetings",
                column: "Date",
                unique: true);
        }
    }
}
