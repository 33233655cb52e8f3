namespace Consultation.Infrastructure.Database;

/// <summary>Finds the checkout the service runs from (the folder holding <c>Consultation.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string? Find(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultation.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
