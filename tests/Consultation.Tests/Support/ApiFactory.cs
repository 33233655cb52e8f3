using Xunit.Abstractions;

namespace Consultation.Tests.Support;

/// <summary>
/// The real service over the real HTTP pipeline, on the test PostgreSQL, in a schema of its own, seeds off. xunit hands it
/// its diagnostic sink, through which the run says which database it uses (<see cref="TestDatabase.ReportTo"/>).
/// </summary>
public class ApiFactory(IMessageSink? diagnostics = null) : ServiceFactory("api")
{
    public override Task InitializeAsync()
    {
        if (diagnostics is not null)
        {
            TestDatabase.ReportTo(diagnostics);
        }

        return base.InitializeAsync();
    }
}
