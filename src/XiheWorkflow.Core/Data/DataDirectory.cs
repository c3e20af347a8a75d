using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Data;

public static class DataDirectory
{
    /// <summary>
    /// Creates the data directory if needed and proves it can be written, so that a bad path fails
    /// with one clear message before anything (a half-made database) is created.
    /// </summary>
    public static void EnsureWritable(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StartupException($"The data directory '{path}' cannot be written: {e.Message}");
        }
    }
}

/// <summary>The app or the command line cannot start; the message is for the person who started it.</summary>
public class StartupException(string message) : Exception(message);
