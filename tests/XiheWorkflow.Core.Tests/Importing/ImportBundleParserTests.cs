using System.Text;
using MiniExcelLibs;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Tests.Importing;

public class ImportBundleParserTests
{
    private static ImportBundle Json(string json, string file = "ledger.json") =>
        ImportBundleParser.ParseJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), file);

    private static ImportException Refused(string json) => Should.Throw<ImportException>(() => Json(json));

    private static string Applications(params string[] records) => $$"""{ "applications": [ {{string.Join(",", records)}} ] }""";

    private static string App(string reference, string outcome = "\"Disclosed\"", string closedOn = "\"2024-03-20\"", string receivedOn = "\"2024-03-05\"", string applicantType = "\"NaturalPerson\"") =>
        $$"""{ "reference": "{{reference}}", "applicantType": {{applicantType}}, "channel": "Online", "receivedOn": {{receivedOn}}, "request": "…", "outcome": {{outcome}}, "closedOn": {{closedOn}} }""";

    [Fact]
    public void ParseFile_LedgerSample_ReadsEveryRecord()
    {
        var bundle = ImportBundleParser.ParseFile(TestFiles.Path("ledger-sample.json"));

        bundle.Applications.Count.ShouldBe(60);
        bundle.Appeals.Count.ShouldBe(10);
        bundle.YearFigures.Count.ShouldBe(2);
        bundle.Notices.Count.ShouldBe(40);
        var first = bundle.Applications[0];
        first.Reference.ShouldBe("YS-0000");
        first.ApplicantType.ShouldBe(ApplicantType.Research);
        first.Outcome.ShouldBe(ApplicationOutcome.Disclosed);
        first.Location.ToString().ShouldBe("ledger-sample.json: applications[0] (YS-0000)");
        bundle.OfficeNames.ShouldBe(["综合办公室"]);
        bundle.CategoryNames.ShouldBe(["基层治理"]);
    }

    [Fact]
    public void ParseJson_UnknownOutcomeCode_NamesFileRecordAndField()
    {
        var e = Refused(Applications(App("XH-2024-001"), App("XH-2024-002"), App("XH-2024-003"), App("XH-2024-004", outcome: "\"Foo\"")));

        e.Message.ShouldBe("ledger.json: applications[3] (XH-2024-004).outcome: unknown code \"Foo\"");
        e.Errors.Single().Field.ShouldBe("outcome");
    }

    [Fact]
    public void ParseJson_MissingReceivedOn_NamesField()
    {
        var e = Refused(Applications(App("XH-1", receivedOn: "null")));

        e.Message.ShouldBe("ledger.json: applications[0] (XH-1).receivedOn: is required");
    }

    [Fact]
    public void ParseJson_MissingReference_NamesRecordByIndex()
    {
        var e = Refused("""{ "appeals": [ { "kind": "Reconsideration", "filedOn": "2024-05-01" } ] }""");

        e.Message.ShouldBe("ledger.json: appeals[0].reference: is required");
    }

    [Fact]
    public void ParseJson_ClosedOnBeforeReceivedOn_Refused()
    {
        var e = Refused(Applications(App("XH-1", closedOn: "\"2024-03-04\"")));

        e.Message.ShouldBe("ledger.json: applications[0] (XH-1).closedOn: 2024-03-04 is before receivedOn 2024-03-05");
    }

    [Fact]
    public void ParseJson_ClosedOnSameDayAsReceived_Accepted()
    {
        var bundle = Json(Applications(App("XH-1", closedOn: "\"2024-03-05\"")));

        bundle.Applications.Single().ClosedOn.ShouldBe(new DateOnly(2024, 3, 5));
    }

    [Fact]
    public void ParseJson_OutcomeWithoutClosedOn_Refused()
    {
        var e = Refused(Applications(App("XH-1", closedOn: "null")));

        e.Message.ShouldBe("ledger.json: applications[0] (XH-1).closedOn: is required when outcome is set (both empty while still open)");
    }

    [Fact]
    public void ParseJson_ClosedOnWithoutOutcome_Refused()
    {
        var e = Refused(Applications(App("XH-1", outcome: "null")));

        e.Errors.Single().Field.ShouldBe("outcome");
    }

    [Fact]
    public void ParseJson_StillOpen_Accepted()
    {
        var app = Json(Applications(App("XH-1", outcome: "null", closedOn: "null"))).Applications.Single();

        app.Outcome.ShouldBeNull();
        app.ClosedOn.ShouldBeNull();
    }

    [Fact]
    public void ParseJson_DuplicateReference_RefusedNamingBoth()
    {
        var e = Refused(Applications(App("XH-1"), App("XH-2"), App("XH-1")));

        e.Message.ShouldBe("ledger.json: applications[2] (XH-1).reference: duplicate reference \"XH-1\" (also applications[0])");
    }

    [Fact]
    public void ParseJson_SameReferenceInDifferentKinds_Accepted()
    {
        var bundle = Json("""
            { "applications": [ { "reference": "X-1", "applicantType": "Business", "channel": "Mail", "receivedOn": "2024-01-02" } ],
              "appeals": [ { "reference": "X-1", "kind": "Reconsideration", "filedOn": "2024-05-01" } ] }
            """);

        bundle.Applications.Count.ShouldBe(1);
        bundle.Appeals.Count.ShouldBe(1);
    }

    [Fact]
    public void ParseJson_DuplicateYear_Refused()
    {
        var e = Refused("""
            { "yearFigures": [ { "year": 2024, "licensing": 3, "penalty": 1, "enforcement": 0, "feesTenThousandYuan": 0.0 },
                               { "year": 2024, "licensing": 4, "penalty": 1, "enforcement": 0, "feesTenThousandYuan": 0.0 } ] }
            """);

        e.Message.ShouldBe("ledger.json: yearFigures[1] (2024).year: duplicate year \"2024\" (also yearFigures[0])");
    }

    [Fact]
    public void ParseJson_NegativeFigure_Refused()
    {
        var e = Refused("""{ "yearFigures": [ { "year": 2024, "licensing": -3, "penalty": 1, "enforcement": 0, "feesTenThousandYuan": 0.5 } ] }""");

        e.Message.ShouldBe("ledger.json: yearFigures[0] (2024).licensing: expected a whole number ≥ 0, got \"-3\"");
    }

    [Fact]
    public void ParseJson_ChineseLabels_Accepted()
    {
        var bundle = Json("""
            {
              "applications": [ { "reference": "A1", "applicantType": "社会公益组织", "channel": "网络", "receivedOn": "2024-03-05",
                                  "outcome": "危及\"三安全一稳定\"", "closedOn": "2024-03-20" } ],
              "appeals": [ { "reference": "F1", "kind": "复议后起诉", "filedOn": "2024-05-01", "result": "结果纠正", "closedOn": "2024-07-01" } ],
              "notices": [ { "reference": "N1", "title": "通知", "office": "民生服务中心", "category": "民生服务", "kind": "行政规范性文件",
                             "channels": ["微信公众号", "公开栏"], "form": "图文", "origin": "转发", "publishedOn": "2024-04-02", "repealedOn": null } ]
            }
            """);

        var app = bundle.Applications.Single();
        (app.ApplicantType, app.Channel, app.Outcome).ShouldBe((ApplicantType.PublicInterest, ApplicationChannel.Online, ApplicationOutcome.WithheldThreeSecurityOneStability));
        var appeal = bundle.Appeals.Single();
        (appeal.Kind, appeal.Result).ShouldBe((AppealKind.LitigationAfterReconsideration, AppealResult.Corrected));
        var notice = bundle.Notices.Single();
        notice.Kind.ShouldBe(NoticeKind.NormativeDocument);
        notice.Channels.ShouldBe([Channel.WeChat, Channel.NoticeBoard]);
        (notice.Form, notice.Origin).ShouldBe((ContentForm.TextImage, ContentOrigin.Forwarded));
    }

    [Fact]
    public void ParseJson_UnknownChannel_NamesNotice()
    {
        var e = Refused("""
            { "notices": [ { "reference": "GK-1", "title": "t", "office": "o", "category": "c", "kind": "News",
                             "channels": ["WeChat", "TikTok"], "publishedOn": "2024-04-02" } ] }
            """);

        e.Message.ShouldBe("ledger.json: notices[0] (GK-1).channels: unknown code \"TikTok\"");
    }

    [Fact]
    public void ParseJson_SeveralErrors_CollectsEveryOne()
    {
        var e = Refused(Applications(App("XH-1", applicantType: "\"Alien\""), App("XH-2", receivedOn: "\"2024/03/05\"")));

        e.Errors.Select(x => x.ToString()).ShouldBe([
            "ledger.json: applications[0] (XH-1).applicantType: unknown code \"Alien\"",
            "ledger.json: applications[1] (XH-2).receivedOn: invalid date \"2024/03/05\" (expected yyyy-MM-dd)",
        ]);
        e.Message.ShouldEndWith("(and 1 more)");
    }

    [Fact]
    public void ParseJson_UnknownPart_Refused()
    {
        var e = Refused("""{ "application": [] }""");

        e.Message.ShouldStartWith("ledger.json: unknown part \"application\"");
    }

    [Fact]
    public void ParseJson_NotJson_RefusedNamingFile()
    {
        var e = Refused("{ \"applications\": [ ");

        e.Message.ShouldStartWith("ledger.json: not valid JSON");
    }

    [Theory]
    [InlineData("""{ "applications": [] } x""")]
    [InlineData("""{ "applications": [ { "reference": "XH-1" ] }""")]
    [InlineData("")]
    public void ParseJson_BrokenSyntaxAnywhere_RefusedAsNotJson(string json)
    {
        var e = Refused(json);

        e.Message.ShouldStartWith("ledger.json: not valid JSON (line 1)");
    }

    [Fact]
    public void ParseJson_RootNotAnObject_Refused()
    {
        var e = Refused("""[ { "reference": "XH-1" } ]""");

        e.Message.ShouldBe("ledger.json: expected a JSON object with applications, appeals, yearFigures and notices");
    }

    [Fact]
    public void ParseJson_ByteOrderMarkAndUnknownFields_Accepted()
    {
        var json = Applications(App("XH-1").Replace("{ \"reference\"", "{ \"note\": { \"nested\": [1, 2] }, \"reference\""));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        var bundle = ImportBundleParser.ParseJson(new MemoryStream(bytes), "ledger.json");

        bundle.Applications.Single().Reference.ShouldBe("XH-1");
    }

    [Fact]
    public void ParseJson_FieldHoldingAnObjectOrMixedList_NamesTheField()
    {
        var e = Refused(Applications(App("XH-1", outcome: """{ "code": "Disclosed" }"""), App("XH-2", receivedOn: """[ "2024-03-05", 1 ]""")));

        e.Errors.Select(x => x.ToString()).ShouldBe([
            "ledger.json: applications[0] (XH-1).outcome: expected a single value",
            "ledger.json: applications[1] (XH-2).receivedOn: expected a single value",
        ]);
    }

    [Fact]
    public void ParseJson_PartThatIsNotAnArray_AndItemThatIsNotAnObject_Refused()
    {
        var e = Refused("""{ "appeals": { }, "applications": [ 7 ] }""");

        e.Errors.Select(x => x.ToString()).ShouldBe([
            "ledger.json: \"appeals\" must be an array",
            "ledger.json: applications[0]: expected an object",
        ]);
    }

    [Fact]
    public void ParseJson_PartGivenTwice_Refused()
    {
        var e = Refused($$"""{ "applications": [ {{App("XH-1")}} ], "applications": [ {{App("XH-2")}} ] }""");

        e.Message.ShouldBe("ledger.json: \"applications\" appears twice");
    }

    [Fact]
    public void ParseJson_EmptyObject_GivesEmptyBundle()
    {
        var bundle = Json("{}");

        bundle.Applications.ShouldBeEmpty();
        bundle.Notices.ShouldBeEmpty();
    }

    [Fact]
    public void ParseCsv_Applications_ReadsRowsWithLabelsAndQuotes()
    {
        const string csv = """
            reference,applicantType,channel,receivedOn,request,outcome,closedOn
            XH-1,自然人,当面,2024-03-05,"申请公开""低保""名单,以及说明",予以公开,2024-03-20
            XH-2,LegalService,Mail,2024-04-01,,,
            """;

        var bundle = ImportBundleParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "apps.csv", ImportKind.Applications);

        bundle.Applications.Count.ShouldBe(2);
        bundle.Applications[0].Request.ShouldBe("申请公开\"低保\"名单,以及说明");
        bundle.Applications[0].Outcome.ShouldBe(ApplicationOutcome.Disclosed);
        bundle.Applications[1].Outcome.ShouldBeNull();
        bundle.Applications[1].Location.ToString().ShouldBe("apps.csv: row 3 (XH-2)");
    }

    [Fact]
    public void ParseCsv_Notices_ChannelsSeparatedBySemicolonOrEnumerationComma()
    {
        const string csv = """
            reference,title,office,category,kind,channels,form,origin,publishedOn,repealedOn
            GK-1,通知一,民生服务中心,民生服务,公示,PlatformCatalog;WeChat,Text,SelfEdited,2024-04-02,
            GK-2,通知二,综合办公室,基层治理,Announcement,公开栏、大喇叭,,,2024-05-02,
            """;

        var bundle = ImportBundleParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "notices.csv", ImportKind.Notices);

        bundle.Notices[0].Channels.ShouldBe([Channel.PlatformCatalog, Channel.WeChat]);
        bundle.Notices[1].Channels.ShouldBe([Channel.NoticeBoard, Channel.Loudspeaker]);
        bundle.OfficeNames.ShouldBe(["民生服务中心", "综合办公室"], ignoreOrder: true);
    }

    [Fact]
    public void ParseCsv_BadCode_NamesRowAndField()
    {
        const string csv = "reference,kind,filedOn,result,closedOn\nFY-1,Reconsideration,2024-05-01,Won,2024-06-01\n";

        var e = Should.Throw<ImportException>(() => ImportBundleParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "appeals.csv", ImportKind.Appeals));

        e.Message.ShouldBe("appeals.csv: row 2 (FY-1).result: unknown code \"Won\"");
    }

    [Fact]
    public void ParseCsv_Gb18030File_Decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "reference,kind,filedOn,result,closedOn\nFY-1,行政复议,2024-05-01,结果维持,2024-06-01\n";

        var bundle = ImportBundleParser.Parse(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(csv)), "appeals.csv", ImportKind.Appeals);

        bundle.Appeals.Single().Result.ShouldBe(AppealResult.Upheld);
    }

    [Fact]
    public void Parse_CsvWithoutKind_Refused()
    {
        var e = Should.Throw<ImportException>(() => ImportBundleParser.Parse(new MemoryStream([]), "apps.csv"));

        e.Message.ShouldStartWith("apps.csv: a .csv or .xlsx file holds one kind of record");
    }

    [Fact]
    public void ParseXlsx_Applications_ReadsRows()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["reference"] = "XH-1", ["applicantType"] = "商业企业", ["channel"] = "Online", ["receivedOn"] = new DateTime(2024, 3, 5), ["request"] = "…", ["outcome"] = "Withheld.StateSecret", ["closedOn"] = "2024-03-20" },
            new Dictionary<string, object?> { ["reference"] = "XH-2", ["applicantType"] = "Research", ["channel"] = "传真", ["receivedOn"] = "2024-12-30", ["request"] = null, ["outcome"] = null, ["closedOn"] = null },
        };
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;

        var bundle = ImportBundleParser.Parse(stream, "apps.xlsx", ImportKind.Applications);

        bundle.Applications.Count.ShouldBe(2);
        bundle.Applications[0].ApplicantType.ShouldBe(ApplicantType.Business);
        bundle.Applications[0].ReceivedOn.ShouldBe(new DateOnly(2024, 3, 5));
        bundle.Applications[0].Outcome.ShouldBe(ApplicationOutcome.WithheldStateSecret);
        bundle.Applications[1].Channel.ShouldBe(ApplicationChannel.Fax);
        bundle.Applications[1].ClosedOn.ShouldBeNull();
    }

    [Fact]
    public void ParseXlsx_YearFiguresWithBadValue_NamesSpreadsheetRow()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["year"] = 2024, ["licensing"] = 3, ["penalty"] = 1, ["enforcement"] = 0, ["feesTenThousandYuan"] = 0.35 },
            new Dictionary<string, object?> { ["year"] = 2025, ["licensing"] = 2.5, ["penalty"] = 1, ["enforcement"] = 0, ["feesTenThousandYuan"] = 0 },
        };
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;

        var e = Should.Throw<ImportException>(() => ImportBundleParser.Parse(stream, "figures.xlsx", ImportKind.YearFigures));

        e.Message.ShouldBe("figures.xlsx: row 3 (2025).licensing: expected a whole number ≥ 0, got \"2.5\"");
    }

    [Theory]
    [InlineData("applications", ImportKind.Applications)]
    [InlineData("yearFigures", ImportKind.YearFigures)]
    public void TryParseKind_CommandLineName_Parses(string text, ImportKind expected)
    {
        ImportBundleParser.TryParseKind(text, out var kind).ShouldBeTrue();
        kind.ShouldBe(expected);
    }
}
