using System.Text.Json;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Reporting;

public class AnnualReportJsonTests
{
    [Fact]
    public void Serialize_Report_HasContractShape()
    {
        var report = AnnualReportCalculator.Compute(2024, new ReportInputs
        {
            Applications = [new(ApplicantType.Research, new DateOnly(2024, 2, 1), ApplicationOutcome.WithheldStateSecret, new DateOnly(2024, 2, 9))],
            Postings = [new ChannelPosting("N", Channel.WeChat, new DateOnly(2024, 4, 1), ContentForm.TextImage, ContentOrigin.Forwarded)],
            YearFigures = [new YearFigures(2024, 3, 1, 0, 0.35m)],
        });

        using var doc = JsonDocument.Parse(AnnualReportJson.Serialize(report));
        var root = doc.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["year", "tableA", "tableB", "tableC", "publishing", "checks"]);
        root.GetProperty("year").GetInt32().ShouldBe(2024);
        var a = root.GetProperty("tableA");
        a.EnumerateObject().Select(p => p.Name).ShouldBe(["regulations", "normativeDocuments", "licensing", "penalty", "enforcement", "feesTenThousandYuan"]);
        a.GetProperty("regulations").EnumerateObject().Select(p => p.Name).ShouldBe(["issued", "repealed", "inForce"]);
        a.GetProperty("licensing").GetInt32().ShouldBe(3);
        a.GetProperty("feesTenThousandYuan").GetDecimal().ShouldBe(0.35m);
        var b = root.GetProperty("tableB");
        b.GetProperty("columns").EnumerateArray().Select(e => e.GetString()).ShouldBe(
            ["NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganization", "Total"]);
        var rows = b.GetProperty("rows").EnumerateObject().ToList();
        rows.Select(r => r.Name).ShouldBe([
            "Received", "CarriedOver", "Disclosed", "PartiallyDisclosed",
            "Withheld.StateSecret", "Withheld.ProhibitedByLaw", "Withheld.ThreeSecurityOneStability", "Withheld.ThirdPartyRights",
            "Withheld.InternalAffairs", "Withheld.ProcessInformation", "Withheld.EnforcementCaseFile", "Withheld.AdministrativeQuery",
            "Unavailable.NotHeld", "Unavailable.NeedsCreation", "Unavailable.StillUnclear",
            "NotProcessed.Petition", "NotProcessed.Duplicate", "NotProcessed.Publication", "NotProcessed.Excessive", "NotProcessed.Confirmation",
            "Other.NoSupplement", "Other.FeeUnpaid", "Other.Other", "Total", "CarriedForward"]);
        rows.Single(r => r.Name == "Withheld.StateSecret").Value.EnumerateArray().Select(e => e.GetInt32()).ShouldBe([0, 0, 1, 0, 0, 0, 1]);
        var c = root.GetProperty("tableC");
        c.EnumerateObject().Select(p => p.Name).ShouldBe(["Reconsideration", "LitigationDirect", "LitigationAfterReconsideration"]);
        c.GetProperty("LitigationDirect").EnumerateObject().Select(p => p.Name).ShouldBe(["Upheld", "Corrected", "Other", "Pending", "Total"]);
        var p = root.GetProperty("publishing");
        p.GetProperty("byChannel").EnumerateObject().Select(e => e.Name).ShouldBe(
            ["PlatformDisclosure", "PlatformCatalog", "PlatformNews", "WeChat", "Weibo", "NoticeBoard", "Screen", "Loudspeaker"]);
        p.GetProperty("byChannel").GetProperty("WeChat").GetInt32().ShouldBe(1);
        p.GetProperty("wechat").GetProperty("byForm").GetProperty("TextImage").GetInt32().ShouldBe(1);
        p.GetProperty("wechat").GetProperty("byOrigin").GetProperty("Forwarded").GetInt32().ShouldBe(1);
        var check = root.GetProperty("checks")[0];
        check.EnumerateObject().Select(e => e.Name).ShouldBe(["rule", "description", "ok"]);
        check.GetProperty("rule").GetString().ShouldBe("B.balance.NaturalPerson");
        check.GetProperty("description").GetString().ShouldBe("一+二=三（七）+四（自然人）");
        check.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Serialize_Report_KeepsChineseReadable()
    {
        var json = AnnualReportJson.Serialize(AnnualReportCalculator.Compute(2024, new ReportInputs()));

        json.ShouldContain("一+二=三（七）+四（自然人）");
    }
}
