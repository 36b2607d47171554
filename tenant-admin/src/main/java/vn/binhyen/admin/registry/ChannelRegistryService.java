package vn.binhyen.admin.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.admin.Audits;
import vn.binhyen.admin.importing.CsvSource;
import vn.binhyen.admin.importing.LineError;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.text.Fold;

/**
 * The registry of a ward's pages and groups: register, edit, archive, request verification; the
 * province approves (sending {@link ChannelEvents#APPROVED} for the verifier) or rejects with a
 * reason; figures by hand or CSV, rolled up the subtree with coverage. Every change is audited.
 */
public final class ChannelRegistryService {

  /** What an officer registers. */
  public record Registration(String platform, String link, String name, String serves, String admins) {}

  /** A channel with its figures. */
  public record Listed(Channel channel, RegistryRepository.Figures figures) {}

  private final Services s;
  private final ChannelRepository channels = new ChannelRepository();
  private final RegistryRepository repo = new RegistryRepository();

  public ChannelRegistryService(Services s) {
    this.s = s;
  }

  /** Fails with Invalid (link, platform, name), Conflict (already registered), Forbidden. */
  public Future<Channel> register(Principal actor, Tenant unit, Registration r) {
    try {
      checkOperate(actor, unit.path());
      Platform platform = Platform.byId(r.platform()).orElseThrow(() -> new DomainError.Invalid("unknown-platform",
          "Nền tảng không hợp lệ: " + r.platform() + " / unknown platform"));
      ChannelRef ref = ChannelLinks.normalize(r.link(), platform);
      String name = cleanName(r.name());
      return s.db().inScope(unit.path(), tx -> channels.insert(tx, unit.id(), unit.path(), ref,
              ChannelLinks.url(ref), name, ChannelStatus.PENDING, clean(r.serves()), clean(r.admins()))
          .compose(c -> s.audit().append(tx, Audits.entry(actor, unit.path(), "channel.register",
              "channel:" + c.id(), null, json(c))).map(c))
          .compose(c -> changed(tx, c)))
          .onSuccess(this::deliver);
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
  }

  public Future<List<Listed>> list(Principal actor, Tenant unit, boolean includeArchived) {
    return s.db().inScope(actor.scopePath(), tx -> channels.listByTenant(tx, unit.id(), includeArchived)
        .compose(list -> {
          List<Listed> out = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Channel c : list) {
            chain = chain.compose(x -> repo.figures(tx, c.id()).map(f -> {
              out.add(new Listed(c, f));
              return null;
            }));
          }
          return chain.map(out);
        }));
  }

  public Future<Channel> edit(Principal actor, long id, String name, String serves, String admins) {
    return change(actor, id, "channel.edit", (tx, c) -> channels.update(tx, id,
        name == null ? c.displayName() : cleanName(name), serves == null ? c.serves() : clean(serves),
        admins == null ? c.admins() : clean(admins), c.archived()).map(o -> o.orElseThrow()));
  }

  public Future<Channel> archive(Principal actor, long id) {
    return change(actor, id, "channel.archive", (tx, c) -> channels.update(tx, id, c.displayName(), c.serves(),
        c.admins(), true).map(o -> o.orElseThrow()));
  }

  /** A pending, non-archived channel goes into the province's approval queue. */
  public Future<Channel> requestVerification(Principal actor, long id) {
    return change(actor, id, "channel.request-verification", (tx, c) -> {
      if (c.archived() || c.status() != ChannelStatus.PENDING) {
        return Future.failedFuture(new DomainError.Conflict("not-pending",
            "Chỉ trang/nhóm đang chờ (chưa lưu trữ) mới gửi xác minh được / only a pending, unarchived channel can be submitted"));
      }
      return repo.insertRequest(tx, c.id(), c.tenantPath(), actor.userId()).map(c);
    });
  }

  public Future<List<RegistryRepository.Request>> queue(Principal actor, Tenant unit, int limit, int offset) {
    s.policy().check(actor, unit.path(), Action.MANAGE);
    return s.db().inScope(actor.scopePath(), tx -> repo.queue(tx, unit.path(), limit, offset));
  }

  /**
   * Approves the open request: the channel is verified and, in the same transaction, the outbox
   * gets the verifier's work (issue the attestation), delivered at least once after commit.
   */
  public Future<Channel> approve(Principal actor, long id) {
    return decide(actor, id, true, null);
  }

  public Future<Channel> reject(Principal actor, long id, String reason) {
    String why = clean(reason);
    if (why == null) {
      return Future.failedFuture(new DomainError.Invalid("reason-required",
          "Cần nêu lý do từ chối / a reason is required to reject"));
    }
    return decide(actor, id, false, why);
  }

  private Future<Channel> decide(Principal actor, long id, boolean approve, String reason) {
    return loadForManage(actor, id).compose(c -> s.db().inScope(actor.scopePath(), tx -> repo.openRequest(tx, id)
        .compose(open -> {
          var req = open.orElseThrow(() -> new DomainError.Conflict("no-open-request",
              "Trang/nhóm này không có yêu cầu xác minh đang chờ / this channel has no open verification request"));
          Future<Channel> after = approve
              ? channels.setStatus(tx, id, ChannelStatus.VERIFIED, null).map(o -> o.orElseThrow())
              : channels.setStatus(tx, id, ChannelStatus.PENDING, reason).map(o -> o.orElseThrow());
          return repo.decide(tx, req.id(), approve ? "approved" : "rejected", actor.userId(), reason)
              .compose(x -> after)
              .compose(a -> s.audit().append(tx, Audits.entry(actor, c.tenantPath(),
                  approve ? "channel.approve" : "channel.reject", "channel:" + id, json(c),
                  json(a).put("reason", reason))).map(a))
              .compose(a -> approve ? s.outbox().add(tx, ChannelEvents.APPROVED, new JsonObject()
                  .put("channelId", a.id()).put("normalizedId", a.normalizedId())
                  .put("approvedBy", actor.userId()).put("tenantPath", a.tenantPath())).map(a)
                  : Future.succeededFuture(a))
              .compose(a -> changed(tx, a));
        })))
        .onSuccess(this::deliver);
  }

  /** The caller must MANAGE the owner and sit above it: a unit never approves its own channels. */
  private Future<Channel> loadForManage(Principal actor, long id) {
    return s.db().inScope(actor.scopePath(), tx -> channels.findById(tx, id)).compose(found -> {
      Channel c = found.filter(x -> vn.binhyen.core.tenant.TenantPath.contains(actor.scopePath(), x.tenantPath()))
          .orElseThrow(() -> notFound(id));
      s.policy().check(actor, c.tenantPath(), Action.MANAGE);
      if (c.tenantPath().equals(actor.tenantPath())) {
        throw new DomainError.Forbidden("Đơn vị không tự duyệt trang/nhóm của mình; cấp trên duyệt"
            + " / a unit cannot approve its own channels; the unit above does");
      }
      return Future.succeededFuture(c);
    });
  }

  public Future<Channel> setFigures(Principal actor, long id, RegistryRepository.Figures f) {
    return change(actor, id, "channel.figures", (tx, c) -> repo.upsertFigures(tx, c.id(), c.tenantPath(), f).map(c));
  }

  /**
   * Figures from CSV ({@code channel,followers,posts,questions_answered}; channel = id or link),
   * all or nothing: any bad line refuses the file with a line-by-line report.
   */
  public Future<Integer> uploadFigures(Principal actor, Tenant unit, byte[] csv) {
    checkOperate(actor, unit.path());
    CsvSource.Parsed parsed = CsvSource.read(new ByteArrayInputStream(csv),
        List.of("channel", "followers", "posts", "questions_answered"), 50_000);
    return s.db().inScope(unit.path(), tx -> {
      List<LineError> errors = new ArrayList<>(parsed.errors());
      Future<Void> chain = Future.succeededFuture();
      for (CsvSource.Record rec : parsed.records()) {
        chain = chain.compose(x -> figureLine(tx, unit, rec, errors));
      }
      return chain.compose(x -> errors.isEmpty()
          ? s.audit().append(tx, Audits.entry(actor, unit.path(), "channel.figures-upload", "unit:" + unit.code(),
              null, new JsonObject().put("lines", parsed.records().size()))).map(parsed.records().size())
          : Future.failedFuture(new DomainError.Invalid("figures-refused",
              "Từ chối toàn bộ tệp: " + errors.size() + " lỗi / whole file refused: " + errors.size() + " errors",
              errors)));
    });
  }

  private Future<Void> figureLine(SqlConnection tx, Tenant unit, CsvSource.Record rec, List<LineError> errors) {
    RegistryRepository.Figures f;
    try {
      f = new RegistryRepository.Figures(Long.parseLong(rec.field(1)), Long.parseLong(rec.field(2)),
          Long.parseLong(rec.field(3)));
    } catch (RuntimeException e) {
      errors.add(new LineError(rec.line(), rec.field(0), LineError.Kind.MALFORMED.name(),
          "Số liệu phải là số nguyên không âm", "Figures must be whole numbers, not negative"));
      return Future.succeededFuture();
    }
    String key = rec.field(0);
    Future<java.util.Optional<Channel>> found;
    if (key.matches("\\d{1,18}")) {
      found = channels.findById(tx, Long.parseLong(key));
    } else {
      try {
        found = channels.findByNormalizedId(tx, ChannelLinks.normalize(key).normalizedId());
      } catch (DomainError e) {
        found = Future.succeededFuture(java.util.Optional.empty());
      }
    }
    return found.compose(c -> {
      if (c.isEmpty() || !vn.binhyen.core.tenant.TenantPath.contains(unit.path(), c.get().tenantPath())) {
        errors.add(new LineError(rec.line(), key, LineError.Kind.BAD_CODE.name(),
            "Không có trang/nhóm này trong đơn vị", "No such channel in this unit"));
        return Future.succeededFuture();
      }
      return errors.isEmpty() ? repo.upsertFigures(tx, c.get().id(), c.get().tenantPath(), f) : Future.succeededFuture();
    });
  }

  public Future<RegistryRepository.Rollup> rollup(Principal actor, Tenant unit) {
    return s.db().inScope(actor.scopePath(), tx -> repo.rollup(tx, unit.path()));
  }

  private interface Step {
    Future<Channel> apply(SqlConnection tx, Channel before);
  }

  /** Loads the channel in the caller's scope, checks OPERATE (own unit) or MANAGE, applies, audits. */
  private Future<Channel> change(Principal actor, long id, String action, Step step) {
    return s.db().inScope(actor.scopePath(), tx -> channels.findById(tx, id).compose(found -> {
      Channel before = found.filter(c -> vn.binhyen.core.tenant.TenantPath.contains(actor.scopePath(), c.tenantPath()))
          .orElseThrow(() -> notFound(id));
      checkOperate(actor, before.tenantPath());
      return step.apply(tx, before).compose(after -> s.audit().append(tx, Audits.entry(actor,
          before.tenantPath(), action, "channel:" + id, json(before), json(after))).map(after))
          .compose(after -> changed(tx, after));
    })).onSuccess(this::deliver);
  }

  /** The unit's own work (its officers and its admin), exactly as the contract declares: OPERATE. */
  private void checkOperate(Principal actor, String path) {
    s.policy().check(actor, path, Action.OPERATE);
  }

  /** In the change's transaction: once it commits, every node's caches drop the channel. */
  private Future<Channel> changed(SqlConnection tx, Channel c) {
    return s.outbox().publish(tx, ChannelEvents.CHANGED,
        new JsonObject().put("channelId", c.id()).put("normalizedId", c.normalizedId())).map(c);
  }

  /** After commit: the outbox delivers now rather than at its next poll. */
  private void deliver(Channel c) {
    s.outbox().kick();
  }

  private static DomainError notFound(long id) {
    return new DomainError.NotFound("Không có trang/nhóm #" + id + " trong phạm vi / no channel #" + id + " in your scope");
  }

  private static String cleanName(String name) {
    String n = clean(name);
    if (n == null || n.length() > 200) {
      throw new DomainError.Invalid("bad-channel-name", "Tên trang/nhóm 1–200 ký tự / a channel name needs 1–200 characters");
    }
    return n;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Fold.nfc(s.strip());
    return t == null || t.isEmpty() ? null : t;
  }

  public static JsonObject json(Channel c) {
    return new JsonObject().put("id", c.id()).put("tenantPath", c.tenantPath()).put("platform", c.platform().id())
        .put("normalizedId", c.normalizedId()).put("url", c.url()).put("displayName", c.displayName())
        .put("status", c.status().id()).put("serves", c.serves()).put("admins", c.admins())
        .put("archived", c.archived()).put("statusReason", c.statusReason());
  }
}
