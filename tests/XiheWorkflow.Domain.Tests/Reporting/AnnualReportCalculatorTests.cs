using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Reporting;

public class AnnualReportCalculatorTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static ApplicationRecord Open(ApplicantType t, string received) => new(t, D(received));

    private static ApplicationRecord Closed(ApplicantType t, string received, ApplicationOutcome o, string closed) => new(t, D(received), o, D(closed));

    [Fact]
    public void Compute_YearWithNoData_AllZerosAndChecksOk()
    {
        var report = AnnualReportCalculator.Compute(2023, new ReportInputs());

        report.Year.ShouldBe(2023);
        report.TableA.ShouldBe(new TableA(new(0, 0, 0), new(0, 0, 0), 0, 0, 0, 0m));
        report.TableB.Rows.Select(r => r.Code).ShouldBe(TableB.RowCodes);
        report.TableB.Rows.Count.ShouldBe(25);
        report.TableB.Rows.ShouldAllBe(r => r.Values.Count == 7 && r.Values.All(v => v == 0));
        report.TableC.Kinds.Select(k => k.Kind).ShouldBe(Enum.GetValues<AppealKind>());
        report.TableC.Kinds.ShouldAllBe(k => k.Upheld + k.Corrected + k.Other + k.Pending + k.Total == 0);
        report.Publishing.ByChannel.Keys.ShouldBe(Enum.GetValues<Channel>(), ignoreOrder: true);
        report.Publishing.ByChannel.Values.ShouldAllBe(v => v == 0);
        report.Publishing.WeChatByForm.Values.ShouldAllBe(v => v == 0);
        report.Publishing.WeChatByOrigin.Values.ShouldAllBe(v => v == 0);
        report.Checks.Count.ShouldBe(7 + 7 + 25 + 3);
        report.Checks.ShouldAllBe(c => c.Ok);
        report.ChecksOk.ShouldBeTrue();
    }

    [Fact]
    public void Compute_OpenFromEarlierYear_CountsCarriedOverAndCarriedForward()
    {
        var report = AnnualReportCalculator.Compute(2024, new ReportInputs { Applications = [Open(ApplicantType.Research, "2023-12-30")] });

        report.TableB.Row(TableB.Received)["Research"].ShouldBe(0);
        report.TableB.Row(TableB.CarriedOver)["Research"].ShouldBe(1);
        report.TableB.Row(TableB.TotalRow)["Research"].ShouldBe(0);
        report.TableB.Row(TableB.CarriedForward)["Research"].ShouldBe(1);
        report.TableB.Row(TableB.CarriedForward).Total.ShouldBe(1);
        report.ChecksOk.ShouldBeTrue();
    }

    [Fact]
    public void Compute_ClosedOnFirstJanuary_CarriedOverAndClosedInYear()
    {
        var app = Closed(ApplicantType.LegalService, "2023-11-30", ApplicationOutcome.UnavailableNotHeld, "2024-01-01");

        var y2023 = AnnualReportCalculator.Compute(2023, new ReportInputs { Applications = [app] });
        var y2024 = AnnualReportCalculator.Compute(2024, new ReportInputs { Applications = [app] });

        y2023.TableB.Row(TableB.Received)["LegalService"].ShouldBe(1);
        y2023.TableB.Row(TableB.CarriedForward)["LegalService"].ShouldBe(1);
        y2023.TableB.Row(TableB.TotalRow)["LegalService"].ShouldBe(0);
        y2024.TableB.Row(TableB.CarriedOver)["LegalService"].ShouldBe(1);
        y2024.TableB.Row("Unavailable.NotHeld")["LegalService"].ShouldBe(1);
        y2024.TableB.Row(TableB.TotalRow).Total.ShouldBe(1);
        y2024.TableB.Row(TableB.CarriedForward).Total.ShouldBe(0);
        y2023.ChecksOk.ShouldBeTrue();
        y2024.ChecksOk.ShouldBeTrue();
    }

    [Fact]
    public void Compute_ClosedOnLastDayOfPreviousYear_NotCarriedOver()
    {
        var app = Closed(ApplicantType.NaturalPerson, "2023-10-31", ApplicationOutcome.WithheldThirdPartyRights, "2023-12-31");

        var y2023 = AnnualReportCalculator.Compute(2023, new ReportInputs { Applications = [app] });
        var y2024 = AnnualReportCalculator.Compute(2024, new ReportInputs { Applications = [app] });

        y2023.TableB.Row(ApplicationOutcome.WithheldThirdPartyRights)["NaturalPerson"].ShouldBe(1);
        y2023.TableB.Row(TableB.CarriedForward).Total.ShouldBe(0);
        y2024.TableB.Rows.ShouldAllBe(r => r.Total == 0);
    }

    [Fact]
    public void Compute_ReceivedAfterYear_NotCounted()
    {
        var report = AnnualReportCalculator.Compute(2024, new ReportInputs { Applications = [Open(ApplicantType.Business, "2025-01-01")] });

        report.TableB.Rows.ShouldAllBe(r => r.Total == 0);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Compute_CarriedOverClosedAndOpenMix_BalanceHoldsInEveryColumn(int year)
    {
        var random = new Random(20240131);
        var apps = new List<ApplicationRecord>();
        for (var i = 0; i < 400; i++)
        {
            var type = (ApplicantType)random.Next(6);
            var received = new DateOnly(2022, 1, 1).AddDays(random.Next(365 * 5));
            apps.Add(random.Next(4) == 0
                ? new ApplicationRecord(type, received)
                : new ApplicationRecord(type, received, ApplicationOutcomes.All[random.Next(ApplicationOutcomes.All.Count)], received.AddDays(random.Next(120))));
        }

        var report = AnnualReportCalculator.Compute(year, new ReportInputs { Applications = apps });

        var b = report.TableB;
        for (var c = 0; c < 7; c++)
        {
            (b.Row(TableB.Received).Values[c] + b.Row(TableB.CarriedOver).Values[c])
                .ShouldBe(b.Row(TableB.TotalRow).Values[c] + b.Row(TableB.CarriedForward).Values[c]);
        }
        b.Row(TableB.CarriedOver).Total.ShouldBeGreaterThan(0);
        b.Row(TableB.TotalRow).Total.ShouldBeGreaterThan(0);
        b.Row(TableB.CarriedForward).Total.ShouldBeGreaterThan(0);
        report.Checks.ShouldAllBe(c => c.Ok);
    }

    [Fact]
    public void Compute_EveryOutcome_LandsInItsOwnRow()
    {
        var apps = ApplicationOutcomes.All.Select(o => Closed(ApplicantType.PublicInterest, "2024-03-01", o, "2024-03-10")).ToList();

        var report = AnnualReportCalculator.Compute(2024, new ReportInputs { Applications = apps });

        foreach (var o in ApplicationOutcomes.All) report.TableB.Row(o)["PublicInterest"].ShouldBe(1, o.Code());
        report.TableB.Row(TableB.TotalRow)["PublicInterest"].ShouldBe(21);
        report.ChecksOk.ShouldBeTrue();
    }

    [Fact]
    public void Compute_Appeals_ClosedInYearByResultAndPendingAtYearEnd()
    {
        AppealRecord A(AppealKind k, string filed, AppealResult? r = null, string? closed = null) =>
            new(k, D(filed), r, closed is null ? null : D(closed));
        var appeals = new[]
        {
            A(AppealKind.Reconsideration, "2023-05-01", AppealResult.Upheld, "2024-02-01"),
            A(AppealKind.Reconsideration, "2024-03-01", AppealResult.Corrected, "2024-12-31"),
            A(AppealKind.Reconsideration, "2023-01-01"),
            A(AppealKind.Reconsideration, "2024-11-01", AppealResult.Other, "2025-01-05"),
            A(AppealKind.Reconsideration, "2025-01-01"),
            A(AppealKind.Reconsideration, "2023-01-01", AppealResult.Other, "2023-12-31"),
            A(AppealKind.LitigationDirect, "2024-06-01", AppealResult.Other, "2024-06-30"),
        };

        var c = AnnualReportCalculator.Compute(2024, new ReportInputs { Appeals = appeals }).TableC;

        c[AppealKind.Reconsideration].ShouldBe(new AppealCounts(AppealKind.Reconsideration, 1, 1, 0, 2, 4));
        c[AppealKind.LitigationDirect].ShouldBe(new AppealCounts(AppealKind.LitigationDirect, 0, 0, 1, 0, 1));
        c[AppealKind.LitigationAfterReconsideration].Total.ShouldBe(0);
    }

    [Fact]
    public void Compute_Documents_IssuedRepealedAndInForceOnLastDay()
    {
        var notices = new[]
        {
            new NoticeRecord(NoticeKind.NormativeDocument, D("2023-05-01")),
            new NoticeRecord(NoticeKind.NormativeDocument, D("2023-05-01"), D("2024-06-01")),
            new NoticeRecord(NoticeKind.NormativeDocument, D("2024-02-01"), D("2024-12-31")),
            new NoticeRecord(NoticeKind.NormativeDocument, D("2024-02-01"), D("2025-01-01")),
            new NoticeRecord(NoticeKind.NormativeDocument, D("2025-01-01")),
            new NoticeRecord(NoticeKind.Regulation, D("2024-07-01")),
            new NoticeRecord(NoticeKind.Publicity, D("2024-07-01")),
        };

        var a = AnnualReportCalculator.Compute(2024, new ReportInputs
        {
            Notices = notices,
            YearFigures = [new YearFigures(2023, 5, 5, 5, 1m), new YearFigures(2024, 3, 1, 2, 0.35m)],
        }).TableA;

        a.NormativeDocuments.ShouldBe(new DocumentCounts(Issued: 2, Repealed: 2, InForce: 2));
        a.Regulations.ShouldBe(new DocumentCounts(1, 0, 1));
        (a.Licensing, a.Penalty, a.Enforcement, a.FeesTenThousandYuan).ShouldBe((3, 1, 2, 0.35m));
    }

    [Fact]
    public void Compute_Postings_OncePerChannelPerNoticeWithinYear()
    {
        var postings = new[]
        {
            new ChannelPosting("N1", Channel.WeChat, D("2024-01-01"), ContentForm.Video, ContentOrigin.SelfEdited),
            new ChannelPosting("N1", Channel.WeChat, D("2024-05-01"), ContentForm.Video, ContentOrigin.SelfEdited),
            new ChannelPosting("N1", Channel.NoticeBoard, D("2024-01-01")),
            new ChannelPosting("N2", Channel.WeChat, D("2024-12-31"), ContentForm.Text, ContentOrigin.Forwarded),
            new ChannelPosting("N3", Channel.WeChat, D("2023-12-31"), ContentForm.Text, ContentOrigin.Forwarded),
            new ChannelPosting("N4", Channel.Screen, D("2025-01-01")),
        };

        var p = AnnualReportCalculator.Compute(2024, new ReportInputs { Postings = postings }).Publishing;

        p.ByChannel[Channel.WeChat].ShouldBe(2);
        p.ByChannel[Channel.NoticeBoard].ShouldBe(1);
        p.ByChannel[Channel.Screen].ShouldBe(0);
        p.WeChatByForm[ContentForm.Video].ShouldBe(1);
        p.WeChatByForm[ContentForm.Text].ShouldBe(1);
        p.WeChatByOrigin[ContentOrigin.SelfEdited].ShouldBe(1);
        p.WeChatByOrigin[ContentOrigin.Forwarded].ShouldBe(1);
    }
}
