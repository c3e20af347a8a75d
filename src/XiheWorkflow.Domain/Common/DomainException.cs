namespace XiheWorkflow.Domain.Common;

/// <summary>
/// A rule refused an action. <see cref="Code"/> is a stable key the UI and the command line turn
/// into a message (localization resources), <see cref="Args"/> fill its placeholders.
/// </summary>
public class DomainException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}
