package vn.binhyen.core.tips;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tips.attachments.AttachmentStore;
import vn.binhyen.core.tips.attachments.StoredFile;
import vn.binhyen.core.tips.attachments.Upload;

/**
 * Intake from every channel and the citizen's side of a tip: receiving (web form, officer entry,
 * webhooks), following up with receipt and secret, and the citizen's replies.
 */
public final class TipService {

  private static final String NOT_FOUND = "Không tìm thấy tin báo với mã và mật mã này / no tip with this receipt and secret";

  private final Services services;
  private final TipRepository repo;
  private final AttachmentStore store;
  private final IdentitySeal seal;
  private final TipSettings settings;
  private final Map<String, TipCategory> categories;
  private final IntakeBatcher intake;
  private final ReplyRepository replies;
  private final ReplySender sender;

  TipService(Services services, TipRepository repo, AttachmentStore store, IdentitySeal seal,
      TipSettings settings, Map<String, TipCategory> categories, ReplyRepository replies, ReplySender sender) {
    this.services = services;
    this.replies = replies;
    this.sender = sender;
    this.repo = repo;
    this.store = store;
    this.seal = seal;
    this.settings = settings;
    this.intake = new IntakeBatcher(services.db(), repo);
    this.categories = categories;
  }

  /** The group-commit writer of this node's intake (its counters show the batching). */
  IntakeBatcher intake() {
    return intake;
  }

  public List<TipCategory> categories() {
    return List.copyOf(categories.values());
  }

  /**
   * A citizen's tip from the public form (rate-limited per client address). Fails with NotFound
   * (unit), Invalid (category, attachments) or TooManyRequests.
   */
  public Future<Receipt> submitPublic(String clientKey, NewTip tip) {
    return services.rateLimiter().hit("tips.submit", clientKey, settings.submitPerIpPerMinute(), Duration.ofMinutes(1))
        .compose(x -> services.publicCeilings().admit("tips.submit", settings.submitPerIpPerMinute()))
        .compose(x -> services.tenantDirectory().byCode(tip.unitCode()))
        .compose(unit -> receive(unit, tip, null));
  }

  /** A tip an officer took by phone or in person, for the officer's own unit. */
  public Future<Receipt> submitByOfficer(Principal officer, Tenant unit, NewTip tip) {
    services.policy().check(officer, unit.path(), vn.binhyen.core.access.Action.OPERATE);
    return receive(unit, tip, officer);
  }

  /**
   * Receives a tip for {@code unit} in one transaction (tip, first event, attachments; the
   * roll-ups follow by trigger). A platform message received before fails with Conflict
   * {@code tip-duplicate}.
   */
  public Future<Receipt> receive(Tenant unit, NewTip tip, Principal officer) {
    TipCategory category = categories.get(tip.category());
    if (category == null) {
      return Future.failedFuture(new DomainError.Invalid("tip-category",
          "Không có lĩnh vực này / unknown category: " + tip.category()));
    }
    if (!unit.current()) {
      return Future.failedFuture(new DomainError.NotFound("Đơn vị không còn hoạt động / unit no longer exists"));
    }
    if (tip.uploads().size() > settings.maxAttachments()) {
      return Future.failedFuture(new DomainError.Invalid("attachment-count", "Tối đa "
          + settings.maxAttachments() + " tệp / at most " + settings.maxAttachments() + " files"));
    }
    String receipt = ReceiptCodes.newReceipt();
    String secret = ReceiptCodes.newSecret();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    byte[] contact = seal.seal(unit.code(), receipt, "contact", tip.contact());
    byte[] account = seal.seal(unit.code(), receipt, "account", tip.account());
    return storeAll(tip.uploads())
        .map(files -> new TipRow(receipt, ReceiptCodes.hashSecret(secret), unit.id(), unit.path(), unit.code(),
            tip, contact, account, now, now.atZoneSameInstant(settings.zone()).toLocalDate(),
            now.plusHours(category.slaHours()), officer == null ? null : officer.userId(),
            officer == null ? actorOf(tip.source()) : officer.username(),
            officer == null ? null : "Tiếp nhận qua " + tip.source(), files))
        .compose(row -> write(row, secret, RECEIPT_ATTEMPTS));
  }

  /** Receipts are random: a collision (about one in 10^8 at ten million tips) draws another. */
  private static final int RECEIPT_ATTEMPTS = 3;

  private Future<Receipt> write(TipRow row, String secret, int attemptsLeft) {
    return intake.write(row).compose(saved -> {
      if (saved.isPresent()) {
        TipLive.publish(services.vertx(), "received", saved.get(), null);
        return Future.succeededFuture(new Receipt(saved.get().id(), saved.get().receipt(), secret, saved.get().status()));
      }
      if (row.tip().messageId() != null) {
        return Future.failedFuture(new DomainError.Conflict("tip-duplicate",
            "Tin nhắn này đã được tiếp nhận / message already received"));
      }
      if (attemptsLeft <= 1) {
        return Future.failedFuture(new DomainError.Conflict("tip-receipt-taken",
            "Không cấp được mã tin báo, xin gửi lại / could not issue a receipt code, please send again"));
      }
      // The identity was sealed with the receipt as associated data: seal it again under the new one.
      String receipt = ReceiptCodes.newReceipt();
      String newSecret = ReceiptCodes.newSecret();
      TipRow again = row.withReceipt(receipt, ReceiptCodes.hashSecret(newSecret),
          seal.seal(row.keyTenant(), receipt, "contact", row.tip().contact()),
          seal.seal(row.keyTenant(), receipt, "account", row.tip().account()));
      return write(again, newSecret, attemptsLeft - 1);
    });
  }

  private static String actorOf(String source) {
    return switch (source) {
      case "facebook" -> "Facebook Messenger";
      case "zalo" -> "Zalo OA";
      default -> "Người báo tin / citizen";
    };
  }

  private Future<List<StoredFile>> storeAll(List<Upload> uploads) {
    List<Future<StoredFile>> all = new ArrayList<>();
    uploads.forEach(u -> all.add(store.put(u)));
    return Future.all(all).map(cf -> cf.<StoredFile>list());
  }

  /**
   * Status and public conversation of a tip. A wrong receipt or secret fails with the same
   * NotFound; attempts are rate-limited per client and failures per receipt.
   */
  public Future<FollowUp> follow(String clientKey, String typedReceipt, String secret) {
    return verified(clientKey, typedReceipt, secret).compose(located -> services.db()
        .inScope(located.tenantPath(), tx -> repo.findById(tx, located.id(), false)
            .compose(tip -> repo.events(tx, located.id(), tip.orElseThrow().tenantPath())
                .map(events -> events.stream().filter(TipEvent::publicToCitizen).toList())
                .compose(events -> services.tenantDirectory().byCode(tip.orElseThrow().unitCode())
                    .map(Tenant::name).recover(e -> Future.succeededFuture(""))
                    .map(name -> new FollowUp(tip.orElseThrow(), name, events))))));
  }

  /** The citizen's reply; fails with NotFound (receipt/secret) or Conflict on a rejected tip. */
  public Future<Void> citizenMessage(String clientKey, String typedReceipt, String secret, String text) {
    String clean = vn.binhyen.core.text.Fold.nfc(text);
    return verified(clientKey, typedReceipt, secret).compose(located -> services.db()
        .inScope(located.tenantPath(), tx -> repo.findById(tx, located.id(), false).compose(tip -> {
          Tip t = tip.orElseThrow(() -> new DomainError.NotFound(NOT_FOUND));
          if (t.status() == TipStatus.REJECTED) {
            return Future.failedFuture(new DomainError.Conflict("tip-closed",
                "Tin báo đã bị từ chối / the tip was rejected"));
          }
          return repo.insertEvent(tx, t.id(), "citizen", "message", null, null, null,
              "Người báo tin / citizen", t.tenantPath(), clean)
              .onSuccess(x -> TipLive.publish(services.vertx(), "message", t, null));
        })));
  }

  private Future<TipRepository.Located> verified(String clientKey, String typedReceipt, String secret) {
    Optional<String> receipt = ReceiptCodes.normalize(typedReceipt);
    return services.rateLimiter()
        .hit("tips.follow", clientKey, settings.followPerIpPerMinute(), Duration.ofMinutes(1))
        .compose(x -> services.publicCeilings().admit("tips.follow", settings.followPerIpPerMinute()))
        .compose(x -> receipt.isEmpty() ? Future.succeededFuture(Optional.<TipRepository.Located>empty())
            : repo.locate(services.db().pool(), receipt.get()))
        .compose(found -> {
          if (found.isPresent() && ReceiptCodes.matches(secret, found.get().secretHash())) {
            return Future.succeededFuture(found.get());
          }
          String key = receipt.orElse("malformed");
          return services.rateLimiter()
              .hit("tips.secret-fail", key, settings.secretFailuresPerReceipt(), Duration.ofHours(1))
              .compose(x -> Future.failedFuture(new DomainError.NotFound(NOT_FOUND)));
        });
  }

  /** Idempotency for webhooks: whether a platform message already became a tip. */
  public Future<Boolean> alreadyReceived(String source, String messageId) {
    return repo.byMessage(services.db().pool(), source, messageId).map(Optional::isPresent);
  }

  /** What one platform message became: a new tip (with its receipt), or an addition to an open one. */
  public record Intake(long tipId, Optional<Receipt> newTip) {}

  /**
   * A platform message of one sender ({@code senderKey}: their keyed hash, never their id): it
   * joins the sender's open tip if their latest message to it came less than
   * BINHYEN_TIPS_CONVERSATION_HOURS ago (0: never), else it becomes a new tip linked to them.
   * {@code joinedText} is what an addition records (the text and the links of what was sent).
   * A message already received joins or creates nothing.
   */
  public Future<Intake> receiveMessage(Tenant unit, NewTip tip, byte[] senderKey, long channelId, String joinedText) {
    String messageKey = tip.source() + ":" + tip.messageId();
    return repo.messageJoined(services.db().pool(), messageKey).compose(seen -> seen
        ? Future.failedFuture(new DomainError.Conflict("tip-duplicate",
            "Tin nhắn này đã được tiếp nhận / message already received"))
        : services.db().inScope(unit.path(), tx -> conversation(tx, senderKey, joinedText)
            .compose(open -> open.isEmpty()
                ? Future.succeededFuture(Optional.<Tip>empty())
                : repo.joinMessage(tx, open.get(), actorOf(tip.source()), joinedText, messageKey)
                    .compose(x -> repo.setSender(tx, open.get().id(), senderKey, channelId))
                    .compose(x -> requeueHeld(tx, unit, senderKey))
                    .map(open))))
        .compose(joined -> {
          if (joined.isPresent()) {
            TipLive.publish(services.vertx(), "message", joined.get(), null);
            return Future.succeededFuture(new Intake(joined.get().id(), Optional.empty()));
          }
          return receive(unit, tip, null).compose(receipt -> services.db().inScope(unit.path(),
                  tx -> repo.setSender(tx, receipt.tipId(), senderKey, channelId)
                      .compose(x -> requeueHeld(tx, unit, senderKey))
                      .compose(x -> welcome(tx, unit, receipt, senderKey)))
              .map(x -> new Intake(receipt.tipId(), Optional.of(receipt))));
        })
        .onSuccess(x -> services.outbox().kick());
  }

  /**
   * A platform's receipt for replies sent through one of {@code unit}'s channels: the replies with
   * these platform message ids, or (a watermark) every reply to {@code senderKey} sent at or
   * before it, become {@code status} ({@code delivered} or {@code read}); never a step back, so a
   * redelivered receipt changes nothing. Read in the scope of the unit's country: a tip forwarded
   * since still gets it.
   */
  public Future<Void> replyReceipt(Tenant unit, List<String> platformMessageIds, byte[] senderKey,
      OffsetDateTime watermark, String status) {
    String path = unit.path();
    String root = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    return services.db().inScope(root, tx -> (platformMessageIds.isEmpty() ? Future.<Void>succeededFuture()
            : replies.receiptByIds(tx, platformMessageIds, status))
        .compose(x -> watermark == null || senderKey == null ? Future.<Void>succeededFuture()
            : replies.receiptByWatermark(tx, senderKey, watermark, status)));
  }

  // The tip a message joins: the sender's own tip named by a receipt code in it, else their open
  // tip within the conversation period (none when joining is off).
  private Future<Optional<Tip>> conversation(io.vertx.sqlclient.SqlConnection tx, byte[] senderKey, String text) {
    Optional<String> typed = WelcomeMessage.typedReceipt(text);
    Future<Optional<Tip>> named = typed.isEmpty() ? Future.succeededFuture(Optional.empty())
        : repo.senderTipByReceipt(tx, senderKey, typed.get());
    return named.compose(found -> found.isPresent() || settings.conversationHours() == 0 ? Future.succeededFuture(found)
        : repo.openConversation(tx, senderKey, settings.conversationHours()));
  }

  // The automatic first reply of a conversation that opened a tip, through the same outbox and
  // delivery rows as an officer's. The history keeps it without the secret; the secret travels
  // sealed in the outbox row only, and is gone once the reply is sent.
  private Future<Void> welcome(io.vertx.sqlclient.SqlConnection tx, Tenant unit, Receipt receipt, byte[] senderKey) {
    String follow = services.config().publicUrl().replaceAll("/+$", "") + "/tips/follow";
    String pseudonym = Tip.pseudonymOf(senderKey);
    String full = WelcomeMessage.text(unit.name(), receipt.receipt(), receipt.secret(), pseudonym, follow);
    String kept = WelcomeMessage.text(unit.name(), receipt.receipt(), WelcomeMessage.HIDDEN_SECRET, pseudonym, follow);
    return repo.insertEventId(tx, receipt.tipId(), "reply", "reply", null, "BinhYen", unit.path(), kept)
        .compose(eventId -> replies.insertQueued(tx, eventId, receipt.tipId())
            .compose(x -> sender.enqueueText(tx, unit.path(), eventId, full)));
  }

  // The sender wrote again, which reopens the platform's reply window: their held replies go out.
  private Future<Void> requeueHeld(io.vertx.sqlclient.SqlConnection tx, Tenant unit, byte[] senderKey) {
    return replies.requeueHeld(tx, senderKey)
        .compose(ids -> ids.isEmpty() ? Future.<Void>succeededFuture() : sender.enqueue(tx, unit.path(), ids));
  }
}
