namespace XiheWorkflow.Domain.Requests;

/// <summary>The applicant columns of the annual report's table B, in the report's order.</summary>
public enum ApplicantType { NaturalPerson, Business, Research, PublicInterest, LegalService, OtherOrganization }

public enum ApplicationChannel { InPerson, Mail, Online, Fax, Other }

public enum AppealKind { Reconsideration, LitigationDirect, LitigationAfterReconsideration }

/// <summary>How a closed reconsideration or lawsuit ended; a case still open has no result (尚未审结).</summary>
public enum AppealResult { Upheld, Corrected, Other }
