using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consultation.Tests.Platform;

/// <summary>
/// Finding the server programs: a link whose target is gone is not a program. A machine where the PostgreSQL package was
/// removed but links to its programs stayed (e.g. in /usr/local/bin) made the private cluster run a missing initdb.
/// </summary>
public sealed class PostgresBinariesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pg-bin-");

    [Fact]
    public void A_folder_of_links_whose_targets_are_gone_has_no_server_programs()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "initdb"), "/nonexistent/postgresql/bin/initdb");
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "pg_ctl"), "/nonexistent/postgresql/bin/pg_ctl");

        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(_dir.FullName, NullLogger.Instance));
        Assert.Contains("has no initdb/pg_ctl", error.Message);
    }

    [Fact]
    public void A_folder_of_links_to_programs_that_exist_is_used()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir.FullName, "real"));
        var links = Directory.CreateDirectory(Path.Combine(_dir.FullName, "links"));
        foreach (var program in new[] { "initdb", "pg_ctl" })
        {
            File.WriteAllText(Path.Combine(target.FullName, program), "#!/bin/sh\n");
            File.CreateSymbolicLink(Path.Combine(links.FullName, program), Path.Combine(target.FullName, program));
        }

        Assert.Equal(links.FullName, PostgresBinaries.Locate(links.FullName, NullLogger.Instance));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
