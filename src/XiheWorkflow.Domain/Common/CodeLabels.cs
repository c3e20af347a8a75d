namespace XiheWorkflow.Domain.Common;

/// <summary>
/// Maps enum codes to their exact Chinese labels (INTERFACES.md): every place that takes a code
/// also takes its label, and screens show the label.
/// </summary>
public static class CodeLabels
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Maps = new();
    private static readonly Dictionary<Type, Dictionary<string, string>> CodeMaps = new();
    private static readonly Dictionary<Type, Dictionary<string, string>> AliasMaps = new();

    public static void Register<TEnum>(params (TEnum Code, string Label)[] pairs) where TEnum : struct, Enum
    {
        lock (Maps)
        {
            Maps[typeof(TEnum)] = pairs.ToDictionary(p => p.Code.ToString(), p => p.Label);
        }
    }

    /// <summary>
    /// For enums whose contract codes are not valid member names (<c>Withheld.StateSecret</c>):
    /// once registered, only these codes (and the labels) parse, not the member names.
    /// </summary>
    public static void RegisterCodes<TEnum>(params (TEnum Member, string Code)[] pairs) where TEnum : struct, Enum
    {
        lock (Maps)
        {
            CodeMaps[typeof(TEnum)] = pairs.ToDictionary(p => p.Member.ToString(), p => p.Code);
        }
    }

    /// <summary>Other spellings ledgers use for a label (shortened, full-width quotes); parsed, never shown.</summary>
    public static void RegisterAliases<TEnum>(params (TEnum Member, string Alias)[] pairs) where TEnum : struct, Enum
    {
        lock (Maps)
        {
            AliasMaps[typeof(TEnum)] = pairs.ToDictionary(p => p.Alias, p => p.Member.ToString());
        }
    }

    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        Ensure();
        return Maps.TryGetValue(typeof(TEnum), out var m) && m.TryGetValue(value.ToString(), out var l) ? l : value.ToString();
    }

    /// <summary>The contract code of a value: its member name unless other codes were registered.</summary>
    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        Ensure();
        return CodeMaps.TryGetValue(typeof(TEnum), out var m) && m.TryGetValue(value.ToString(), out var c) ? c : value.ToString();
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        Ensure();
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (CodeMaps.TryGetValue(typeof(TEnum), out var codes))
        {
            foreach (var (member, code) in codes)
            {
                if (code == text) return Enum.TryParse(member, out value);
            }
        }
        // Enum.TryParse also takes numbers ("3") and comma lists ("Text, Video"): a ledger typo
        // must not turn into a valid code that way.
        else if (IsIdentifier(text) && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value))
        {
            return true;
        }
        if (Maps.TryGetValue(typeof(TEnum), out var m))
        {
            foreach (var (code, label) in m)
            {
                if (label == text) return Enum.TryParse(code, out value);
            }
        }
        if (AliasMaps.TryGetValue(typeof(TEnum), out var aliases) && aliases.TryGetValue(text, out var aliased))
        {
            return Enum.TryParse(aliased, out value);
        }
        value = default;
        return false;
    }

    private static bool IsIdentifier(string text)
    {
        if (!char.IsLetter(text[0])) return false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c)) return false;
        }
        return true;
    }

    // Lazy rather than a flag: a second thread must not read the maps while the first fills them.
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        KnownLabels.RegisterAll();
        return true;
    });

    private static void Ensure() => _ = Initialized.Value;
}
