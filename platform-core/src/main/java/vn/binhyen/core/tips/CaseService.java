package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.identity.UserAccount;
import vn.binhyen.core.identity.UserRepository;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantPath;
import vn.binhyen.core.tips.attachments.AttachmentStore;
import vn.binhyen.core.tips.attachments.StoredFile;
import vn.binhyen.core.tips.attachments.Upload;

/**
 * The handling side of a tip: inbox, reading, workflow transitions (forward and escalation
 * included), replies to the citizen and the audited identity reveal. A tip outside the caller's
 * scope is NotFound (its existence is not disclosed); inside it but not theirs to act on, Forbidden.
 */
public final class CaseService {

  /** The photos a reply may carry: what both platforms' upload APIs take. */
  private static final java.util.Set<String> REPLY_IMAGE_TYPES = java.util.Set.of("image/jpeg", "image/png");
  private static final String NOT_FOUND = "Không tìm thấy tin báo / no such tip";

  private final Services services;
  private final TipRepository repo;
  private final InboxRepository inbox;
  private final AttachmentStore store;
  private final IdentitySeal seal;
  private final ReplyRepository replies;
  private final ReplySender sender;
  private final UserRepository users = new UserRepository();

  CaseService(Services services, TipRepository repo, InboxRepository inbox, AttachmentStore store, IdentitySeal seal,
      ReplyRepository replies, ReplySender sender) {
    this.services = services;
    this.replies = replies;
    this.sender = sender;
    this.repo = repo;
    this.inbox = inbox;
    this.store = store;
    this.seal = seal;
  }

  /** The unit's tips; the unit was checked for READ by the scope handler. */
  public Future<Page<Tip>> inbox(Principal p, InboxQuery q) {
    return services.db().inScope(p.scopePath(), tx -> inbox.list(tx, q));
  }

  /**
   * The active officers of the unit (names only), whom its tips can be assigned to; the unit was
   * checked for OPERATE by the scope handler.
   */
  public Future<java.util.List<UserAccount>> officers(Principal p, Tenant unit) {
    return services.db().inScope(p.scopePath(), tx -> users.officersOf(tx, unit.path()));
  }

  public Future<TipDetail> get(Principal p, long id) {
    return inScopeOf(p, p.scopePath(), tx -> load(tx, p, id, Action.READ, false)
        .compose(tip -> detail(tx, tip)));
  }

  private Future<TipDetail> detail(SqlConnection tx, Tip tip) {
    return repo.events(tx, tip.id(), tip.tenantPath())
        .compose(events -> repo.attachments(tx, tip.id()).map(att -> new TipDetail(tip, events, att)));
  }

  /**
   * Applies a workflow action. Fails with NotFound, Forbidden (not the handling unit's to
   * operate), Conflict {@code tip-illegal-transition} (not allowed from the current state) or
   * Invalid (forward target).
   */
  public Future<TipDetail> transition(Principal p, long id, Transition t) {
    Future<Tenant> target = switch (t.action()) {
      case "forward" -> services.tenantDirectory().byCode(t.toUnit());
      case "escalate" -> Future.succeededFuture(null);
      default -> Future.succeededFuture(null);
    };
    return target.compose(dest -> peekPath(p, id).compose(currentPath -> {
      Future<Tenant> to = t.action().equals("escalate") ? parentOf(currentPath) : Future.succeededFuture(dest);
      return to.compose(toUnit -> {
        String scope = toUnit == null ? p.scopePath() : common(p.scopePath(), toUnit.path());
        return inScopeOf(p, scope, tx -> load(tx, p, id, Action.OPERATE, true)
            .compose(tip -> apply(tx, p, tip, t, toUnit)));
      });
    }));
  }

  private Future<TipDetail> apply(SqlConnection tx, Principal p, Tip tip, Transition t, Tenant toUnit) {
    if (!tip.status().allows(t.action())) {
      return Future.failedFuture(new DomainError.Conflict("tip-illegal-transition",
          "Không thể '" + t.action() + "' khi tin báo đang ở trạng thái '" + tip.status().id()
              + "' / cannot " + t.action() + " a tip that is " + tip.status().id()));
    }
    boolean moves = toUnit != null;
    if (moves && toUnit.path().equals(tip.tenantPath())) {
      return Future.failedFuture(new DomainError.Invalid("tip-forward-unit",
          "Tin báo đã thuộc đơn vị này / the tip is already with this unit"));
    }
    if (t.action().equals("assign") && t.assignee() != null && !t.assignee().equals(p.username())) {
      // A colleague: an active officer of the tip's own unit, named in the history.
      return users.officersOf(tx, tip.tenantPath()).compose(list -> list.stream()
          .filter(u -> u.username().equals(t.assignee())).findFirst()
          .map(u -> change(tx, p, tip, t, null, u.username(), join("→ " + u.displayName(), t.note())))
          .orElseGet(() -> Future.failedFuture(new DomainError.Invalid("tip-assignee",
              "Người được giao không phải cán bộ của đơn vị / the assignee is not an officer of the unit"))));
    }
    String assignee = switch (t.action()) {
      case "assign" -> p.username();
      case "forward", "escalate" -> null;
      default -> tip.assignee();
    };
    String note = moves ? join("→ " + toUnit.code() + " " + toUnit.name(), t.note())
        : t.action().equals("assign") ? join("→ " + p.displayName(), t.note()) : t.note();
    return change(tx, p, tip, t, toUnit, assignee, note);
  }

  private Future<TipDetail> change(SqlConnection tx, Principal p, Tip tip, Transition t, Tenant toUnit,
      String assignee, String note) {
    boolean moves = toUnit != null;
    TipStatus next = TipStatus.target(t.action());
    String reason = t.action().equals("reject") ? t.reason() : null;
    OffsetDateTime responded = moves ? null : OffsetDateTime.now(ZoneOffset.UTC);
    return repo.updateState(tx, tip.id(), next, assignee, reason,
            moves ? toUnit.id() : tip.tenantId(), moves ? toUnit.path() : tip.tenantPath(), responded)
        .compose(updated -> repo.insertEvent(tx, tip.id(), "transition", t.action(), tip.status().id(),
                next.id(), p.userId(), p.username(), tip.tenantPath(), reason == null ? note : join(reason, note))
            .compose(x -> detail(tx, updated))
            .onSuccess(d -> TipLive.publish(services.vertx(), t.action(), updated, tip.tenantPath())));
  }

  /**
   * A reply to the citizen (also the first response for the SLA), kept on the tip for the receipt
   * code; for a tip that came from a Zalo or Messenger conversation it is also queued, in the same
   * transaction, to be sent back there ({@link ReplySender}). Fails like {@link #transition}.
   */
  public Future<Void> reply(Principal p, long id, String text) {
    return reply(p, id, text, null);
  }

  /**
   * A reply with a photo ({@code image}: a JPEG or PNG upload, or null): the photo is stored like
   * a tip's attachment (metadata stripped) and sent with the reply through the platform's upload
   * API. Fails with Invalid ({@code reply-image-type}, the store's size limit) and like
   * {@link #transition}.
   */
  public Future<Void> reply(Principal p, long id, String text, Upload image) {
    String clean = vn.binhyen.core.text.Fold.nfc(text);
    // The tip is checked (scope, OPERATE) before the photo is stored: a caller who may not answer
    // it leaves nothing behind.
    Future<StoredFile> photo = image == null ? Future.succeededFuture()
        : inScopeOf(p, p.scopePath(), tx -> load(tx, p, id, Action.OPERATE, false)).compose(t -> store.put(image)).map(f -> {
      if (!REPLY_IMAGE_TYPES.contains(f.mediaType())) {
        throw new DomainError.Invalid("reply-image-type",
            "Ảnh trả lời phải là JPEG hoặc PNG / a reply's photo must be JPEG or PNG");
      }
      return f;
    });
    return photo.compose(file -> inScopeOf(p, p.scopePath(), tx -> load(tx, p, id, Action.OPERATE, true)
        .compose(tip -> repo.insertEventId(tx, id, "reply", "reply", p.userId(), p.username(), tip.tenantPath(), clean)
            .compose(eventId -> (file == null ? Future.<Void>succeededFuture() : repo.insertReplyImage(tx, id, eventId, file))
                .compose(x -> tip.answersThroughPlatform()
                    ? replies.insertQueued(tx, eventId, id).compose(y -> sender.enqueue(tx, tip.tenantPath(), List.of(eventId)))
                    : Future.<Void>succeededFuture()))
            .compose(x -> repo.markResponded(tx, id, OffsetDateTime.now(ZoneOffset.UTC)))
            .onSuccess(x -> TipLive.publish(services.vertx(), "reply", tip, null)))))
        .onSuccess(x -> services.outbox().kick());
  }

  /**
   * The tipster's identity in clear, for officers of the handling unit only (READ_IDENTITY).
   * The reveal and its reason are written, in the same transaction, to the audit log and to the
   * tip's history (an {@code identity} event, which the citizen's follow-up never shows). Fails
   * with NotFound or Forbidden like {@link #get}; the reason was checked by {@link RevealReason}.
   */
  public Future<Identity> reveal(Principal p, long id, RevealReason reason, String requestId) {
    return inScopeOf(p, p.scopePath(), tx -> load(tx, p, id, Action.READ_IDENTITY, false)
        .compose(tip -> services.audit().append(tx, new AuditEntry(p.userId(), p.username(), tip.tenantPath(),
                "tip.identity.reveal", "tip:" + tip.id(), null,
                new JsonObject().put("receipt", tip.receipt()).put("reason", reason.text()), requestId))
            .compose(x -> repo.insertEvent(tx, tip.id(), TipEvent.IDENTITY, "reveal", null, null,
                p.userId(), p.username(), tip.tenantPath(), reason.text()))
            .map(x -> new Identity(
                seal.open(tip.keyTenant(), tip.receipt(), "contact", tip.contactSealed()),
                seal.open(tip.keyTenant(), tip.receipt(), "account", tip.accountSealed())))));
  }

  /** An attachment's media type and bytes, behind the tip's READ check. */
  public Future<Attachment> attachment(Principal p, long tipId, long attachmentId) {
    return inScopeOf(p, p.scopePath(), tx -> load(tx, p, tipId, Action.READ, false)
        .compose(tip -> repo.attachments(tx, tipId)))
        .compose(list -> {
          var a = list.stream().filter(x -> x.id() == attachmentId && x.remoteUrl() == null).findFirst()
              .orElseThrow(() -> new DomainError.NotFound(NOT_FOUND));
          return store.get(a.sha256()).map(bytes -> new Attachment(a.mediaType(), a.fileName(), bytes));
        });
  }

  /** An attachment's content for the HTTP edge. */
  public record Attachment(String mediaType, String fileName, Buffer bytes) {}

  private Future<Tip> load(SqlConnection tx, Principal p, long id, Action action, boolean lock) {
    return repo.findById(tx, id, lock).map(found -> {
      Tip tip = found.filter(t -> TenantPath.contains(p.scopePath(), t.tenantPath()))
          .orElseThrow(() -> new DomainError.NotFound(NOT_FOUND));
      services.policy().check(p, tip.tenantPath(), action);
      return tip;
    });
  }

  private Future<String> peekPath(Principal p, long id) {
    return services.db().inScope(p.scopePath(), tx -> repo.findById(tx, id, false))
        .map(found -> found.orElseThrow(() -> new DomainError.NotFound(NOT_FOUND)).tenantPath());
  }

  private Future<Tenant> parentOf(String path) {
    int cut = path.lastIndexOf('/');
    if (cut < 0) {
      return Future.failedFuture(new DomainError.Invalid("tip-no-parent",
          "Đơn vị cao nhất không thể chuyển lên / the top unit has no parent"));
    }
    String parentPath = path.substring(0, cut);
    return services.tenantDirectory().byCode(parentPath.substring(parentPath.lastIndexOf('/') + 1));
  }

  private <T> Future<T> inScopeOf(Principal p, String scope, Function<SqlConnection, Future<T>> work) {
    return services.db().inScope(scope, work);
  }

  private static String common(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      out.append(i == 0 ? "" : "/").append(x[i]);
    }
    return out.length() == 0 ? a : out.toString();
  }

  private static String join(String a, String b) {
    return b == null ? a : a + " — " + b;
  }
}
