namespace XiheWorkflow.Domain.Notices;

public enum NoticeKind { Regulation, NormativeDocument, Publicity, Announcement, Policy, Interpretation, News, Post }

public enum Channel { PlatformDisclosure, PlatformCatalog, PlatformNews, WeChat, Weibo, NoticeBoard, Screen, Loudspeaker }

public enum ContentForm { Text, TextImage, Video, Animation }

public enum ContentOrigin { SelfEdited, Forwarded }
