using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
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

            migrationBuilder.AlterColumn<double>(
                name: "Delivered",
                table: "SavingsLines",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<int>(
                name: "CouncilId",
                table: "SavingsLines",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Commentary",
                table: "SavingsLines",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Forecast",
                table: "SavingsLines",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            // Lines saved before forecasts were kept: until their owner says otherwise, the forecast is the target.
            migrationBuilder.Sql("UPDATE \"SavingsLines\" SET \"Forecast\" = \"Target\";");

            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "SavingsLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SavingsLines",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SavingsLines",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "BoardMeetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "BoardMeetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BankHolidayChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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

            migrationBuilder.AlterColumn<double>(
                name: "Delivered",
                table: "SavingsLines",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CouncilId",
                table: "SavingsLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardMeetings_Date",
                table: "BoardMeetings",
                column: "Date",
                unique: true);
        }
    }
}
