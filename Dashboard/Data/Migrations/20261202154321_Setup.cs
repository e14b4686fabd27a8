using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Setup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "SharedServices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DirectorId",
                table: "SharedServices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "SharedServices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProviderName",
                table: "SharedServices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SharedServices",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "RiskRegisters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CouncilId",
                table: "RiskRegisters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "RiskRegisters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "RiskRegisters",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_SharedServices_DirectorId",
                table: "SharedServices",
                column: "DirectorId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskRegisters_CouncilId",
                table: "RiskRegisters",
                column: "CouncilId");

            migrationBuilder.AddForeignKey(
                name: "FK_RiskRegisters_Councils_CouncilId",
                table: "RiskRegisters",
                column: "CouncilId",
                principalTable: "Councils",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SharedServices_People_DirectorId",
                table: "SharedServices",
                column: "DirectorId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Until now the programme register was the one without a service: say so explicitly.
            migrationBuilder.Sql("""UPDATE "RiskRegisters" SET "Kind" = CASE WHEN "SharedServiceId" IS NULL THEN 1 ELSE 2 END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RiskRegisters_Councils_CouncilId",
                table: "RiskRegisters");

            migrationBuilder.DropForeignKey(
                name: "FK_SharedServices_People_DirectorId",
                table: "SharedServices");

            migrationBuilder.DropIndex(
                name: "IX_SharedServices_DirectorId",
                table: "SharedServices");

            migrationBuilder.DropIndex(
                name: "IX_RiskRegisters_CouncilId",
                table: "RiskRegisters");

            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "SharedServices");

            migrationBuilder.DropColumn(
                name: "DirectorId",
                table: "SharedServices");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "SharedServices");

            migrationBuilder.DropColumn(
                name: "ProviderName",
                table: "SharedServices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SharedServices");

            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "RiskRegisters");

            migrationBuilder.DropColumn(
                name: "CouncilId",
                table: "RiskRegisters");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "RiskRegisters");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RiskRegisters");
        }
    }
}
