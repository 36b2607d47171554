package vn.binhyen.core.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The social networks and web presences a police unit can run an official channel on. The {@link #id()}
 * is stable: it is stored in the database and carried inside signed attestations, so never rename one.
 */
public enum Platform {
  ZALO_OA("zalo_oa", "Zalo Official Account", "Zalo Official Account"),
  ZALO_GROUP("zalo_group", "Nhóm Zalo", "Zalo group"),
  FACEBOOK_PAGE("facebook_page", "Trang Facebook", "Facebook page"),
  FACEBOOK_GROUP("facebook_group", "Nhóm Facebook", "Facebook group"),
  YOUTUBE("youtube", "Kênh YouTube", "YouTube channel"),
  TIKTOK("tiktok", "Tài khoản TikTok", "TikTok account"),
  WEBSITE("website", "Trang thông tin điện tử", "Website");

  private final String id;
  private final String labelVi;
  private final String labelEn;

  Platform(String id, String labelVi, String labelEn) {
    this.id = id;
    this.labelVi = labelVi;
    this.labelEn = labelEn;
  }

  /** Stable lowercase identifier, e.g. {@code zalo_oa}. */
  public String id() {
    return id;
  }

  public String labelVi() {
    return labelVi;
  }

  public String labelEn() {
    return labelEn;
  }

  /** The platform with this stable id, if any. */
  public static Optional<Platform> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
