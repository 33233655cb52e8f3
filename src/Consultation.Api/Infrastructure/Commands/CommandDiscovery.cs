// JasperFx's command runner (Program.cs ends with RunJasperFxCommands) discovers commands only in
// assemblies carrying this attribute: it makes every JasperFxCommand / JasperFxAsyncCommand in this
// assembly (e.g. `seed`, `audit`) available as `dotnet run -- <name>`.
[assembly: JasperFx.JasperFxAssembly]
