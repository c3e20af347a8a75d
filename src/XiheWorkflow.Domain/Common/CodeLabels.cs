namespace XiheWorkflow.Domain.Common;

/// <summary>
/// Maps enum codes to their exact Chinese labels (INTERFACES.md): every place that takes a code
/// also takes its label, and screens show the label.
/// </summary>
public static class CodeLabels
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Maps = new();

    public static void Register<TEnum>(params (TEnum Code, string Label)[] pairs) where TEnum : struct, Enum
    {
        lock (Maps)
        {
            Maps[typeof(TEnum)] = pairs.ToDictionary(p => p.Code.ToString(), p => p.Label);
        }
    }

    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        Ensure();
        return Maps.TryGetValue(typeof(TEnum), out var m) && m.TryGetValue(value.ToString(), out var l) ? l : value.ToString();
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        Ensure();
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value)) return true;
        if (Maps.TryGetValue(typeof(TEnum), out var m))
        {
            foreach (var (code, label) in m)
            {
                if (label == text) return Enum.TryParse(code, out value);
            }
        }
        return false;
    }

    private static int _initialized;

    private static void Ensure()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0) KnownLabels.RegisterAll();
    }
}
