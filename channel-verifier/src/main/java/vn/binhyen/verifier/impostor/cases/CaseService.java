package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.verifier.impostor.web.LiveScorer;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * The owning unit's work on impostor cases (its queue, the evidence, confirm or dismiss) and the
 * published list of confirmed impostors. Only the case's unit may OPERATE on it.
 */
public final class CaseService {

  /** A case with its reports. */
  public record CaseDetail(ImpostorCase kase, List<ImpostorReport> reports) {}

  /** A unit's published impostors and how often it has been imitated. */
  public record UnitImpostors(Tenant unit, Page<ImpostorCase> impostors, long confirmed, long reports) {}

  private final Services services;
  private final EvidenceStore evidence;
  private final CaseRepository repo = new CaseRepository();
  private final ChannelRepository channels = new ChannelRepository();

  public CaseService(Services services, EvidenceStore evidence) {
    this.services = services;
    this.evidence = evidence;
  }

  /** The unit's cases (the scope handler has checked OPERATE on the unit); open ones first. */
  public Future<Page<ImpostorCase>> queue(Tenant unit, String status, int limit, int offset) {
    return services.db().inScope(unit.path(), tx -> repo.queue(tx, unit.path(), status, limit, offset));
  }

  /** One case with its evidence. Fails with NotFound, Forbidden (not the case's unit). */
  public Future<CaseDetail> get(Principal p, long caseId) {
    return authorised(p, caseId).compose(kase -> services.db().inScope(kase.tenantPath(),
        tx -> repo.reports(tx, caseId).map(reports -> new CaseDetail(kase, reports))));
  }

  /**
   * Confirms (publishes) or dismisses an open case, audited in the same transaction. Fails with
   * NotFound, Forbidden, Invalid ({@code note-required}), Conflict ({@code case-decided},
   * {@code no-link}, {@code official-channel}).
   */
  public Future<ImpostorCase> decide(Principal p, long caseId, boolean confirm, String note, String requestId) {
    return authorised(p, caseId).compose(kase -> {
      if (!ImpostorCase.OPEN.equals(kase.status())) {
        return Future.failedFuture(new DomainError.Conflict("case-decided",
            "Vụ việc đã được xử lý (" + kase.status() + ") / the case was already decided (" + kase.status() + ")"));
      }
      if (confirm && kase.normalizedLink() == null) {
        return Future.failedFuture(new DomainError.Conflict("no-link",
            "Chỉ công bố được trang có liên kết; hãy bác bỏ và chờ báo cáo có liên kết"
                + " / only a page with a link can be published; dismiss it and wait for a report with the link"));
      }
      if (note == null || note.isBlank()) {
        return Future.failedFuture(new DomainError.Invalid("note-required",
            "Hãy ghi chú lý do / write a note with the reason"));
      }
      Future<Void> notOfficial = confirm ? refuseOfficial(kase.normalizedLink()) : Future.succeededFuture();
      return notOfficial.compose(ok -> services.tenantDirectory().byCode(p.tenantCode())).compose(mine -> services.db().inScope(kase.tenantPath(),
          tx -> repo.decide(tx, caseId, confirm ? ImpostorCase.CONFIRMED : ImpostorCase.DISMISSED, p.userId(),
                  p.displayName(), note.trim(), confirm ? mine.code() : null, confirm ? mine.name() : null)
              .compose(updated -> updated.isEmpty()
                  ? Future.failedFuture(new DomainError.Conflict("case-decided",
                      "Vụ việc vừa được xử lý / the case was just decided"))
                  : services.audit().append(tx, new AuditEntry(p.userId(), p.username(), kase.tenantPath(),
                          confirm ? "impostor.confirm" : "impostor.dismiss", "impostor_case:" + caseId,
                          new JsonObject().put("status", kase.status()),
                          new JsonObject().put("status", updated.get().status()).put("note", note.trim())
                              .put("link", kase.normalizedLink()), requestId))
                      .compose(x -> confirm ? logConfirmation(tx, updated.get(), mine.code()) : Future.succeededFuture())
                      .map(updated.get()))))
          .onSuccess(done -> {
            if (confirm) {
              services.vertx().eventBus().publish(LiveScorer.CONFIRMED, caseId);
              services.find(TransparencyLog.class).ifPresent(log -> log.publishHead());
            }
          });
    });
  }

  /**
   * In the confirmation's transaction: a transparency-log leaf {@code impostor.confirm} naming the
   * link, the unit imitated and the confirming unit, its index kept on the case for the feed.
   */
  private Future<Void> logConfirmation(io.vertx.sqlclient.SqlConnection tx, ImpostorCase kase, String confirmedBy) {
    TransparencyLog log = services.get(TransparencyLog.class);
    return log.append(tx, new JsonObject().put("op", "impostor.confirm").put("link", kase.normalizedLink())
            .put("platform", kase.platform()).put("name", kase.displayName()).put("imitates", kase.unitCode())
            .put("by", confirmedBy).put("case", kase.id()))
        .compose(index -> repo.setLogIndex(tx, kase.id(), index));
  }

  /** Every confirmed impostor for the public feed, newest first (at most {@code limit}). */
  public Future<List<FeedEntry>> feed(int limit) {
    return repo.feed(services.db().reads(), limit);
  }

  /** A verified official channel is never published as an impostor (the scorer would then contradict the registry). */
  private Future<Void> refuseOfficial(String normalizedLink) {
    return channels.findByNormalizedId(services.db().pool(), normalizedLink).compose(found -> found.isPresent()
        && found.get().status() == ChannelStatus.VERIFIED
        ? Future.failedFuture(new DomainError.Conflict("official-channel",
            "Đây là kênh chính thức đã xác thực, không thể công bố là giả mạo; hãy bác bỏ hoặc đề nghị thu hồi kênh"
                + " / this is a verified official channel and cannot be published as an impostor; dismiss the case or ask for the channel to be revoked"))
        : Future.succeededFuture());
  }

  /** The stored screenshot of one report of a case, with its type. Fails with NotFound, Forbidden. */
  public Future<Screenshot> screenshot(Principal p, long caseId, long reportId) {
    return authorised(p, caseId).compose(kase -> services.db().inScope(kase.tenantPath(),
        tx -> repo.screenshot(tx, caseId, reportId)))
        .map(found -> found.map(s -> new Screenshot(evidence.path(s[0]), s[1]))
            .orElseThrow(() -> new DomainError.NotFound("ảnh chụp / screenshot")));
  }

  /** A screenshot file and its sniffed type. */
  public record Screenshot(Path file, String type) {}

  /** Confirmed impostors nationally, newest first. Public. */
  public Future<Page<ImpostorCase>> published(int limit, int offset) {
    return repo.confirmed(services.db().reads(), null, limit, offset);
  }

  /** One unit's confirmed impostors and figures. Public. Fails with NotFound (no such current unit). */
  public Future<UnitImpostors> publishedForUnit(String code, int limit, int offset) {
    return services.tenantDirectory().byCode(code).compose(unit -> repo.confirmed(services.db().pool(),
            unit.path(), limit, offset)
        .compose(page -> repo.unitFigures(services.db().pool(), unit.path())
            .map(f -> new UnitImpostors(unit, page, f[0], f[1]))));
  }

  /** Loads the case (root scope, for the check only) and checks OPERATE on its unit. */
  private Future<ImpostorCase> authorised(Principal p, long caseId) {
    return services.tenantDirectory().byCode(ReportService.ROOT)
        .compose(root -> services.db().inScope(root.path(), tx -> repo.findById(tx, caseId)))
        .map(found -> {
          ImpostorCase kase = found.orElseThrow(() -> new DomainError.NotFound("vụ việc #" + caseId + " / case #" + caseId));
          services.policy().check(p, kase.tenantPath(), Action.OPERATE);
          return kase;
        });
  }
}
