package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.List;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.text.Fold;

/**
 * One unit divided among several successors. A channel goes where its recorded location (the
 * hamlet or residential group it serves) names a successor; everything else goes to the successor
 * the admin chose and is flagged for review.
 */
final class SplitStep {

  private final Services s;
  private final ReorgSql sql;
  private final ChannelRepository channels;
  private final ReorgReport report;

  SplitStep(Services s, ReorgSql sql, ChannelRepository channels, ReorgReport report) {
    this.s = s;
    this.sql = sql;
    this.channels = channels;
    this.report = report;
  }

  Future<Void> apply(SqlConnection tx, Tenant unit, List<Tenant> successors, Tenant dflt, LocalDate effective) {
    return channels.listByTenant(tx, unit.id(), true).compose(list -> {
      Future<Void> chain = Future.succeededFuture();
      for (Channel c : list) {
        Tenant to = byLocation(c, successors);
        Tenant dest = to == null ? dflt : to;
        chain = chain.compose(x -> sql.moveChannel(tx, c.id(), dest.id(), dest.path()))
            .compose(x -> {
              report.channelsMoved.add(new ReorgSql.MovedChannel(c.id(), c.normalizedId(), dest.path()));
              if (to != null) {
                return Future.succeededFuture();
              }
              report.reviewItems++;
              return sql.review(tx, dest.path(), "channel", c.id(), unit.code(), dest.code(),
                  "Không rõ địa bàn; chuyển về đơn vị mặc định / location unknown; placed with the default successor");
            });
      }
      return chain;
    })
        .compose(x -> successors.stream().map(t -> sql.followChannels(tx, t.id()))
            .reduce(Future.succeededFuture(), (a, b) -> a.compose(y -> b)))
        .compose(x -> tx.preparedQuery("SELECT id FROM app_user WHERE tenant_id = $1")
            .execute(io.vertx.sqlclient.Tuple.of(unit.id())))
        .compose(users -> {
          Future<Void> chain = Future.succeededFuture();
          for (var row : users) {
            long id = row.getLong(0);
            report.reviewItems++;
            chain = chain.compose(x -> sql.review(tx, dflt.path(), "user", id, unit.code(), dflt.code(),
                "Đơn vị bị chia tách; kiểm tra lại nơi công tác / unit split; check where this user now works"));
          }
          return chain.compose(x -> sql.moveUsers(tx, unit.id(), dflt.id(), dflt.path()));
        })
        .compose(n -> {
          report.usersMoved += n;
          return sql.reparentChildren(tx, unit.id(), dflt.id());
        })
        .compose(x -> ReorgService.following(s, tx, report, unit))
        .compose(x -> participants(p -> p.moveAll(tx, unit, dflt)))
        .compose(x -> {
          if (s.reorgParticipants().all().isEmpty()) {
            return Future.succeededFuture();
          }
          report.reviewItems++;
          return sql.review(tx, dflt.path(), "participant-data", unit.id(), unit.code(), dflt.code(),
              "Tin báo và số liệu của đơn vị bị chia tách về đơn vị mặc định / the split unit's tips went to the default successor");
        })
        .compose(x -> sql.close(tx, unit.id(), effective))
        .compose(x -> successors.stream().map(t -> sql.successor(tx, unit.id(), t.id(), effective))
            .reduce(Future.succeededFuture(), (a, b) -> a.compose(y -> b)))
        .compose(x -> sql.repath(tx, unit.path(), dflt.path(), dflt.depth() - unit.depth()))
        .compose(r -> {
          report.unitsRepathed += r.units();
          report.usersRepathed += r.users();
          report.channelsRepathed.addAll(r.channels());
          return participants(p -> p.repath(tx, unit.path(), dflt.path()));
        })
        .map(x -> {
          report.closed(unit.code(), successors.stream().map(Tenant::code).toList());
          return null;
        });
  }

  /** The successor whose name (without accents) the channel's recorded location mentions, if exactly one. */
  private static Tenant byLocation(Channel c, List<Tenant> successors) {
    if (c.serves() == null) {
      return null;
    }
    String where = Fold.fold(c.serves());
    List<Tenant> hits = successors.stream().filter(t -> where.contains(Fold.fold(bareName(t.name())))).toList();
    return hits.size() == 1 ? hits.get(0) : null;
  }

  private static String bareName(String name) {
    return name.replaceFirst("^(Phường|Xã|Thị trấn|Đặc khu|Tỉnh|Thành phố)\\s+", "");
  }

  private Future<Void> participants(java.util.function.Function<ReorgParticipant, Future<Void>> call) {
    Future<Void> chain = Future.succeededFuture();
    for (ReorgParticipant p : s.reorgParticipants().all()) {
      chain = chain.compose(x -> call.apply(p));
    }
    return chain;
  }
}
