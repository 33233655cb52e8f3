using Consultation.Stakeholders;
using JasperFx.Events;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace Consultation.Convergence.Measuring;

/// <summary>
/// The accreditation events of one process, found by index (<see cref="MeasureInputs.Accredited"/>): a partial index of
/// <c>mt_events</c> on the process key and the recorded time, over accreditation events only (other appends pay nothing
/// but the predicate). Without it every measure read every process's accreditations through the type index and kept
/// its own: the cost grew with the registry of the whole store, not with the process.
/// </summary>
public sealed class AccreditationsIndex(StoreOptions options) : FeatureSchemaBase("accreditations-index", options.Advanced.Migrator)
{
    public const string Name = "idx_mt_events_accredited_process";

    public static void Register(StoreOptions options)
    {
        options.Events.IgnoreIndex(Name);
        options.Storage.Add(new AccreditationsIndex(options));
    }

    /// <summary>
    /// The accreditation event's type name, written into the SQL as a literal (it is ours, not input): a partial index is
    /// used only when the planner sees the predicate's constant, which a parameter of a prepared statement hides.
    /// </summary>
    public static string TypeName(StoreOptions options) =>
        ((Marten.Events.EventGraph)options.Events).EventMappingFor(typeof(StakeholderAccredited)).EventTypeName;

    /// <summary>The type name of the event that ends an accreditation, a literal of the same SQL.</summary>
    public static string EndedTypeName(StoreOptions options) =>
        ((Marten.Events.EventGraph)options.Events).EventMappingFor(typeof(StakeholderAccreditationEnded)).EventTypeName;

    public override IEnumerable<Type> DependentTypes() => [typeof(IEvent)];

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return new EventsIndex(options.Events.DatabaseSchemaName, Name, $"({StoredJson.Text<StakeholderAccredited>("data", a => a.ProcessKey)}), timestamp", $"type = '{TypeName(options)}'");
    }
}
