using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using XiheWorkflow.Core.Privacy;

namespace XiheWorkflow.Cli.Commands;

/// <summary>
/// `xihe privacy scan FILE [--json]` (INTERFACES.md §3). Only masked values are ever written: the
/// output of a scan ends up in logs and tickets, where a full ID number must not.
/// </summary>
public static class PrivacyCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext cli)
    {
        var privacy = new Command("privacy", "Privacy guard: personal numbers in texts and attachments");
        var file = new Argument<string>("FILE") { Description = $"File to scan ({string.Join(' ', PrivacyFileScanner.SupportedExtensions)})" };
        var json = new Option<bool>("--json") { Description = "Write JSON Lines, one object a finding" };
        var scan = new Command("scan", "Find resident ID, mobile and bank-card numbers; exit 0 nothing found, 1 findings, 2 unreadable file") { file, json };
        scan.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var result = await ScanAsync(path, ct);
            foreach (var f in result.Findings)
            {
                await cli.Out.WriteLineAsync(parse.GetValue(json)
                    ? $"{{\"kind\": {Quote(f.Kind.ToString())}, \"masked\": {Quote(f.Masked)}, \"line\": {f.Line}, \"column\": {f.Column}, \"location\": {Quote(f.Location)}}}"
                    : $"{path}:{f.Line}:{f.Column}: {f.Kind} {f.Masked}");
            }
            return result.Findings.Count > 0 ? XiheCli.Found : XiheCli.Ok;
        });
        privacy.Subcommands.Add(scan);
        return privacy;
    }

    private static async Task<FileScanResult> ScanAsync(string path, CancellationToken ct)
    {
        if (Directory.Exists(path)) throw new CliInputException($"{path}: is a directory, not a file");
        if (!File.Exists(path)) throw new CliInputException($"{path}: file not found");
        if (!PrivacyFileScanner.IsSupported(path))
        {
            throw new CliInputException($"{path}: unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(' ', PrivacyFileScanner.SupportedExtensions)})");
        }
        FileScanResult result;
        try
        {
            result = await new PrivacyFileScanner(TimeProvider.System).ScanFileAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot be opened: {e.Message}");
        }
        if (!result.IsReadable)
        {
            var detail = string.IsNullOrWhiteSpace(result.Detail) ? "" : $": {result.Detail.ReplaceLineEndings(" ")}";
            throw new CliInputException($"{path}: cannot be read ({result.Unreadable}{detail}); a person must check it");
        }
        return result;
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, Json);
}
