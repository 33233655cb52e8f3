using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

/// <summary>Builds the write model from a stakeholder's events, as Marten's live aggregation does: the "given" of a decider test.</summary>
public static class StakeholderHistory
{
    public static Stakeholder Given(params object[] events)
    {
        var state = Stakeholder.Create((StakeholderRegistered)events[0]);
        foreach (var e in events.Skip(1))
        {
            state = e switch
            {
                StakeholderRenamed renamed => state.Apply(renamed),
                StakeholderJoinedGroup joined => state.Apply(joined),
                StakeholderLeftGroup left => state.Apply(left),
                StakeholderAccredited accredited => state.Apply(accredited),
                StakeholderAccreditationEnded ended => state.Apply(ended),
                _ => throw new ArgumentException($"Unexpected event {e}"),
            };
        }

        return state;
    }
}
