namespace XiheWorkflow.Domain.Publicity;

/// <summary>How a publicity period is counted: 自然日 or 工作日.</summary>
public enum PeriodUnit { CalendarDays, WorkingDays }
