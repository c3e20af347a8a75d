using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Common;

/// <summary>The Chinese labels of INTERFACES.md §4, in one place.</summary>
internal static class KnownLabels
{
    public static void RegisterAll()
    {
        CodeLabels.Register(
            (NoticeKind.Regulation, "规章"), (NoticeKind.NormativeDocument, "行政规范性文件"),
            (NoticeKind.Publicity, "公示"), (NoticeKind.Announcement, "公告/通知"),
            (NoticeKind.Policy, "政策文件"), (NoticeKind.Interpretation, "政策解读"),
            (NoticeKind.News, "新闻"), (NoticeKind.Post, "新媒体推送"));
        CodeLabels.Register(
            (Channel.PlatformDisclosure, "政府信息公开"), (Channel.PlatformCatalog, "部门信息公开目录"),
            (Channel.PlatformNews, "新闻中心"), (Channel.WeChat, "微信公众号"), (Channel.Weibo, "微博"),
            (Channel.NoticeBoard, "公开栏"), (Channel.Screen, "电子屏"), (Channel.Loudspeaker, "大喇叭"));
        CodeLabels.Register(
            (ContentForm.Text, "文字"), (ContentForm.TextImage, "图文"), (ContentForm.Video, "视频"),
            (ContentForm.Animation, "动漫"));
        CodeLabels.Register((ContentOrigin.SelfEdited, "自主编辑"), (ContentOrigin.Forwarded, "转发"));
        CodeLabels.Register(
            (CommentSource.Phone, "电话"), (CommentSource.Letter, "来信"), (CommentSource.Visit, "来访"),
            (CommentSource.Mailbox, "信箱"), (CommentSource.Online, "网上"), (CommentSource.WeChat, "微信"));
        CodeLabels.Register(
            (CommentKind.Suggestion, "意见建议"), (CommentKind.Objection, "异议"), (CommentKind.Inquiry, "咨询"), (CommentKind.Report, "举报"));
        CodeLabels.Register(
            (CommentStatus.Pending, "待处理"), (CommentStatus.Answered, "已答复"), (CommentStatus.Adopted, "已采纳"),
            (CommentStatus.NotAdopted, "不予采纳"));
        CodeLabels.Register(
            (NoticeState.Draft, "草稿"), (NoticeState.InReview, "审核中"), (NoticeState.Approved, "已审核待发布"),
            (NoticeState.Published, "已发布"), (NoticeState.InPublicity, "公示中"), (NoticeState.PublicityEnded, "公示期满"),
            (NoticeState.Concluded, "已办结"), (NoticeState.Returned, "退回修改"), (NoticeState.Rejected, "不予发布"),
            (NoticeState.Withdrawn, "已回收"), (NoticeState.Expired, "已失效"));
        CodeLabels.Register(
            (NoticeAction.Submit, "提交审核"), (NoticeAction.Approve, "通过"), (NoticeAction.Return, "退回修改"),
            (NoticeAction.Reject, "不予发布"), (NoticeAction.Publish, "发布"), (NoticeAction.Withdraw, "回收"),
            (NoticeAction.Schedule, "定时发布"), (NoticeAction.CloseWindow, "公示期满"), (NoticeAction.Extend, "延长公示"),
            (NoticeAction.Conclude, "办结"), (NoticeAction.SubmitCorrection, "更正"),
            (NoticeAction.ApproveCorrection, "更正通过"), (NoticeAction.ReturnCorrection, "更正退回修改"),
            (NoticeAction.RejectCorrection, "更正不予发布"), (NoticeAction.Clarify, "说明"),
            (NoticeAction.Renew, "继续有效"), (NoticeAction.Expire, "已失效"),
            (NoticeAction.RecomputeWindow, "公示期重算"));
        CodeLabels.Register(
            (CorrectionStatus.Draft, "草稿"), (CorrectionStatus.InReview, "审核中"), (CorrectionStatus.Returned, "退回修改"),
            (CorrectionStatus.Rejected, "不予发布"), (CorrectionStatus.Published, "已发布"));
        CodeLabels.Register((PublicityOutcome.NoObjection, "无异议"), (PublicityOutcome.Objection, "有异议"));
        CodeLabels.Register((PeriodUnit.CalendarDays, "自然日"), (PeriodUnit.WorkingDays, "工作日"));
        CodeLabels.Register(
            (ApplicantType.NaturalPerson, "自然人"), (ApplicantType.Business, "商业企业"),
            (ApplicantType.Research, "科研机构"), (ApplicantType.PublicInterest, "社会公益组织"),
            (ApplicantType.LegalService, "法律服务机构"), (ApplicantType.OtherOrganization, "其他"));
        CodeLabels.Register(
            (ApplicationChannel.InPerson, "当面"), (ApplicationChannel.Mail, "邮寄"), (ApplicationChannel.Online, "网络"),
            (ApplicationChannel.Fax, "传真"), (ApplicationChannel.Other, "其他"));
        CodeLabels.Register(
            (AppealKind.Reconsideration, "行政复议"), (AppealKind.LitigationDirect, "未经复议直接起诉"),
            (AppealKind.LitigationAfterReconsideration, "复议后起诉"));
        CodeLabels.Register((AppealResult.Upheld, "结果维持"), (AppealResult.Corrected, "结果纠正"), (AppealResult.Other, "其他结果"));
        CodeLabels.RegisterCodes(ApplicationOutcomes.CodeTable().ToArray());
        CodeLabels.Register(
            (ApplicationOutcome.Disclosed, "予以公开"), (ApplicationOutcome.PartiallyDisclosed, "部分公开"),
            (ApplicationOutcome.WithheldStateSecret, "属于国家秘密"),
            (ApplicationOutcome.WithheldProhibitedByLaw, "其他法律行政法规禁止公开"),
            (ApplicationOutcome.WithheldThreeSecurityOneStability, "危及\"三安全一稳定\""),
            (ApplicationOutcome.WithheldThirdPartyRights, "保护第三方合法权益"),
            (ApplicationOutcome.WithheldInternalAffairs, "属于三类内部事务信息"),
            (ApplicationOutcome.WithheldProcessInformation, "属于四类过程性信息"),
            (ApplicationOutcome.WithheldEnforcementCaseFile, "属于行政执法案卷"),
            (ApplicationOutcome.WithheldAdministrativeQuery, "属于行政查询事项"),
            (ApplicationOutcome.UnavailableNotHeld, "本机关不掌握相关政府信息"),
            (ApplicationOutcome.UnavailableNeedsCreation, "没有现成信息需要另行制作"),
            (ApplicationOutcome.UnavailableStillUnclear, "补正后申请内容仍不明确"),
            (ApplicationOutcome.NotProcessedPetition, "信访举报投诉类申请"),
            (ApplicationOutcome.NotProcessedDuplicate, "重复申请"),
            (ApplicationOutcome.NotProcessedPublication, "要求提供公开出版物"),
            (ApplicationOutcome.NotProcessedExcessive, "无正当理由大量反复申请"),
            (ApplicationOutcome.NotProcessedConfirmation, "要求行政机关确认或重新出具已获取信息"),
            (ApplicationOutcome.OtherNoSupplement, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            (ApplicationOutcome.OtherFeeUnpaid, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            (ApplicationOutcome.OtherOther, "其他"));
        // INTERFACES.md shortens the two long labels with "…" and ledgers do the same; Chinese
        // text often writes the quotes full-width.
        CodeLabels.RegisterAliases(
            (ApplicationOutcome.WithheldThreeSecurityOneStability, "危及“三安全一稳定”"),
            (ApplicationOutcome.PartiallyDisclosed, "部分公开（区分处理的，只计这一情形，不计其他情形）"),
            (ApplicationOutcome.OtherNoSupplement, "申请人无正当理由逾期不补正"),
            (ApplicationOutcome.OtherNoSupplement, "申请人无正当理由逾期不补正…"),
            (ApplicationOutcome.OtherFeeUnpaid, "申请人逾期未按收费通知要求缴纳费用"),
            (ApplicationOutcome.OtherFeeUnpaid, "申请人逾期未按收费通知要求缴纳费用…"));
    }
}
