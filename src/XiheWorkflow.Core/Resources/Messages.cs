using System.Globalization;
using System.Resources;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Resources;

/// <summary>
/// Messages for refusals and validation failures, keyed by the codes the domain and validators use.
/// Simplified Chinese is the neutral language; English is a satellite.
/// </summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("XiheWorkflow.Core.Resources.Messages", typeof(Messages).Assembly);

    public static string Get(string code, params object[] args)
    {
        var template = Resources.GetString(code, CultureInfo.CurrentUICulture);
        if (template is null) return args.Length == 0 ? code : $"{code} ({string.Join(", ", args)})";
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    public static string For(DomainException e) => Get(e.Code, e.Args);
}
