namespace Consultation.Imports;

/// <summary>
/// How far an import has got, reported after the file is read (<see cref="Sheet"/> null) and after each chunk a sheet's batch
/// decided: the file's rows, the sheet's items decided of those planned, and, over all sheets so far, the rows decided and the
/// events written.
/// </summary>
public sealed record ImportProgress(int Rows, string? Sheet, int Decided, int Planned, int RowsDecided, int Events);
