using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Notices;

public sealed class AttachmentStoreTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "xihe-tests", Guid.NewGuid().ToString("N"));
    private readonly AttachmentStore _store;

    public AttachmentStoreTests() => _store = new AttachmentStore(Options.Create(new XiheOptions { DataDirectory = _dataDirectory }));

    private string AttachmentsDirectory => Path.Combine(_dataDirectory, "attachments");

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private string[] StoredFiles() => Directory.Exists(AttachmentsDirectory)
        ? Directory.GetFiles(AttachmentsDirectory, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("宣传页.html")]
    [InlineData("宏.docm")]
    [InlineData("无扩展名")]
    public async Task SaveAsync_RefusedType_ThrowsAndStoresNothing(string fileName)
    {
        var e = await Should.ThrowAsync<DomainException>(() => _store.SaveAsync(Bytes("MZ..."), fileName, 5));
        e.Code.ShouldBe("Attachment.TypeRefused");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_DeclaredTooLarge_ThrowsBeforeReading()
    {
        var e = await Should.ThrowAsync<DomainException>(() => _store.SaveAsync(Bytes("x"), "低保名单.pdf", AttachmentStore.MaxBytes + 1));
        e.Code.ShouldBe("Attachment.TooLarge");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_ContentLargerThanDeclared_ThrowsAndLeavesNoPartialFile()
    {
        var content = new MemoryStream(new byte[AttachmentStore.MaxBytes + 1]);
        var e = await Should.ThrowAsync<DomainException>(() => _store.SaveAsync(content, "低保名单.pdf", 1000));
        e.Code.ShouldBe("Attachment.TooLarge");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_EmptyFile_Throws()
    {
        (await Should.ThrowAsync<DomainException>(() => _store.SaveAsync(new MemoryStream(), "空.pdf", 0))).Code.ShouldBe("Attachment.Empty");
        (await Should.ThrowAsync<DomainException>(() => _store.SaveAsync(new MemoryStream(), "空.pdf", 10))).Code.ShouldBe("Attachment.Empty");
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_SameContentTwice_IsStoredOnceUnderItsHash()
    {
        const string text = "%PDF-1.7 硝河乡2024年第一季度低保名单";
        var first = await _store.SaveAsync(Bytes(text), "低保名单.pdf", 100);
        var second = await _store.SaveAsync(Bytes(text), "另一个名字.PDF", 100);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        first.Sha256.ShouldBe(sha);
        second.Sha256.ShouldBe(sha);
        first.Size.ShouldBe(Encoding.UTF8.GetByteCount(text));
        first.ContentType.ShouldBe("application/pdf");
        second.FileName.ShouldBe("另一个名字.PDF");
        StoredFiles().ShouldHaveSingleItem().ShouldEndWith(sha);

        await using var opened = _store.Open(sha).ShouldNotBeNull();
        new StreamReader(opened).ReadToEnd().ShouldBe(text);
    }

    [Fact]
    public async Task SaveAsync_DifferentContent_IsStoredSeparately()
    {
        var a = await _store.SaveAsync(Bytes("a,b\n1,2"), "名单.csv", 7);
        var b = await _store.SaveAsync(Bytes("a,b\n1,3"), "名单.csv", 7);
        a.Sha256.ShouldNotBe(b.Sha256);
        StoredFiles().Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("not-a-hash")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void Open_UnknownOrMalformedHash_ReturnsNull(string sha) => _store.Open(sha).ShouldBeNull();

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
