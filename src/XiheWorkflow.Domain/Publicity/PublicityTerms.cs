using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Domain.Publicity;

/// <summary>The rule a 公示 runs under and the calendar its days are counted on, fixed when it is published.</summary>
public sealed record PublicityTerms(PublicityRule Rule, WorkingCalendar Calendar);
