using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.Batching;
using Consultation.Stakeholders.EndingAccreditations;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.LeavingGroups;
using Consultation.Stakeholders.Registering;
using Consultation.Stakeholders.Renaming;

namespace Consultation.Stakeholders;

/// <summary>The stakeholder commands' example bodies in the OpenAPI document (the secretariat's workflow in Consultation.Api.http).</summary>
public sealed class StakeholderRequestExamples : IRequestExamples
{
    public IEnumerable<object> Examples =>
    [
        new RegisterStakeholder.Request(Key: "MEX", Kind: "MemberState", Name: "Mexico", IsoCode: null, RegionalGroup: "LatinAmericanAndCaribbean"),
        new RenameStakeholder.Request(Name: "United Mexican States", Reason: "Official name"),
        new JoinGroup.Request(Group: "african-group", JoinedOn: new DateOnly(2017, 1, 1), Reason: null),
        new LeaveGroup.Request(LeftOn: new DateOnly(2018, 12, 31), Reason: "Left the group after the intergovernmental conference"),
        new AccreditStakeholder.Request(Process: "rehearsal", AccreditedOn: new DateOnly(2017, 4, 6), Reason: null),
        new EndAccreditation.Request(EndedOn: new DateOnly(2018, 7, 13), Reason: "Consultation phase over; not accredited to the negotiations"),
        new ChangeRegistryInBatch.Request(
        [
            new ChangeRegistryInBatch.Item { Register = new RegisterStakeholder.Request(Key: "picum", Kind: "CivilSociety", Name: "Platform for International Cooperation on Undocumented Migrants", IsoCode: null, RegionalGroup: null) },
            new ChangeRegistryInBatch.Item { Key = "picum", Accredit = new AccreditStakeholder.Request(Process: "rehearsal", AccreditedOn: new DateOnly(2017, 4, 6), Reason: null) },
            new ChangeRegistryInBatch.Item { Key = "MEX", Join = new JoinGroup.Request(Group: "grulac", JoinedOn: new DateOnly(2017, 1, 1), Reason: null) },
            new ChangeRegistryInBatch.Item { Key = "ECU", Group = "grulac", Leave = new LeaveGroup.Request(LeftOn: new DateOnly(2018, 12, 31), Reason: null) },
        ]),
    ];
}
