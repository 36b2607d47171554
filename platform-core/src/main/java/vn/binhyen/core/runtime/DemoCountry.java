package vn.binhyen.core.runtime;

import io.vertx.core.Future;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.module.DemoData;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.TenantBulkLoader;
import vn.binhyen.core.tenant.UnitLevel;

/**
 * The demo country: the ministry (BCA) over the real 34 provinces and 3,321 communes of the 2025
 * list, users for every role in Hà Nội and Đắk Lắk, and whatever each feature module adds.
 * Idempotent: a second start keeps the data and sets fresh passwords for the demo users.
 */
public final class DemoCountry {

  private static final Logger log = LoggerFactory.getLogger(DemoCountry.class);

  /** username → (unit code, role, display name). */
  public record DemoUser(String username, String unitCode, Role role, String displayName) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("ministry-admin", "BCA", Role.MINISTRY_ADMIN, "Quản trị Bộ Công an"),
      new DemoUser("ministry-supervisor", "BCA", Role.SUPERVISOR, "Lãnh đạo Bộ Công an"),
      new DemoUser("hanoi-admin", "01", Role.UNIT_ADMIN, "Quản trị Công an TP Hà Nội"),
      new DemoUser("hanoi-supervisor", "01", Role.SUPERVISOR, "Lãnh đạo Công an TP Hà Nội"),
      new DemoUser("badinh-admin", "00004", Role.UNIT_ADMIN, "Quản trị Công an phường Ba Đình"),
      new DemoUser("badinh-officer", "00004", Role.OFFICER, "Cán bộ Công an phường Ba Đình"),
      new DemoUser("hoankiem-officer", "00070", Role.OFFICER, "Cán bộ Công an phường Hoàn Kiếm"),
      new DemoUser("daklak-admin", "66", Role.UNIT_ADMIN, "Quản trị Công an tỉnh Đắk Lắk"),
      new DemoUser("daklak-supervisor", "66", Role.SUPERVISOR, "Lãnh đạo Công an tỉnh Đắk Lắk"),
      new DemoUser("buonmathuot-officer", "24133", Role.OFFICER, "Cán bộ Công an phường Buôn Ma Thuột"));

  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoCountry() {}

  /** Blocking. {@code password} sets every demo user's password (scripts); else each gets a random one. */
  public static DemoData seed(Services s, List<FeatureModule> modules, Optional<String> password) {
    ensureRoot(s).await();
    try (InputStream in = DemoCountry.class.getResourceAsStream("/data/units-2025.csv")) {
      var result = new TenantBulkLoader(s.db(), s.tenantDirectory())
          .load("BCA", TenantBulkLoader.readTrusted(in)).await();
      log.info("Demo country: {} units created, {} already there", result.created(), result.unchanged());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> passwords = new LinkedHashMap<>();
    for (DemoUser u : USERS) {
      String pw = password.orElseGet(DemoCountry::randomPassword);
      upsertUser(s, u, pw).await();
      passwords.put(u.username(), pw);
    }
    DemoData demo = new DemoData(Map.copyOf(passwords));
    for (FeatureModule m : modules) {
      m.seedDemo(s, demo).await();
    }
    s.markAccepting();
    return new DemoData(passwords);
  }

  /** The ministry unit at the root of the tree. */
  public static Future<Void> ensureRoot(Services s) {
    return s.tenantDirectory().byCode("BCA").<Void>mapEmpty()
        .recover(notFound -> s.tenants().create(null, "BCA", "Bộ Công an", UnitLevel.MINISTRY).mapEmpty());
  }

  private static Future<Void> upsertUser(Services s, DemoUser u, String password) {
    return s.users().findByUsernameAsSystem(u.username()).compose(found -> {
      if (found.isPresent()) {
        return s.users().setPassword(found.get().tenantPath(), found.get().id(), password).mapEmpty();
      }
      return s.tenantDirectory().byCode(u.unitCode())
          .compose(t -> s.users().create(null, t, new NewUser(u.username(), u.displayName(), u.role(), password)))
          .mapEmpty();
    });
  }

  static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
