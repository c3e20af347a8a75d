using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Tests.Common;

public class IsoDateTests
{
    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParse_ContractDate_Parses(string text, int year, int month, int day)
    {
        IsoDate.TryParse(text, out var date).ShouldBeTrue();

        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2024/03/05")]
    [InlineData("2024-3-5")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData(" 2024-03-05")]
    [InlineData("2024-03-05 ")]
    [InlineData("+024-03-05")]
    [InlineData("2024-03-0５")]
    [InlineData("20240305")]
    [InlineData("")]
    public void TryParse_AnythingElse_Refused(string text)
    {
        IsoDate.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_EveryDayOfALeapAndACommonYear_RoundTrips()
    {
        for (var day = new DateOnly(2023, 1, 1); day <= new DateOnly(2024, 12, 31); day = day.AddDays(1))
        {
            IsoDate.TryParse(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(day);
        }
    }
}
