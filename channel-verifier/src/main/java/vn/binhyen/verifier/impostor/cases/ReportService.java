package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.text.Fold;
import vn.binhyen.verifier.impostor.Verdict;
import vn.binhyen.verifier.impostor.web.CheckJson;
import vn.binhyen.verifier.impostor.web.CheckService;

/**
 * Citizens' reports of suspected impostors: each is scored, routed to the unit whose official
 * channel it imitates (else the unit of the given area, else the ministry) and merged with earlier
 * reports of the same channel into one case. Anonymous: nothing identifying the reporter is kept.
 */
public final class ReportService {

  /** What a citizen reports. Any field may be null, but a link or a name is needed. */
  public record ReportInput(String link, String name, String about, String areaCode, String note) {}

  /** The answer: the report and its case, the token for attaching a screenshot, the scoring. */
  public record Receipt(long reportId, long caseId, boolean merged, String uploadToken, Tenant unit,
      CheckService.Answer check) {}

  static final String ROOT = "BCA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Services services;
  private final CheckService checks;
  private final CaseRepository repo;
  private final EvidenceStore evidence;
  private final int reportsPerHour;

  public ReportService(Services services, CheckService checks, EvidenceStore evidence, int reportsPerHour) {
    this.services = services;
    this.checks = checks;
    this.repo = new CaseRepository();
    this.evidence = evidence;
    this.reportsPerHour = reportsPerHour;
  }

  /**
   * Scores and files a report. Fails with TooManyRequests (per address), Invalid ({@code empty-report},
   * {@code unknown-area}, or the check's own errors).
   */
  public Future<Receipt> report(ReportInput in, String address) {
    if (blank(in.link()) && blank(in.name())) {
      return Future.failedFuture(new DomainError.Invalid("empty-report",
          "Hãy nhập liên kết hoặc tên trang bị nghi giả mạo / give the link or the name of the suspected page"));
    }
    return services.rateLimiter().hit("impostor-report", address, reportsPerHour, Duration.ofHours(1))
        .compose(ok -> services.publicCeilings().admit("impostor-report", reportsPerHour))
        .compose(ok -> {
          CheckService.Answer answer = checks.check(in.link(), in.name(), in.about());
          return owner(answer, in.areaCode()).compose(unit -> file(in, answer, unit));
        });
  }

  /**
   * Attaches a screenshot to a report, once, with the token given when it was filed. Fails with
   * NotFound (no such report or wrong token), Conflict ({@code screenshot-exists}) or the store's errors.
   */
  public Future<EvidenceStore.Stored> attachScreenshot(long reportId, String token, String uploadedFile,
      long size, String address) {
    return services.rateLimiter().hit("impostor-upload", address, reportsPerHour, Duration.ofHours(1))
        .compose(ok -> rootPath())
        .compose(root -> services.db().inScope(root, tx -> repo.uploadTarget(tx, reportId)))
        .compose(target -> {
          if (target.isEmpty() || token == null
              || !MessageDigest.isEqual(target.get().tokenHash(), sha256(token))) {
            return Future.failedFuture(new DomainError.NotFound("báo cáo #" + reportId + " / report #" + reportId));
          }
          if (target.get().hasScreenshot()) {
            return Future.failedFuture(new DomainError.Conflict("screenshot-exists",
                "Báo cáo này đã có ảnh chụp / this report already has a screenshot"));
          }
          return evidence.keep(uploadedFile, size).compose(stored -> rootPath()
              .compose(root -> services.db().inScope(root, tx -> repo.setScreenshot(tx, reportId,
                  stored.sha256(), stored.type(), stored.bytes())))
              .map(stored));
        });
  }

  /**
   * The imitated channel's unit, else the unit the page names (a real unit, even without official
   * channels yet), else the area's unit, else the ministry. National police bodies are not tenants:
   * a page naming one falls back to the area.
   */
  private Future<Tenant> owner(CheckService.Answer answer, String areaCode) {
    Verdict v = answer.verdict();
    String code = !v.resembles().isEmpty() ? v.resembles().get(0).channel().unitCode()
        : !v.officialChannelsOfNamedUnit().isEmpty() ? v.officialChannelsOfNamedUnit().get(0).unitCode()
        : !v.namedUnitCodes().isEmpty() ? v.namedUnitCodes().get(0)
        : null;
    if (code != null) {
      return services.tenantDirectory().byCode(code).recover(e -> area(areaCode));
    }
    return area(areaCode);
  }

  private Future<Tenant> area(String areaCode) {
    if (blank(areaCode)) {
      return services.tenantDirectory().byCode(ROOT);
    }
    return services.tenantDirectory().byCode(areaCode.trim().toUpperCase(Locale.ROOT))
        .recover(e -> Future.failedFuture(new DomainError.Invalid("unknown-area",
            "Không có đơn vị mang mã " + areaCode + " / no unit has code " + areaCode)));
  }

  private Future<Receipt> file(ReportInput in, CheckService.Answer answer, Tenant unit) {
    Verdict v = answer.verdict();
    JsonObject scored = CheckJson.answer(answer);
    JsonArray reasons = scored.getJsonArray("reasons");
    JsonObject imitated = scored.getJsonArray("resembles").isEmpty() ? null
        : scored.getJsonArray("resembles").getJsonObject(0);
    String mergeKey = answer.normalizedLink() != null ? "link:" + answer.normalizedLink()
        : !blank(in.link()) ? "raw:" + in.link().trim().toLowerCase(Locale.ROOT)
        : "name:" + Fold.fold(in.name());
    String token = newToken();
    // Scoped at the root: the channel may already have a case owned by another unit, which this
    // report joins. The application, not the caller, chose the unit.
    return rootPath().compose(root -> services.db().inScope(root, tx -> repo.merge(tx, unit.id(), unit.path(),
            mergeKey, answer.normalizedLink(), answer.platform(), trim(in.name()), trim(in.about()),
            v.verdict().name(), v.score(), reasons, imitated)
        .compose(merged -> repo.insertReport(tx, merged.kase().id(), merged.kase().tenantPath(),
                trim(in.link()), trim(in.name()), trim(in.about()), trim(in.areaCode()), trim(in.note()),
                v.verdict().name(), v.score(), sha256(token))
            .compose(reportId -> ownerOf(merged.kase(), unit)
                .map(owner -> new Receipt(reportId, merged.kase().id(), !merged.created(), token, owner, answer))))));
  }

  private Future<Tenant> ownerOf(ImpostorCase kase, Tenant scored) {
    return kase.tenantId() == scored.id() ? Future.succeededFuture(scored)
        : services.tenantDirectory().byId(kase.tenantId());
  }

  private Future<String> rootPath() {
    return services.tenantDirectory().byCode(ROOT).map(Tenant::path);
  }

  private static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.trim();
  }
}
