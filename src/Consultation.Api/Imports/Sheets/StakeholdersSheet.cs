using Consultation.Imports.Reading;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.Batching;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.Registering;

namespace Consultation.Imports.Sheets;

/// <summary>
/// A stakeholders sheet: one row per stakeholder, registered, joined to its groups and accredited to the import's process,
/// as the registry batch's items (<see cref="ChangeRegistryInBatch"/>): every registration first, then the joins, then the
/// accreditations, so a row can join a group registered further down.
/// </summary>
public static class StakeholdersSheet
{
    public const string Name = "stakeholders";

    public static readonly SheetColumns Columns = new(Name, "kind", "key", "kind", "name", "isoCode", "regionalGroup", "groups", "accreditedOn");

    /// <summary>The groups cell: <c>GROUP:YYYY-MM-DD</c> entries separated by ';' (the date the stakeholder joined).</summary>
    public const string GroupsRule = "lists groups as 'key:YYYY-MM-DD' (the group and the date joined), separated by ';', e.g. 'african-group:2017-04-01; G77:2017-04-01'";

    public static IReadOnlyList<PlannedItem<ChangeRegistryInBatch.Item>> Plan(Sheet sheet, string process, ImportErrors errors)
    {
        var columns = Columns.Match(sheet, errors);
        string? Cell(SheetRow row, string name) => columns.TryGetValue(name, out var written) ? row[written] : null;
        string Col(string name) => columns.GetValueOrDefault(name, name);

        var registers = new List<PlannedItem<ChangeRegistryInBatch.Item>>();
        var joins = new List<PlannedItem<ChangeRegistryInBatch.Item>>();
        var accredits = new List<PlannedItem<ChangeRegistryInBatch.Item>>();
        var registerColumns = new[] { "key", "kind", "name", "isoCode", "regionalGroup" }.ToDictionary(c => c, Col);
        foreach (var row in sheet.Rows)
        {
            var key = Cell(row, "key");
            registers.Add(new(sheet.Name, row.Number, new ChangeRegistryInBatch.Item
            {
                Register = new RegisterStakeholder.Request(key, Cell(row, "kind"), Cell(row, "name"), Cell(row, "isoCode"), Cell(row, "regionalGroup")),
            }, "StakeholderRegistered", Col("key"), registerColumns));

            foreach (var entry in (Cell(row, "groups") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !Cells.TryDate(parts[1], out var joinedOn))
                {
                    errors.Add(sheet.Name, row.Number, Col("groups"), $"'{entry}': the groups column {GroupsRule}.");
                    continue;
                }

                joins.Add(new(sheet.Name, row.Number, new ChangeRegistryInBatch.Item { Key = key, Join = new JoinGroup.Request(parts[0], joinedOn, null) },
                    "StakeholderJoinedGroup", Col("groups"), new Dictionary<string, string>()));
            }

            if (Cell(row, "accreditedOn") is { } accreditedText)
            {
                if (Cells.TryDate(accreditedText, out var accreditedOn))
                {
                    accredits.Add(new(sheet.Name, row.Number, new ChangeRegistryInBatch.Item { Key = key, Accredit = new AccreditStakeholder.Request(process, accreditedOn, null) },
                        "StakeholderAccredited", Col("accreditedOn"), new Dictionary<string, string>()));
                }
                else
                {
                    errors.Add(sheet.Name, row.Number, Col("accreditedOn"), $"'accreditedOn' {Cells.DateRule}.");
                }
            }
        }

        return [.. registers, .. joins, .. accredits];
    }
}
