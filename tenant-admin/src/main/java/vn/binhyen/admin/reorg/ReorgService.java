package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import vn.binhyen.admin.Audits;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.core.tenant.TenantPath;
import vn.binhyen.core.tenant.TenantRepository;
import vn.binhyen.core.text.Fold;

/**
 * Merge, move, rename and split, each one transaction: units closed with valid_to and successor
 * rows (old codes keep resolving), paths of moved subtrees rewritten in every table that carries
 * one, users and channels following the survivor, every registered {@link ReorgParticipant}
 * called inside the same transaction. A dry run runs the same step and rolls it back.
 */
public final class ReorgService {

  private final Services s;
  private final TenantRepository tenants = new TenantRepository();
  private final ChannelRepository channels = new ChannelRepository();
  private final ReorgSql sql = new ReorgSql();

  public ReorgService(Services s) {
    this.s = s;
  }

  /** Thrown inside the transaction of a dry run so that it rolls back; carries the report. */
  private static final class DryRun extends RuntimeException {
    final ReorgReport report;

    DryRun(ReorgReport report) {
      super(null, null, false, false);
      this.report = report;
    }
  }

  /**
   * Merges {@code sourceCodes} into {@code targetCode} (a current unit of the same level; it may be
   * one of the sources). Fails with Invalid (levels, empty), Conflict {@code reorg-cycle} (the target
   * lies inside a source), Forbidden (outside the caller's subtree), NotFound.
   */
  public Future<ReorgReport> merge(Principal actor, List<String> sourceCodes, String targetCode, boolean dryRun) {
    ReorgReport report = new ReorgReport("merge");
    return s.tenantDirectory().byCode(targetCode).compose(target -> units(sourceCodes).compose(sources -> {
      check(actor, target);
      if (sources.isEmpty() || new HashSet<>(sourceCodes).size() != sourceCodes.size()) {
        throw new DomainError.Invalid("bad-merge", "Cần danh sách đơn vị nguồn không trùng lặp / give distinct source units");
      }
      for (Tenant src : sources) {
        check(actor, src);
        if (src.id() == target.id()) {
          continue;
        }
        if (src.contains(target.path())) {
          throw cycle(src, target);
        }
        if (src.level() != target.level()) {
          throw new DomainError.Invalid("level-mismatch", "Chỉ hợp nhất các đơn vị cùng cấp: " + src.code() + " là "
              + src.level().vi() + ", " + target.code() + " là " + target.level().vi()
              + " / only units of the same level merge");
        }
      }
      return run(actor, report, dryRun, tx -> {
        Future<Void> chain = Future.succeededFuture();
        for (Tenant src : sources) {
          if (src.id() != target.id()) {
            chain = chain.compose(x -> absorb(tx, report, src, target, LocalDate.now()));
          }
        }
        return chain.compose(x -> s.audit().append(tx, Audits.entry(actor, target.path(), "reorg.merge",
            "unit:" + target.code(), new JsonObject().put("sources", new JsonArray(sourceCodes)), report.toJson())));
      });
    }));
  }

  /** Moves a unit (and its subtree) under a new parent. Conflict {@code reorg-cycle} when the parent is inside it. */
  public Future<ReorgReport> move(Principal actor, String code, String newParentCode, boolean dryRun) {
    ReorgReport report = new ReorgReport("move");
    return s.tenantDirectory().byCode(code).compose(unit -> s.tenantDirectory().byCode(newParentCode).compose(parent -> {
      check(actor, unit);
      check(actor, parent);
      if (unit.contains(parent.path())) {
        throw cycle(unit, parent);
      }
      if (!unit.level().mayBeUnder(parent.level())) {
        throw new DomainError.Invalid("level-order", "Không thể đặt " + unit.level().vi() + " dưới "
            + parent.level().vi() + " / a " + unit.level().id() + " cannot be placed under a " + parent.level().id());
      }
      if (parent.id() == unit.parentId()) {
        throw new DomainError.Invalid("same-parent", "Đơn vị đã ở dưới " + parent.code() + " / already under " + parent.code());
      }
      String newPath = TenantPath.child(parent.path(), unit.code());
      return run(actor, report, dryRun, tx -> sql.setParent(tx, unit.id(), parent.id())
          .compose(x -> repath(tx, report, unit.path(), newPath, parent.depth() + 1 - unit.depth()))
          .compose(x -> s.audit().append(tx, Audits.entry(actor, parent.path(), "reorg.move", "unit:" + code,
              new JsonObject().put("path", unit.path()), new JsonObject().put("path", newPath).put("report", report.toJson())))));
    }));
  }

  public Future<ReorgReport> rename(Principal actor, String code, String name, boolean dryRun) {
    ReorgReport report = new ReorgReport("rename");
    String clean = Fold.nfc(name == null ? "" : name.strip());
    if (clean.isEmpty() || clean.length() > 200) {
      return Future.failedFuture(new DomainError.Invalid("bad-unit-name", "Tên đơn vị phải có 1–200 ký tự / a unit name needs 1–200 characters"));
    }
    return s.tenantDirectory().byCode(code).compose(unit -> {
      check(actor, unit);
      return run(actor, report, dryRun, tx -> tenants.rename(tx, unit.id(), clean).compose(after -> {
        report.renamed(code, unit.name(), after.name());
        return s.audit().append(tx, Audits.entry(actor, unit.path(), "reorg.rename", "unit:" + code,
            new JsonObject().put("name", unit.name()), new JsonObject().put("name", after.name())));
      }));
    });
  }

  /**
   * Splits a unit among {@code successorCodes} (current units of its level). Its children, users,
   * channels and participants' data go to {@code defaultCode}, except a channel whose recorded
   * location ({@code serves}) names a successor; everything placed by default is flagged for review.
   */
  public Future<ReorgReport> split(Principal actor, String code, List<String> successorCodes, String defaultCode,
      boolean dryRun) {
    ReorgReport report = new ReorgReport("split");
    if (successorCodes.size() < 2 || !successorCodes.contains(defaultCode) || successorCodes.contains(code)) {
      return Future.failedFuture(new DomainError.Invalid("bad-split", "Chia tách cần ít nhất 2 đơn vị kế thừa khác đơn vị"
          + " bị chia, và đơn vị mặc định nằm trong số đó / a split needs 2+ other successors including the default"));
    }
    return s.tenantDirectory().byCode(code).compose(unit -> units(successorCodes).compose(succ -> {
      check(actor, unit);
      Tenant fallback = null;
      for (Tenant t : succ) {
        check(actor, t);
        if (unit.contains(t.path())) {
          throw cycle(unit, t);
        }
        if (t.level() != unit.level()) {
          throw new DomainError.Invalid("level-mismatch", "Đơn vị kế thừa phải cùng cấp / successors must be of the same level");
        }
        if (t.code().equals(defaultCode)) {
          fallback = t;
        }
      }
      Tenant dflt = fallback;
      return run(actor, report, dryRun, tx -> new SplitStep(s, sql, channels, report)
          .apply(tx, unit, succ, dflt, LocalDate.now())
          .compose(x -> s.audit().append(tx, Audits.entry(actor, unit.path(), "reorg.split", "unit:" + code,
              null, report.toJson()))));
    }));
  }

  /** {@code src} ends: its subtree, users, channels and participants' data go to {@code target}. */
  Future<Void> absorb(SqlConnection tx, ReorgReport report, Tenant src, Tenant target, LocalDate effective) {
    return sql.reparentChildren(tx, src.id(), target.id())
        .compose(x -> sql.moveUsers(tx, src.id(), target.id(), target.path()))
        .compose(n -> {
          report.usersMoved += n;
          return channels.moveAll(tx, src.id(), target.id(), target.path());
        })
        .compose(moved -> {
          moved.forEach(c -> report.channelsMoved.add(new ReorgSql.MovedChannel(c.id(), c.normalizedId(), c.tenantPath())));
          return sql.followChannels(tx, target.id());
        })
        .compose(x -> following(s, tx, report, src))
        .compose(x -> participants(p -> p.moveAll(tx, src, target)))
        .compose(x -> sql.close(tx, src.id(), effective))
        .compose(x -> sql.successor(tx, src.id(), target.id(), effective))
        // The closed unit keeps its path (history); what still carries it is the subtree below,
        // which now hangs from the target.
        .compose(x -> repath(tx, report, src.path(), target.path(), target.depth() - src.depth()))
        .map(x -> {
          report.closed(src.code(), List.of(target.code()));
          return null;
        });
  }

  Future<Void> repath(SqlConnection tx, ReorgReport report, String oldPath, String newPath, int depthDelta) {
    return sql.repath(tx, oldPath, newPath, depthDelta).compose(r -> {
      report.unitsRepathed += r.units();
      report.usersRepathed += r.users();
      report.channelsRepathed.addAll(r.channels());
      return participants(p -> p.repath(tx, oldPath, newPath));
    });
  }

  /** Adds to the report what every participant's {@code moveAll} is about to carry away from {@code unit}. */
  static Future<Void> following(Services s, SqlConnection tx, ReorgReport report, Tenant unit) {
    Future<Void> chain = Future.succeededFuture();
    for (ReorgParticipant p : s.reorgParticipants().all()) {
      chain = chain.compose(x -> p.owned(tx, unit)).map(counts -> {
        counts.forEach((k, n) -> report.followed.merge(k, n, Integer::sum));
        return null;
      });
    }
    return chain;
  }

  private Future<Void> participants(Function<ReorgParticipant, Future<Void>> call) {
    Future<Void> chain = Future.succeededFuture();
    for (ReorgParticipant p : s.reorgParticipants().all()) {
      chain = chain.compose(x -> call.apply(p));
    }
    return chain;
  }

  /** One transaction in the caller's scope; a dry run rolls back; after commit caches and verifier hear of it. */
  private Future<ReorgReport> run(Principal actor, ReorgReport report, boolean dryRun,
      Function<SqlConnection, Future<?>> work) {
    String scope = actor == null ? "BCA" : actor.scopePath();
    return s.db().inScope(scope, tx -> work.apply(tx).compose(x -> dryRun
            ? Future.<ReorgReport>failedFuture(new DryRun(report.dryRun(true)))
            : announce(tx, report).map(report)))
        .recover(e -> e instanceof DryRun d ? Future.succeededFuture(d.report) : Future.failedFuture(e))
        .onSuccess(r -> {
          if (!r.isDryRun()) {
            delivered();
          }
        });
  }

  /** After commit: this node's unit cache at once (the outbox tells every node, at least once). */
  void delivered() {
    s.tenantDirectory().invalidate("*");
    s.outbox().kick();
  }

  /**
   * In the reorganisation's transaction (so nothing is announced for a change that rolled back,
   * and nothing is lost for one that committed): every node's unit cache is dropped, and the
   * moved channels are announced and their attestations re-issued, through the outbox.
   */
  Future<Void> announce(SqlConnection tx, ReorgReport r) {
    Future<Void> units = s.outbox().publish(tx, TenantDirectory.CHANGED_ADDRESS, "*");
    if (r.channelsToReissue().isEmpty()) {
      return units;
    }
    JsonArray ids = new JsonArray();
    r.channelsToReissue().forEach(c -> ids.add(c.id()));
    JsonObject moved = new JsonObject().put("channelIds", ids);
    return units
        .compose(x -> s.outbox().publish(tx, ChannelEvents.OWNER_CHANGED, moved))
        .compose(x -> s.outbox().add(tx, ChannelEvents.REISSUE, moved));
  }

  private Future<List<Tenant>> units(List<String> codes) {
    List<Future<Tenant>> all = new ArrayList<>();
    codes.forEach(c -> all.add(s.tenantDirectory().byCode(c)));
    return Future.all(all).map(cf -> {
      List<Tenant> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        out.add(cf.resultAt(i));
      }
      return out;
    });
  }

  private void check(Principal actor, Tenant t) {
    if (t.parentId() == null) {
      throw new DomainError.Invalid("root-unit", "Không sắp xếp được đơn vị gốc / the root unit cannot be reorganised");
    }
    if (actor != null) {
      s.policy().check(actor, t.path(), Action.MANAGE);
    }
  }

  private static DomainError cycle(Tenant outer, Tenant inner) {
    return new DomainError.Conflict("reorg-cycle", "Đơn vị " + inner.code() + " nằm trong cây của " + outer.code()
        + ": thao tác sẽ tạo vòng lặp / " + inner.code() + " lies inside " + outer.code() + "'s subtree: this would create a cycle");
  }
}
