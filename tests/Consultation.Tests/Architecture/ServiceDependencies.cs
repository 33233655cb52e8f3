using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Consultation.Tests.Architecture;

/// <summary>
/// Which top-level folders of the service refer to which, read from the built assembly with Mono.Cecil: every type's
/// base type, interfaces, attributes, fields, properties, method signatures and method bodies (locals, the types, methods
/// and fields each instruction names, caught exception types), compiler-generated nested types (lambdas, async state
/// machines) counted as their outermost type. A reference written only in a <c>using</c> line or a comment does not count.
/// </summary>
public static class ServiceDependencies
{
    private const string Root = "Consultation";

    /// <summary>The folder name given to the composition root (<c>Modules.cs</c>, namespace <c>Consultation</c>).</summary>
    public const string CompositionRoot = "(Modules.cs)";

    /// <summary>The service's top-level namespaces that are no module: what every module may use.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal) { "Infrastructure", "Domain", "Time" };

    /// <summary>(from folder, to folder) → one example of a referring type and the type it refers to.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Read()
    {
        var path = typeof(Program).Assembly.Location;
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.MainModule.Types)
        {
            if (FolderOf(type) is not { } from || from == CompositionRoot)
            {
                continue;
            }

            foreach (var target in Referenced(type).Distinct())
            {
                if (FolderOf(target) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{type.FullName} → {Outermost(target).FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>The top-level folder under <c>Consultation.</c> a type lives in; null for other assemblies' types and <c>Program</c>.</summary>
    public static string? FolderOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (ns == Root)
        {
            return CompositionRoot;
        }

        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(Root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        type = type.GetElementType();
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            foreach (var t in Unwrap(type.BaseType)) { yield return t; }
        }

        foreach (var i in type.Interfaces.SelectMany(i => Unwrap(i.InterfaceType))) { yield return i; }
        foreach (var t in Attributes(type.CustomAttributes)) { yield return t; }
        foreach (var t in type.GenericParameters.SelectMany(p => p.Constraints).SelectMany(c => Unwrap(c.ConstraintType))) { yield return t; }
        foreach (var field in type.Fields)
        {
            foreach (var t in Unwrap(field.FieldType).Concat(Attributes(field.CustomAttributes))) { yield return t; }
        }

        foreach (var property in type.Properties)
        {
            foreach (var t in Unwrap(property.PropertyType).Concat(Attributes(property.CustomAttributes))) { yield return t; }
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Signature(method).Concat(Attributes(method.CustomAttributes))) { yield return t; }
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Unwrap(v.VariableType))) { yield return t; }
            foreach (var t in method.Body.ExceptionHandlers.Where(h => h.CatchType is not null).SelectMany(h => Unwrap(h.CatchType))) { yield return t; }
            foreach (var t in method.Body.Instructions.SelectMany(Operand)) { yield return t; }
        }

        foreach (var t in type.NestedTypes.SelectMany(Referenced)) { yield return t; }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => Unwrap(type),
        MethodReference method => Unwrap(method.DeclaringType).Concat(Signature(method))
            .Concat(method is GenericInstanceMethod generic ? generic.GenericArguments.SelectMany(Unwrap) : []),
        FieldReference field => Unwrap(field.DeclaringType).Concat(Unwrap(field.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        Unwrap(method.ReturnType).Concat(method.Parameters.SelectMany(p => Unwrap(p.ParameterType)));

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => Unwrap(a.AttributeType)
            .Concat(a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().SelectMany(Unwrap)));

    private static IEnumerable<TypeReference> Unwrap(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var t in generic.GenericArguments.SelectMany(Unwrap)) { yield return t; }
                yield break;
            case TypeSpecification specification:
                foreach (var t in Unwrap(specification.ElementType)) { yield return t; }
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    /// <summary>The cycles of a directed graph (its strongly connected components of more than one node), each sorted.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }
}
